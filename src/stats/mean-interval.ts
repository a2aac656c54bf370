import { checkLevel } from './check-level.js';
import { checkScaleSummary } from './check-scale-summary.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { studentTQuantile } from './student-t-quantile.js';
import type { IntervalEstimate, ScaleRange, ScaleSummary } from './types.js';

/**
 * Student t confidence interval for a mean (CSAT / CES average) from summary statistics.
 *
 *   x̄ ± t(n − 1, 1 − α/2)·s/√n,  s² on n − 1.
 *
 * The t quantile comes from `studentTQuantile` (n may be non-integer for weighted data, so the
 * df n − 1 may be too). The interval is returned unclipped and clipped to the answer scale
 * when `scale` is given (a 1–5 mean's interval never leaves 1–5 on display); without it the
 * clipped copy equals the unclipped one. Same as R `t.test(x)$conf.int`.
 *
 * Edge cases: n = 0 gives a null estimate; 0 < n < 2 gives the mean with null bounds ("n/a (n<2)": no
 * variance, t undefined); s = 0
 * (all answers equal) gives a zero-width interval with `zeroWidth: true`.
 *
 * Complexity: one t quantile.
 *
 * Source: W. S. Gosset ("Student"), "The probable error of a mean", Biometrika 6 (1908) 1–25;
 * any text, e.g. Casella & Berger, Statistical Inference, §9.2.
 *
 * @param summary `{ n, mean, variance }`, e.g. from `summarizeScaleCounts`
 * @param level confidence level, default 0.95
 * @param scale optional answer range used only for the clipped copy
 * @returns the mean with its interval (method `'t'`)
 * @throws {RangeError} on a negative or non-finite n or variance, a non-finite mean or a level
 *   outside (0, 1)
 * @example
 * meanInterval({ n: 10, mean: 3.8, variance: 1.5111111111111111 }, 0.95).lower; // => 2.9206 (3.8 − 2.2622·0.3887)
 */
export function meanInterval(
  summary: ScaleSummary,
  level = 0.95,
  scale?: ScaleRange,
): IntervalEstimate<'t'> {
  checkLevel(level);
  const { n, mean, variance } = checkScaleSummary(summary, 'sample');
  if (n < 2 || mean === null || variance === null) {
    // one answer is still a mean: shown, without an interval (issue 14)
    const none = noEstimate('t', level, n, n === 0 ? 'n/a (n=0)' : 'n/a (n<2)');
    return mean === null ? none : { ...none, value: mean };
  }
  const alpha = 1 - level;
  const halfWidth = -studentTQuantile(alpha / 2, n - 1) * Math.sqrt(variance / n);
  return intervalEstimate({
    method: 't',
    level,
    n,
    value: mean,
    lower: mean - halfWidth,
    upper: mean + halfWidth,
    bounds: scale ? [scale.min, scale.max] : [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
  });
}
