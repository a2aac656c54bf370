import { checkCount } from './check-count.js';

/**
 * Validates x successes out of n trials and returns x, snapped to n when it exceeds n only by
 * rounding.
 *
 * Counts may be non-integer (weighted data passes `share × nEff`), so x can overshoot n by a
 * few ulps (share = 1 computed as Σw/Σw); such an x is snapped to n. A larger excess is a
 * programmer error.
 *
 * @param x successes, 0 ≤ x ≤ n
 * @param n trials (effective n), ≥ 0
 * @returns x, possibly snapped to n
 * @throws {RangeError} if a count is negative or non-finite, or x > n beyond rounding
 * @example
 * checkProportionCounts(3, 10); // => 3
 */
export function checkProportionCounts(x: number, n: number): number {
  checkCount(x, 'successes');
  checkCount(n, 'trials');
  if (x > n) {
    if (x - n <= 1e-9 * n) return n;
    throw new RangeError(`successes (${x}) exceed trials (${n})`);
  }
  return x;
}
