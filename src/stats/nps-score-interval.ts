import { checkLevel } from './check-level.js';
import { checkNpsCounts } from './check-nps-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate, NpsCounts } from './types.js';

/**
 * Score interval for the Net Promoter Score (Tango 1998 on the trinomial).
 *
 * NPS = p_P − p_D is a difference of two proportions of one multinomial sample, the setting
 * of Tango's score interval for paired proportions. For a candidate Δ, the restricted
 * maximum-likelihood detractor share q̃ under NPS = Δ is the non-negative root of
 * A·q² + B·q + C = 0 with
 *
 *   A = 2n,  B = −D − P + (2n − P + D)Δ,  C = −D·Δ(1 − Δ),
 *   q̃ = (√(B² − 4AC) − B)/(2A),
 *   Z(Δ) = (P − D − nΔ)/√(n·(2q̃ + Δ(1 − Δ))),
 *
 * and the interval is {Δ : |Z(Δ)| ≤ z}. Z falls in Δ, from +∞ at Δ = −1 through 0 at the
 * raw NPS to −∞ at Δ = 1, so the lower bound solves Z = +z on [−1, NPS] and the upper
 * Z = −z on [NPS, 1]; both are found by bisection to full double precision (~1e-16; at most
 * ~60 halvings). q̃ is evaluated in the cancellation-free form −2C/(B + √(B² − 4AC)) when B > 0.
 * The bounds never leave [−1, 1]. Same construction as R `NPS::nps_test(test = "iterative")`.
 *
 * Edge cases: n = 0 gives a null estimate; upper = 1 when P = n and lower = −1 when D = n.
 *
 * Complexity: O(log(1/ε)) evaluations of Z.
 *
 * Source: T. Tango, "Equivalence test and confidence interval for the difference in
 * proportions for the paired-sample design", Statistics in Medicine 17 (1998) 891–908;
 * B. Rocks, The American Statistician 70(4) (2016), §3.
 *
 * @param counts detractors, passives, promoters (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the raw NPS with its score interval
 * @example
 * npsScoreInterval({ detractors: 0, passives: 0, promoters: 1 }, 0.95).lower; // => -0.5869 (upper 1)
 */
export function npsScoreInterval(counts: NpsCounts, level = 0.95): IntervalEstimate<'score'> {
  checkLevel(level);
  const n = checkNpsCounts(counts);
  if (n === 0) return noEstimate('score', level, n, 'n/a (n=0)');
  const z = normalCriticalValue(level);
  const { detractors: d, promoters: p } = counts;
  const nps = (p - d) / n;
  const score = (delta: number): number => {
    const a = 2 * n;
    const b = -d - p + (2 * n - p + d) * delta;
    const c = -d * delta * (1 - delta);
    const root = Math.sqrt(Math.max(0, b * b - 4 * a * c));
    const q = b > 0 ? (-2 * c) / (b + root) : (root - b) / (2 * a);
    return (p - d - n * delta) / Math.sqrt(n * (2 * q + delta * (1 - delta)));
  };
  // Z(Δ) − target changes sign once on (low, high); keep `inside` on the side where |Z| ≤ z.
  const solve = (inside: number, outside: number, target: number): number => {
    for (let i = 0; i < 200; i++) {
      const middle = 0.5 * (inside + outside);
      if (middle === inside || middle === outside) break;
      if (Math.abs(score(middle)) <= Math.abs(target)) inside = middle;
      else outside = middle;
    }
    return 0.5 * (inside + outside);
  };
  const lower = d >= n ? -1 : solve(nps, -1, z);
  const upper = p >= n ? 1 : solve(nps, 1, -z);
  return intervalEstimate({ method: 'score', level, n, value: nps, lower, upper, bounds: [-1, 1] });
}
