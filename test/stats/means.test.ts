// Mean intervals against R t.test(x)$conf.int; scale summaries against a direct computation.
import { describe, expect, it } from 'vitest';
import { meanDifferenceTest, meanInterval, summarizeScaleCounts } from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface MeanCase {
  values: number[];
  level: number;
  mean: number;
  variance: number;
  lower: number;
  upper: number;
}

const { mean: cases } = loadReference<{ mean: MeanCase[] }>('r-reference.json');

/** Counts per point of a 1–5 scale, built here from raw answers. */
function countsOf(values: number[]): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const value of values) counts[value - 1] += 1;
  return counts;
}

describe('meanInterval from summarizeScaleCounts against R t.test', () => {
  it.each(cases)('n = $values.length at $level', ({ values, level, mean, variance, lower, upper }) => {
    const summary = summarizeScaleCounts(countsOf(values), 1);
    expect(summary.n).toBe(values.length);
    expectClose(summary.mean, mean, 1e-14, 0, 'mean');
    expectClose(summary.variance, variance, 1e-13, 0, 'variance');
    const result = meanInterval(summary, level, { min: 1, max: 5 });
    expect(result.method).toBe('t');
    expectClose(result.lower, lower, 1e-12, 0, 'lower');
    expectClose(result.upper, upper, 1e-12, 0, 'upper');
    expect(result.lowerClipped).toBe(Math.max(1, result.lower as number));
    expect(result.upperClipped).toBe(Math.min(5, result.upper as number));
  });
});

describe('mean edge cases', () => {
  it('n = 0 gives null; n = 1 gives the value without an interval (t undefined; issue 14)', () => {
    expect(meanInterval(summarizeScaleCounts([0, 0, 0, 0, 0]))).toMatchObject({ n: 0, value: null, reason: 'n/a (n=0)' });
    expect(summarizeScaleCounts([0, 0, 1, 0, 0])).toEqual({ n: 1, mean: 3, variance: null });
    expect(meanInterval(summarizeScaleCounts([0, 0, 1, 0, 0]))).toMatchObject({ n: 1, value: 3, lower: null, upper: null, reason: 'n/a (n<2)' });
  });
  it('s = 0 gives a zero-width interval, flagged', () => {
    const result = meanInterval(summarizeScaleCounts([0, 0, 0, 6, 0]));
    expect(result).toMatchObject({ value: 4, lower: 4, upper: 4, zeroWidth: true, reason: null });
  });
  it('clips to the scale only when it is given', () => {
    const summary = summarizeScaleCounts([0, 0, 0, 1, 3]);
    expect(meanInterval(summary, 0.95).upperClipped).toBe(meanInterval(summary, 0.95).upper);
    expect(meanInterval(summary, 0.95, { min: 1, max: 5 }).upperClipped).toBe(5);
  });
  it('supports other scales (CES 1–7, NPS-like 0–10) and non-integer weighted counts', () => {
    expect(summarizeScaleCounts([1, 1, 1], 5).mean).toBe(6);
    expect(summarizeScaleCounts([0.5, 1.5], 0)).toEqual({ n: 2, mean: 0.75, variance: 0.375 });
  });
  it('throws on programmer errors', () => {
    expect(() => summarizeScaleCounts([1, -1])).toThrow(/scale point 2/);
    expect(() => summarizeScaleCounts([1, 2], Number.NaN)).toThrow(/lowest scale point/);
    expect(() => meanInterval({ n: 5, mean: 3, variance: -1 })).toThrow(RangeError);
    expect(() => meanInterval({ n: 5, mean: 3, variance: 1 }, 1.5)).toThrow(RangeError);
  });
  it('throws on a NaN mean or a non-finite n instead of returning a NaN interval', () => {
    expect(() => meanInterval({ n: 5, mean: Number.NaN, variance: 1 })).toThrow(/sample: mean must be finite/);
    const ok = { n: 5, mean: 1, variance: 1 };
    expect(() => meanDifferenceTest({ n: 5, mean: Number.NaN, variance: 1 }, ok)).toThrow(/group 1: mean/);
    expect(() => meanDifferenceTest(ok, { n: Number.POSITIVE_INFINITY, mean: 2, variance: 1 })).toThrow(/group 2: n/);
    expect(() => meanDifferenceTest(ok, { n: 5, mean: 2, variance: -1 })).toThrow(/group 2: variance/);
  });
});
