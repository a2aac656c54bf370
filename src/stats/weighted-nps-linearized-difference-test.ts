import { checkLevel } from './check-level.js';
import { differenceResult } from './difference-result.js';
import { normalCriticalValue } from './normal-critical-value.js';
import { twoSidedNormalP } from './two-sided-normal-p.js';
import type { DifferenceTest, WeightedNpsTally } from './types.js';
import { weightedNpsLinearizedSe } from './weighted-nps-linearized-se.js';

/**
 * Difference of two weighted NPS values from independent groups, each with its linearization
 * (Taylor-series) standard error (see {@link weightedNpsLinearizedSe}):
 *
 *   Δ = NPS_w,1 − NPS_w,2,   SE = √(SE₁² + SE₂²),   z = Δ/SE,   p = 2·Φ(−|z|),
 *   interval Δ ± z_{1−α/2}·SE (signed, centred on Δ).
 *
 * This is the `--variance linearized` counterpart of the n_eff-based NPS difference test: two
 * independent domain means of a with-replacement design (what R `survey::svyby` + `svycontrast`
 * give for a segment against the rest of a sample with independent groups).
 *
 * Edge cases: a group with Σw = 0 gives every number null with a reason; a group with fewer than
 * two responses has no standard error (null with a reason, the difference still given); SE = 0
 * (both groups one-sided) gives the difference and a zero-width interval but no test.
 *
 * Complexity: O(1).
 *
 * Source: K. M. Wolter, Introduction to Variance Estimation (2nd ed., 2007), §6.11;
 * T. Lumley, Complex Surveys (2010), §2.3 and §3.4 (domains).
 *
 * @param first per-class count, Σw and Σw² of group 1
 * @param second the same for group 2
 * @param level confidence level in (0, 1)
 * @returns the difference NPS_w,1 − NPS_w,2 (on −2..2) with its interval and p
 * @throws {RangeError} on a negative or non-finite count or sum, or a level outside (0, 1)
 * @example
 * weightedNpsLinearizedDifferenceTest({ detractors: { count: 1, sumWeights: 1, sumSquaredWeights: 1 }, passives: { count: 1, sumWeights: 2, sumSquaredWeights: 4 }, promoters: { count: 2, sumWeights: 3, sumSquaredWeights: 5 } }, { detractors: { count: 2, sumWeights: 2, sumSquaredWeights: 2 }, passives: { count: 0, sumWeights: 0, sumSquaredWeights: 0 }, promoters: { count: 2, sumWeights: 2, sumSquaredWeights: 2 } }).diff; // => 0.3333 (2/6 − 0)
 */
export function weightedNpsLinearizedDifferenceTest(
  first: WeightedNpsTally,
  second: WeightedNpsTally,
  level = 0.95,
): DifferenceTest<'linearized'> {
  checkLevel(level);
  const method = 'linearized';
  const bounds = [-2, 2] as const;
  const a = weightedNpsLinearizedSe(first);
  const b = weightedNpsLinearizedSe(second);
  if (a.value === null || b.value === null) {
    return differenceResult({ method, level, bounds, reason: `n/a (n=0 in group ${a.value === null ? 1 : 2})` });
  }
  const diff = a.value - b.value;
  if (a.se === null || b.se === null) {
    return differenceResult({ method, level, bounds, diff, center: diff, reason: `n/a (n<2 in group ${a.se === null ? 1 : 2}): no linearized standard error` });
  }
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  const halfWidth = normalCriticalValue(level) * se;
  const lower = diff - halfWidth;
  const upper = diff + halfWidth;
  if (se === 0) {
    return differenceResult({ method, level, bounds, diff, center: diff, se, intervalSe: se, lower, upper, reason: 'standard error is 0 (both groups one-sided): no test' });
  }
  const z = diff / se;
  return differenceResult({ method, level, bounds, diff, center: diff, se, intervalSe: se, statistic: z, p: twoSidedNormalP(z), lower, upper });
}
