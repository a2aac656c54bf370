import { betaPowerTerms } from './beta-power-terms.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * Quantile of the Beta(a, b) distribution: the x in [0, 1] with I_x(a, b) = p (or, with
 * `lowerTail = false`, with 1 − I_x(a, b) = p, so tiny upper-tail probabilities keep their
 * precision).
 *
 * JavaScript has no beta quantile, so we invert `regularizedIncompleteBeta` by safeguarded
 * Newton iteration: starting from the approximation of Abramowitz & Stegun 26.5.22 (a, b ≥ 1)
 * or the power-law tail approximation (otherwise), each step x ← x − (I_x − p)/f(x) uses the
 * beta density f(x) = xᵃ⁻¹(1 − x)ᵇ⁻¹/B(a, b), while a bracket [lo, hi] that always contains
 * the root is maintained; a step that leaves the bracket is replaced by bisection. The
 * iteration stops when a step changes x by less than 1e-15 relative, so the result is
 * accurate to about 1e-14 relative (limited by I_x itself). For p > ½ the upper tail
 * 1 − I_x(a, b) = 1 − p is matched instead, so upper quantiles do not suffer from 1 − p
 * rounding inside the solver. Note that a quantile close to 1 is limited by the spacing of
 * doubles near 1 (1.1e-16 absolute); callers that need 1 − x accurately should ask for the
 * quantile of Beta(b, a) instead.
 *
 * Used for Clopper–Pearson (Beta(x, n − x + 1), Beta(x + 1, n − x)), Jeffreys
 * (Beta(x + ½, n − x + ½)) and the Student t quantile.
 *
 * Edge cases: p = 0 gives 0 and p = 1 gives 1.
 *
 * Complexity: a handful of incomplete-beta evaluations (Newton converges quadratically).
 *
 * Source: Abramowitz & Stegun 26.5.22; W. H. Press et al., Numerical Recipes (3rd ed.)
 * §6.14.11 (`invbetai`), with bisection safeguarding as in Brent-style root finding.
 *
 * @param p probability in [0, 1]
 * @param a first shape parameter, > 0
 * @param b second shape parameter, > 0
 * @param lowerTail true (default) if p is P(X ≤ x), false if p is P(X > x)
 * @returns the quantile x
 * @throws {RangeError} if p is outside [0, 1] or a shape is not positive and finite
 * @example
 * betaQuantile(0.025, 1, 20); // => 0.00126508949795 (1 − 0.975^(1/20))
 */
export function betaQuantile(p: number, a: number, b: number, lowerTail = true): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`beta quantile needs p in [0, 1], got ${p}`);
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new RangeError(`beta quantile needs positive finite shapes, got a=${a}, b=${b}`);
  }
  if (p === 0) return lowerTail ? 0 : 1;
  if (p === 1) return lowerTail ? 1 : 0;
  // P(X ≤ x) and P(X > x) at the quantile; the one that was passed in is exact.
  const lowerP = lowerTail ? p : 1 - p;
  const upperP = lowerTail ? 1 - p : p;
  // Match the smaller tail: g(x) = I_x − lowerP or upperP − (1 − I_x); g increases in x.
  const upper = upperP < lowerP;
  const target = upper ? upperP : lowerP;
  let lo = 0;
  let hi = 1;
  let x = initialGuess(lowerP, upperP, a, b);
  for (let step = 0; step < 2000; step++) {
    const tail = regularizedIncompleteBeta(x, a, b, !upper);
    const g = upper ? target - tail : tail - target;
    if (g === 0) return x;
    if (g < 0) lo = x;
    else hi = x;
    const density = betaPowerTerms(x, 1 - x, a, b) / (x * (1 - x));
    const newton = x - g / density;
    // Converged when a Newton step no longer moves x (checked before the bracket test, since
    // x itself has just become an end of the bracket).
    if (Math.abs(newton - x) <= 1e-15 * x) return newton > lo && newton < hi ? newton : x;
    const next = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
    if (next === lo || next === hi) return x;
    x = next;
  }
  return x;
}

/** Starting point for Newton (Numerical Recipes `invbetai`), kept strictly inside (0, 1). */
function initialGuess(p: number, q: number, a: number, b: number): number {
  let x: number;
  if (a >= 1 && b >= 1) {
    // A&S 26.5.22: a normal approximation on the logit scale.
    const pp = p < 0.5 ? p : q;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    // Tails behave like xᵃ/(a·B) and (1 − x)ᵇ/(b·B).
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * q, 1 / b);
  }
  if (!(x > 0 && x < 1)) x = x >= 1 ? 1 - 1e-16 : x <= 0 ? 1e-300 : 0.5;
  return x;
}
