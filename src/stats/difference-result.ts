import type { DifferenceTest } from './types.js';

/**
 * Builds a {@link DifferenceTest}, deriving the clipped bounds and the zero-width flag.
 *
 * Fields left out are `null`. The clipped copy is the interval intersected with `bounds`
 * ([−2, 2] for a difference of NPS, [−1, 1] for proportions, ±(max − min) of a scale).
 *
 * @param fields method, level, bounds and whatever numbers are defined
 * @returns the difference-test result
 * @example
 * differenceResult({ method: 'wald', level: 0.95, bounds: [-1, 1], diff: 0.5, lower: -0.2, upper: 1.2 }).upperClipped; // => 1
 */
export function differenceResult<M extends string>(fields: {
  method: M;
  level: number;
  bounds: readonly [number, number];
  diff?: number | null;
  center?: number | null;
  se?: number | null;
  intervalSe?: number | null;
  statistic?: number | null;
  df?: number | null;
  p?: number | null;
  lower?: number | null;
  upper?: number | null;
  reason?: string | null;
}): DifferenceTest<M> {
  const lower = fields.lower ?? null;
  const upper = fields.upper ?? null;
  const [min, max] = fields.bounds;
  return {
    method: fields.method,
    level: fields.level,
    diff: fields.diff ?? null,
    center: fields.center ?? null,
    se: fields.se ?? null,
    intervalSe: fields.intervalSe ?? null,
    statistic: fields.statistic ?? null,
    df: fields.df ?? null,
    p: fields.p ?? null,
    lower,
    upper,
    lowerClipped: lower === null ? null : Math.min(Math.max(lower, min), max),
    upperClipped: upper === null ? null : Math.max(Math.min(upper, max), min),
    zeroWidth: lower !== null && lower === upper,
    reason: fields.reason ?? null,
  };
}
