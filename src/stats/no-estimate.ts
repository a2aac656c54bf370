import type { IntervalEstimate } from './types.js';

/**
 * Builds an undefined {@link IntervalEstimate}: every number `null`, with a `reason`.
 *
 * cxm's empty-input convention (docs/style.md habit 7): statistics return a result object with
 * `n` and `null` estimates plus a reason when a value is undefined — n = 0 for any
 * estimate, n < 2 for a t interval — and throw only on programmer error.
 *
 * @param method the method that was asked for
 * @param level confidence level
 * @param n the (possibly zero) sample size
 * @param reason short lowercase explanation without a trailing period, e.g. "n/a (n=0)"
 * @returns the undefined estimate
 * @example
 * noEstimate('wilson', 0.95, 0, 'n/a (n=0)').value; // => null
 */
export function noEstimate<M extends string>(
  method: M,
  level: number,
  n: number,
  reason: string,
): IntervalEstimate<M> {
  return {
    method,
    level,
    n,
    value: null,
    lower: null,
    upper: null,
    lowerClipped: null,
    upperClipped: null,
    zeroWidth: false,
    reason,
  };
}
