import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { differenceResult } from './difference-result.js';
import { normalCriticalValue } from './normal-critical-value.js';
import { twoSidedNormalP } from './two-sided-normal-p.js';
import type { DifferenceTest } from './types.js';

/**
 * Two-sample z test for the difference of two independent proportions, with a Wald
 * interval of the difference.
 *
 * Test, pooled (default; statsmodels `proportions_ztest`, R `prop.test(correct = FALSE)`):
 *
 *   p̄ = (x₁ + x₂)/(n₁ + n₂),  z = (p̂₁ − p̂₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)),  p = 2·Φ(−|z|).
 *
 * Unpooled (`pooled: false`; statsmodels `test_proportions_2indep(method = 'wald')`):
 * z = (p̂₁ − p̂₂)/√(p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂).
 *
 * Interval — always the unpooled Wald interval (p̂₁ − p̂₂) ± z_{1−α/2}·√(p̂₁(1 − p̂₁)/n₁ +
 * p̂₂(1 − p̂₂)/n₂), as statsmodels `confint_proportions_2indep(method = 'wald', compare =
 * 'diff')`: the pooled variance is only valid under the null hypothesis p₁ = p₂, so it is
 * used for the test but not for an interval around a non-zero difference. (The two can
 * therefore disagree at the margin: p slightly below α with an interval touching 0.)
 * `se` is the test's standard error, `intervalSe` the interval's.
 *
 * Edge cases: an empty group gives all-null with a reason. A test standard error of 0
 * (pooled: p̄ = 0 or 1; unpooled: both p̂ in {0, 1}) gives `statistic` and `p` null with a
 * reason; the interval is still returned (zero width when its SE is 0).
 *
 * Complexity: O(1).
 *
 * Source: A. Agresti, Categorical Data Analysis (3rd ed.), §3.1.3 and §2.1.3; statsmodels
 * `statsmodels.stats.proportion`.
 *
 * @param x1 successes in group 1 (may be non-integer)
 * @param n1 size of group 1
 * @param x2 successes in group 2
 * @param n2 size of group 2
 * @param level confidence level, default 0.95
 * @param options `pooled` (default true): pooled or unpooled test variance
 * @returns the difference test (method `'pooled-z'` or `'unpooled-z'`), bounds clipped to [−1, 1]
 * @example
 * twoProportionTest(30, 100, 20, 90, 0.95).statistic; // => 1.2156 (statsmodels proportions_ztest)
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  level = 0.95,
  options: { pooled?: boolean } = {},
): DifferenceTest<'pooled-z' | 'unpooled-z'> {
  checkLevel(level);
  x1 = checkProportionCounts(x1, n1);
  x2 = checkProportionCounts(x2, n2);
  const pooled = options.pooled ?? true;
  const method: 'pooled-z' | 'unpooled-z' = pooled ? 'pooled-z' : 'unpooled-z';
  const bounds = [-1, 1] as const;
  if (n1 === 0 || n2 === 0) {
    return differenceResult({ method, level, bounds, reason: `n/a (n=0 in group ${n1 === 0 ? 1 : 2})` });
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const diff = p1 - p2;
  const intervalSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const pBar = (x1 + x2) / (n1 + n2);
  const se = pooled ? Math.sqrt(pBar * (1 - pBar) * (1 / n1 + 1 / n2)) : intervalSe;
  const halfWidth = normalCriticalValue(level) * intervalSe;
  const common = { method, level, bounds, diff, center: diff, se, intervalSe, lower: diff - halfWidth, upper: diff + halfWidth };
  if (se === 0) {
    return differenceResult({ ...common, reason: 'standard error is 0 (no variation in the data): no test' });
  }
  const z = diff / se;
  return differenceResult({ ...common, statistic: z, p: twoSidedNormalP(z) });
}
