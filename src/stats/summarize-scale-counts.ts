import { checkCount } from './check-count.js';
import type { ScaleSummary } from './types.js';

/**
 * Summarizes answers on an integer scale from their counts per scale point: n, mean and
 * sample variance (on n − 1).
 *
 * With cₖ answers at point k (k = lowest, lowest + 1, …):
 *
 *   n = Σ cₖ,  x̄ = Σ cₖ·k / n,  s² = Σ cₖ·(k − x̄)² / (n − 1).
 *
 * Two passes (mean first, then squared deviations), which avoids the cancellation of
 * Σ cₖk² − n·x̄². Counts may be non-integer (weighted data: share × n_eff), in which case
 * n − 1 uses the effective n, as for frequency weights.
 *
 * Edge cases: n = 0 gives mean and variance `null`; n ≤ 1 gives variance `null`.
 *
 * Complexity: O(number of scale points).
 *
 * Source: B. P. Welford / T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for computing
 * the sample variance", The American Statistician 37(3) (1983) 242–247 (two-pass algorithm).
 *
 * @param counts counts for the scale points lowest, lowest + 1, …, e.g. 5 counts for a 1–5 scale
 * @param lowest value of the first scale point, default 1
 * @returns `{ n, mean, variance }`
 * @throws {RangeError} if a count is negative or non-finite, or `lowest` is not an integer
 * @example
 * summarizeScaleCounts([1, 0, 2, 3, 4], 1).mean; // => 3.9 (1·1 + 3·2 + 4·3 + 5·4 = 39 over 10)
 */
export function summarizeScaleCounts(counts: readonly number[], lowest = 1): ScaleSummary {
  if (!Number.isSafeInteger(lowest)) throw new RangeError(`lowest scale point must be an integer, got ${lowest}`);
  let n = 0;
  let total = 0;
  counts.forEach((count, index) => {
    checkCount(count, `count of scale point ${lowest + index}`);
    n += count;
    total += count * (lowest + index);
  });
  if (n === 0) return { n, mean: null, variance: null };
  const mean = total / n;
  if (n <= 1) return { n, mean, variance: null };
  let squares = 0;
  counts.forEach((count, index) => {
    const deviation = lowest + index - mean;
    squares += count * deviation * deviation;
  });
  return { n, mean, variance: squares / (n - 1) };
}
