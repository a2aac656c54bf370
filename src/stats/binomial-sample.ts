/**
 * Draws one Binomial(n, p) variate exactly, in O(1) expected time for any n.
 *
 * With p' = min(p, 1 − p) (and n − X returned when p > ½):
 *
 * - n·p' < 10: sequential inversion — walk the CDF from 0 with
 *   P(k) = P(k − 1)·(n − k + 1)/k · p'/(1 − p'), starting at (1 − p')ⁿ; O(n·p') steps.
 * - n·p' ≥ 10: Hörmann's BTRD, transformed rejection with decomposition. A fast acceptance
 *   region accepts about 86 % of candidates with one uniform; the rest are accepted or
 *   rejected against the exact binomial ratio f(k)/f(m) (recursively when |k − m| ≤ 15,
 *   otherwise through Stirling's series with the tabulated corrections fc(k) for k < 10),
 *   so the output follows the binomial distribution exactly, not an approximation to it.
 *   n = 10⁷ costs the same as n = 10².
 *
 * `n` must be a non-negative integer (this is the one place in `src/stats` that needs
 * integers; `npsBootstrapInterval` rounds effective counts before calling it).
 *
 * Edge cases: n = 0, p = 0 give 0; p = 1 gives n.
 *
 * Complexity: O(min(n·p', 10)) for inversion, O(1) expected for BTRD.
 *
 * Source: W. Hörmann, "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46 (1993) 101–110 (algorithm BTRD); inversion: L. Devroye,
 * Non-Uniform Random Variate Generation (1986), §X.4.
 *
 * @param n number of trials, a non-negative safe integer
 * @param p success probability in [0, 1]
 * @param random uniform [0, 1) generator, e.g. `seededRandom(seed)`
 * @returns the number of successes
 * @throws {RangeError} if n is not a non-negative safe integer or p is outside [0, 1]
 * @example
 * binomialSample(10, 1, seededRandom(1)); // => 10
 */
export function binomialSample(n: number, p: number, random: () => number): number {
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const k = n * q < 10 ? inversion(n, q, random) : btrd(n, q, random);
  return flip ? n - k : k;
}

/** Sequential search of the CDF, for n·p < 10 and p ≤ ½. */
function inversion(n: number, p: number, random: () => number): number {
  const ratio = p / (1 - p);
  const start = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = random();
    let probability = start;
    let k = 0;
    while (u > probability) {
      u -= probability;
      k += 1;
      if (k > n) break; // only reachable through rounding of the cumulated terms: draw again
      probability *= ((n - k + 1) / k) * ratio;
    }
    if (k <= n) return k;
  }
}

/** Hörmann's BTRD, for n·p ≥ 10 and p ≤ ½ (step numbers as in the paper). */
function btrd(n: number, p: number, random: () => number): number {
  // 0. Set-up.
  const m = Math.floor((n + 1) * p);
  const r = p / (1 - p);
  const nr = (n + 1) * r;
  const npq = n * p * (1 - p);
  const sqrtNpq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * sqrtNpq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * sqrtNpq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    // 1. Fast acceptance in the centre.
    let v = random();
    if (v <= urvr) {
      const u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    // 2. Choose u, v for the remaining region.
    let u: number;
    if (v >= vr) {
      u = random() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = random() * vr;
    }
    // 3.0 Candidate k.
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // 3.1 Recursive evaluation of f(k)/f(m).
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // 3.2 Squeeze on log scale.
    v = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // 3.3 / 3.4 Final acceptance test against log f(k)/f(m) by Stirling with corrections.
    const nm = n - m + 1;
    const h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlingCorrection(m) + stirlingCorrection(n - m);
    const nk = n - k + 1;
    if (
      v <=
      h +
        (n + 1) * Math.log(nm / nk) +
        (k + 0.5) * Math.log((nk * r) / (k + 1)) -
        stirlingCorrection(k) -
        stirlingCorrection(n - k)
    ) {
      return k;
    }
  }
}

/**
 * fc(k) = ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], tabulated for k < 10, else
 * 1/12(k+1) − 1/360(k+1)³ + 1/1260(k+1)⁵.
 */
function stirlingCorrection(k: number): number {
  if (k < 10) return FC[k];
  const inv = 1 / (k + 1);
  const inv2 = inv * inv;
  return (1 / 12 - (1 / 360 - inv2 / 1260) * inv2) * inv;
}

/** fc(0..9) (Hörmann 1993, Table). */
const FC = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
  0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
  0.009255462182712733, 0.008330563433362871,
];
