import { checkLevel } from './check-level.js';
import { differenceResult } from './difference-result.js';
import { studentTCdf } from './student-t-cdf.js';
import { studentTQuantile } from './student-t-quantile.js';
import type { DifferenceTest } from './types.js';

/**
 * A difference with a given standard error and degrees of freedom: t = diff/se, p = 2·T_df(−|t|),
 * interval diff ± t_{df, 1−α/2}·se. Used for means under `--cluster` (the cluster-robust SE with
 * G − 1 degrees of freedom, as R `survey` gives with `degf(design)`).
 *
 * Edge cases: se = 0 gives a zero-width interval and p null with a reason; df < 1 gives no estimate.
 *
 * Complexity: O(1) plus the t quantile.
 *
 * Source: T. Lumley, Complex Surveys (2010), §2.3 (degrees of freedom of a design).
 *
 * @param diff the difference
 * @param se its standard error
 * @param df degrees of freedom (G − 1)
 * @param level confidence level
 * @param bounds the range of the difference (for the clipped copy)
 * @returns the difference test (method `'cluster-t'`)
 * @example
 * tDifferenceTest(0.5, 0.25, 9, 0.95, [-4, 4]).p; // => 0.07655282377
 */
export function tDifferenceTest(diff: number, se: number, df: number, level: number, bounds: readonly [number, number]): DifferenceTest<'cluster-t'> {
  checkLevel(level);
  const method = 'cluster-t' as const;
  if (!(df >= 1)) return differenceResult({ method, level, bounds, diff, reason: 'fewer than 2 clusters: no cluster-robust variance' });
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  const common = { method, level, bounds, diff, center: diff, se, intervalSe: se, df, lower: diff - half, upper: diff + half };
  if (se === 0) return differenceResult({ ...common, reason: 'standard error is 0 (no variation in the data): no test' });
  const t = diff / se;
  return differenceResult({ ...common, statistic: t, p: 2 * studentTCdf(-Math.abs(t), df) });
}
