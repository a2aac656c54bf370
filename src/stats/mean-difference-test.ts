import { checkLevel } from './check-level.js';
import { checkScaleSummary } from './check-scale-summary.js';
import { differenceResult } from './difference-result.js';
import { studentTCdf } from './student-t-cdf.js';
import { studentTQuantile } from './student-t-quantile.js';
import type { DifferenceTest, ScaleRange, ScaleSummary } from './types.js';

/**
 * Welch's two-sample t test and interval for the difference of two independent means.
 *
 *   Δ = x̄₁ − x̄₂,  SE² = s₁²/n₁ + s₂²/n₂,  t = Δ/SE,
 *   df = SE⁴ / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)]   (Welch–Satterthwaite),
 *   p = 2·F_df(−|t|),  CI Δ ± t_{df, 1−α/2}·SE.
 *
 * Does not assume equal variances; matches scipy `ttest_ind(a, b, equal_var = False)` and R
 * `t.test(a, b)` (statistic, df, p-value and interval). df is usually non-integer; the t CDF
 * and quantile handle that through the incomplete beta, and the lower tail is computed
 * directly so tiny p-values keep their accuracy.
 *
 * Edge cases: a group with n < 2 gives all-null with a reason. SE = 0 (both groups constant)
 * gives `statistic`, `p` and `df` null with a reason and a zero-width interval at Δ. When only
 * one group is constant, df = n − 1 of the other group.
 *
 * Complexity: one t CDF and one t quantile.
 *
 * Source: B. L. Welch, "The generalization of 'Student's' problem when several different
 * population variances are involved", Biometrika 34 (1947) 28–35; F. E. Satterthwaite,
 * Biometrics Bulletin 2 (1946) 110–114.
 *
 * @param first `{ n, mean, variance }` of group 1 (variance on n − 1)
 * @param second `{ n, mean, variance }` of group 2
 * @param level confidence level, default 0.95
 * @param scale optional answer range; the clipped interval stays within ±(max − min)
 * @returns the difference test (method `'welch-t'`)
 * @throws {RangeError} on a negative or non-finite n or variance, a non-finite mean or a level
 *   outside (0, 1)
 * @example
 * meanDifferenceTest({ n: 10, mean: 4.2, variance: 0.4 }, { n: 12, mean: 3.5, variance: 1.1 }, 0.95).df; // => 18.41
 */
export function meanDifferenceTest(
  first: ScaleSummary,
  second: ScaleSummary,
  level = 0.95,
  scale?: ScaleRange,
): DifferenceTest<'welch-t'> {
  checkLevel(level);
  const method = 'welch-t';
  const span = scale ? scale.max - scale.min : Number.POSITIVE_INFINITY;
  const bounds = [-span, span] as const;
  checkScaleSummary(first, 'group 1');
  checkScaleSummary(second, 'group 2');
  for (const [index, group] of [first, second].entries()) {
    if (group.n < 2 || group.mean === null || group.variance === null) {
      return differenceResult({ method, level, bounds, reason: `n/a (n<2 in group ${index + 1})` });
    }
  }
  const mean1 = first.mean as number;
  const mean2 = second.mean as number;
  const v1 = (first.variance as number) / first.n;
  const v2 = (second.variance as number) / second.n;
  const diff = mean1 - mean2;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    return differenceResult({
      method, level, bounds, diff, center: diff, se, intervalSe: se, lower: diff, upper: diff,
      reason: 'standard error is 0 (both groups constant): no test',
    });
  }
  const df = ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (first.n - 1) + (v2 * v2) / (second.n - 1));
  const t = diff / se;
  const halfWidth = -studentTQuantile((1 - level) / 2, df) * se;
  return differenceResult({
    method, level, bounds, diff, center: diff, se, intervalSe: se, statistic: t, df,
    p: 2 * studentTCdf(-Math.abs(t), df),
    lower: diff - halfWidth,
    upper: diff + halfWidth,
  });
}
