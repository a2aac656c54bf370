import { checkLevel } from './check-level.js';
import { checkNpsCounts } from './check-nps-counts.js';
import { differenceResult } from './difference-result.js';
import { normalCriticalValue } from './normal-critical-value.js';
import { npsMoments } from './nps-moments.js';
import { twoSidedNormalP } from './two-sided-normal-p.js';
import type { DifferenceTest, NpsCounts } from './types.js';

/**
 * z test and confidence interval for the difference of two independent Net Promoter Scores.
 *
 *   Δ = NPS₁ − NPS₂,  SE = √(V₁/n₁ + V₂/n₂),  V = p_P + p_D − NPS²,
 *   z = Δ/SE,  p = 2·Φ(−|z|) (via erfc, so tiny p stay accurate),  CI Δ ± z_{1−α/2}·SE (signed).
 *
 * Adjusted variant (`adjusted: true`, the default): each group first gets the adjusted-Wald
 * pseudo-counts (0.75, 1.5, 0.75), so V, n and NPS above are the adjusted Ṽᵢ, ñᵢ = nᵢ + 3
 * and NPS̃ᵢ. This keeps SE > 0 when a small group is one-sided (all promoters).
 *
 * Where the adjusted interval is centred — a choice: like R `NPS::nps_test(test =
 * "adjusted.wald")` (Rocks), whose two-sample branch computes `delta.hat <- abs(nps.x -
 * nps.y)` from the *adjusted* scores and takes both the interval and the p-value from it,
 * cxm centres the interval on the adjusted difference NPS̃₁ − NPS̃₂ and computes z from it,
 * so the test and the interval always agree (p < α exactly when the interval excludes 0).
 * Unlike R we keep the sign (R reports |Δ̃|). The reported `diff` is the raw difference
 * NPS₁ − NPS₂; `center` holds NPS̃₁ − NPS̃₂. This mirrors the one-sample adjusted Wald
 * interval (centred on NPS̃, reporting the raw NPS).
 *
 * Independence: the groups must be different respondents. Compare a segment with the rest
 * (total minus segment), not with the total; period-vs-previous comparisons with repeat
 * respondents are anti-conservative.
 *
 * Edge cases: an empty group gives all-null with a reason. With `adjusted: false`, SE = 0
 * (both groups one-sided, e.g. all promoters in both) gives `statistic` and `p` null with a
 * reason and a zero-width interval at Δ.
 *
 * Complexity: O(1).
 *
 * Source: B. Rocks, The American Statistician 70(4) (2016); R package NPS, `nps_test`
 * (https://github.com/brendan-r/NPS, R/nps_tests.R).
 *
 * @param first counts of group 1
 * @param second counts of group 2
 * @param level confidence level, default 0.95
 * @param options `adjusted` (default true): apply the pseudo-counts to each group
 * @returns the difference test (method `'adjusted-wald'` or `'wald'`), bounds clipped to [−2, 2]
 * @example
 * npsDifferenceTest({ detractors: 10, passives: 20, promoters: 70 }, { detractors: 30, passives: 20, promoters: 50 }, 0.95, { adjusted: false }).p; // => 0.000261 (z = 3.6515)
 */
export function npsDifferenceTest(
  first: NpsCounts,
  second: NpsCounts,
  level = 0.95,
  options: { adjusted?: boolean } = {},
): DifferenceTest<'adjusted-wald' | 'wald'> {
  checkLevel(level);
  const adjusted = options.adjusted ?? true;
  const method: 'adjusted-wald' | 'wald' = adjusted ? 'adjusted-wald' : 'wald';
  const n1 = checkNpsCounts(first);
  const n2 = checkNpsCounts(second);
  const bounds = [-2, 2] as const;
  if (n1 === 0 || n2 === 0) {
    return differenceResult({ method, level, bounds, reason: `n/a (n=0 in group ${n1 === 0 ? 1 : 2})` });
  }
  const diff = (first.promoters - first.detractors) / n1 - (second.promoters - second.detractors) / n2;
  const a = npsMoments(first, adjusted);
  const b = npsMoments(second, adjusted);
  const center = a.nps - b.nps;
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  const halfWidth = normalCriticalValue(level) * se;
  const lower = center - halfWidth;
  const upper = center + halfWidth;
  if (se === 0) {
    return differenceResult({
      method, level, bounds, diff, center, se, intervalSe: se, lower, upper,
      reason: 'standard error is 0 (both groups one-sided): no test',
    });
  }
  const z = center / se;
  return differenceResult({
    method, level, bounds, diff, center, se, intervalSe: se, statistic: z, p: twoSidedNormalP(z), lower, upper,
  });
}
