import type { IntervalEstimate } from './types.js';

/**
 * Builds an {@link IntervalEstimate} from a point value and unclipped bounds.
 *
 * The clipped copy is `max(min, lower)` and `min(max, upper)` for the parameter space
 * `[min, max]` given as `bounds` ([0, 1] for proportions, [−1, 1] for NPS, the answer
 * scale for a mean). `zeroWidth` is set when `lower === upper` exactly, which happens for
 * Wald at p = 0 or 1, a mean with s = 0, or a one-class bootstrap.
 *
 * @param fields the method, level, n, value, unclipped bounds and parameter space
 * @returns the interval estimate with `reason: null`
 * @example
 * intervalEstimate({ method: 'wald', level: 0.95, n: 10, value: 0.9, lower: 0.714, upper: 1.086, bounds: [0, 1] }).upperClipped; // => 1
 */
export function intervalEstimate<M extends string>(fields: {
  method: M;
  level: number;
  n: number;
  value: number;
  lower: number;
  upper: number;
  bounds: readonly [number, number];
}): IntervalEstimate<M> {
  const { method, level, n, value, lower, upper, bounds } = fields;
  return {
    method,
    level,
    n,
    value,
    lower,
    upper,
    lowerClipped: Math.min(Math.max(lower, bounds[0]), bounds[1]),
    upperClipped: Math.max(Math.min(upper, bounds[1]), bounds[0]),
    zeroWidth: lower === upper,
    reason: null,
  };
}
