import type { ScaleSummary } from './types.js';

/**
 * Validates the summary statistics `{ n, mean, variance }` of a numeric answer and returns them.
 *
 * n must be finite and non-negative (it may be non-integer: an effective n); `mean` and
 * `variance` may be `null` (undefined for n = 0 and n ≤ 1, see `summarizeScaleCounts`) but
 * otherwise must be finite, and the variance non-negative. Anything else is a programmer
 * error: a NaN mean would otherwise come out as a NaN interval with no reason.
 *
 * @param summary the summary to check
 * @param name what it summarises, used in the error message (e.g. "group 1")
 * @returns the same summary
 * @throws {RangeError} on a negative or non-finite n or variance, or a non-finite mean
 * @example
 * checkScaleSummary({ n: 4, mean: 3.5, variance: 1 }, 'sample').n; // => 4
 */
export function checkScaleSummary(summary: ScaleSummary, name: string): ScaleSummary {
  const { n, mean, variance } = summary;
  if (!(Number.isFinite(n) && n >= 0)) throw new RangeError(`${name}: n must be a finite non-negative number, got ${n}`);
  if (mean !== null && !Number.isFinite(mean)) throw new RangeError(`${name}: mean must be finite, got ${mean}`);
  if (variance !== null && !(Number.isFinite(variance) && variance >= 0)) {
    throw new RangeError(`${name}: variance must be a finite non-negative number, got ${variance}`);
  }
  return summary;
}
