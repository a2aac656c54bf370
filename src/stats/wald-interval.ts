import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate } from './types.js';

/**
 * Wald (normal approximation) interval for a binomial proportion.
 *
 *   p̂ ± z·√(p̂(1 − p̂)/n),  p̂ = x/n, z = Φ⁻¹(1 − α/2).
 *
 * The textbook interval, kept for comparison (`--method wald`): its coverage is erratic and
 * far below nominal near p = 0 or 1 and for small n (Brown, Cai & DasGupta 2001). The bounds
 * are returned unclipped and clipped to [0, 1] (statsmodels `proportion_confint(method =
 * 'normal')` returns the clipped ones).
 *
 * Edge cases: n = 0 gives a null estimate; x = 0, x = n and n = 1 give a zero-width interval
 * (`zeroWidth: true`), which must never be shown as certainty.
 *
 * Complexity: O(1).
 *
 * Source: L. Brown, T. Cai, A. DasGupta, "Interval estimation for a binomial proportion",
 * Statistical Science 16(2) (2001) 101–133, eq. (1).
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * waldInterval(8, 10, 0.95).upperClipped; // => 1 (unclipped upper 1.0479)
 */
export function waldInterval(x: number, n: number, level = 0.95): IntervalEstimate<'wald'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('wald', level, n, 'n/a (n=0)');
  const z = normalCriticalValue(level);
  const p = x / n;
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n);
  return intervalEstimate({
    method: 'wald',
    level,
    n,
    value: p,
    lower: p - halfWidth,
    upper: p + halfWidth,
    bounds: [0, 1],
  });
}
