// Two-sample tests against statsmodels (two proportions), scipy and R (Welch t), an independent
// closed-form Python implementation (NPS differences) and R p.adjust.
import { describe, expect, it } from 'vitest';
import {
  meanDifferenceTest,
  npsDifferenceTest,
  pAdjust,
  summarizeScaleCounts,
  twoProportionTest,
  type NpsCounts,
  type ScaleSummary,
} from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface NpsDifferenceCase {
  first: NpsCounts;
  second: NpsCounts;
  level: number;
  adjusted: boolean;
  diff: number;
  center: number;
  se: number;
  statistic: number | null;
  p: number | null;
  lower: number;
  upper: number;
}
interface ProportionDifferenceCase {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  level: number;
  diff: number;
  lower: number;
  upper: number;
  pooled: { statistic: number | null; p: number | null };
  unpooled: { statistic: number | null; p: number | null };
}
interface WelchCase {
  first: ScaleSummary;
  second: ScaleSummary;
  level: number;
  diff: number;
  statistic: number;
  p: number;
  df: number;
  lower: number;
  upper: number;
}
interface RWelch {
  a: number[];
  b: number[];
  level: number;
  statistic: number;
  df: number;
  p: number;
  lower: number;
  upper: number;
}

const differences = loadReference<{ nps: NpsDifferenceCase[]; proportions: ProportionDifferenceCase[]; welch: WelchCase[] }>(
  'differences.json',
);
const r = loadReference<{ welch: RWelch[]; pAdjust: { p: (number | null)[]; bh: (number | null)[]; holm: (number | null)[] }[] }>(
  'r-reference.json',
);

/** Sample mean and variance (n − 1) of raw values, computed here, not by the code under test. */
function summary(values: number[]): ScaleSummary {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

describe('npsDifferenceTest against the closed form', () => {
  it.each(differences.nps)('adjusted=$adjusted level=$level %#', (c) => {
    const result = npsDifferenceTest(c.first, c.second, c.level, { adjusted: c.adjusted });
    expect(result.method).toBe(c.adjusted ? 'adjusted-wald' : 'wald');
    expectClose(result.diff, c.diff, 1e-13, 1e-15, 'diff');
    expectClose(result.center, c.center, 1e-13, 1e-15, 'center');
    expectClose(result.se, c.se, 1e-12, 1e-15, 'se');
    expectClose(result.statistic, c.statistic, 1e-12, 1e-14, 'z');
    expectClose(result.p, c.p, 1e-11, 1e-300, 'p');
    expectClose(result.lower, c.lower, 1e-12, 1e-14, 'lower');
    expectClose(result.upper, c.upper, 1e-12, 1e-14, 'upper');
    if (c.p === null) expect(result.reason).toMatch(/standard error is 0/);
  });
  it('centres the adjusted interval on the adjusted difference and reports the raw one', () => {
    const first = { detractors: 0, passives: 0, promoters: 5 };
    const second = { detractors: 5, passives: 0, promoters: 0 };
    const result = npsDifferenceTest(first, second);
    expect(result.diff).toBe(2);
    expect(result.center).toBeCloseTo(2 * (5 / 8), 14);
    expect(((result.lower as number) + (result.upper as number)) / 2).toBeCloseTo(result.center as number, 14);
    // p < α exactly when the interval excludes 0.
    expect((result.p as number) < 0.05).toBe((result.lower as number) > 0);
    expect(result.upperClipped).toBeLessThanOrEqual(2);
  });
  it('plain Wald with SE = 0 gives p = null, a reason and a zero-width interval', () => {
    const all = { detractors: 0, passives: 0, promoters: 20 };
    const result = npsDifferenceTest(all, all, 0.95, { adjusted: false });
    expect(result).toMatchObject({ diff: 0, se: 0, statistic: null, p: null, zeroWidth: true });
    expect(result.reason).toMatch(/standard error is 0/);
    expect(npsDifferenceTest(all, all).p).toBeCloseTo(1, 12); // adjusted keeps SE > 0
  });
  it('an empty group gives all-null with a reason', () => {
    const result = npsDifferenceTest({ detractors: 0, passives: 0, promoters: 0 }, { detractors: 1, passives: 2, promoters: 3 });
    expect(result).toMatchObject({ diff: null, se: null, p: null, lower: null, upper: null });
    expect(result.reason).toBe('n/a (n=0 in group 1)');
  });
  it('keeps tiny p-values accurate (erfc, not 1 − Φ)', () => {
    // z ≈ 36.5: p ≈ 1e-291, compared with scipy norm.sf to 1e-11 relative in the table above.
    const result = npsDifferenceTest(
      { detractors: 1000, passives: 2000, promoters: 7000 },
      { detractors: 3000, passives: 2000, promoters: 5000 },
      0.95,
      { adjusted: false },
    );
    expect(result.p).toBeGreaterThan(0);
    expect(result.p).toBeLessThan(1e-250);
  });
});

describe('twoProportionTest against statsmodels', () => {
  it.each(differences.proportions)('$x1/$n1 vs $x2/$n2 at $level', (c) => {
    for (const pooled of [true, false]) {
      const result = twoProportionTest(c.x1, c.n1, c.x2, c.n2, c.level, { pooled });
      const expected = pooled ? c.pooled : c.unpooled;
      expect(result.method).toBe(pooled ? 'pooled-z' : 'unpooled-z');
      expectClose(result.diff, c.diff, 1e-14, 1e-15, 'diff');
      expectClose(result.statistic, expected.statistic, 1e-10, 1e-14, `z pooled=${pooled}`);
      expectClose(result.p, expected.p, 1e-9, 1e-300, `p pooled=${pooled}`);
      // Interval: unpooled Wald SE in both cases (confint_proportions_2indep(method='wald')).
      expectClose(result.lower, c.lower, 1e-10, 1e-14, 'lower');
      expectClose(result.upper, c.upper, 1e-10, 1e-14, 'upper');
      if (expected.p === null) expect(result.reason).toMatch(/standard error is 0/);
    }
  });
  it('uses the pooled SE for the test and the unpooled SE for the interval', () => {
    const result = twoProportionTest(30, 100, 20, 90);
    expect(result.se).not.toBe(result.intervalSe);
    expect(result.intervalSe).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 100 + ((2 / 9) * (7 / 9)) / 90), 14);
  });
  it('an empty group gives all-null with a reason', () => {
    expect(twoProportionTest(0, 0, 3, 10).reason).toBe('n/a (n=0 in group 1)');
    expect(twoProportionTest(3, 10, 0, 0).p).toBeNull();
  });
});

describe('meanDifferenceTest (Welch) against scipy ttest_ind(equal_var=False)', () => {
  it.each(differences.welch)('level $level %#', (c) => {
    const result = meanDifferenceTest(c.first, c.second, c.level);
    expectClose(result.diff, c.diff, 1e-13, 1e-15, 'diff');
    expectClose(result.statistic, c.statistic, 1e-12, 1e-14, 't');
    expectClose(result.df, c.df, 1e-12, 0, 'df');
    expectClose(result.p, c.p, 1e-9, 0, 'p');
    expectClose(result.lower, c.lower, 1e-8, 1e-12, 'lower');
    expectClose(result.upper, c.upper, 1e-8, 1e-12, 'upper');
  });
});

describe('meanDifferenceTest (Welch) against R t.test', () => {
  it.each(r.welch)('level $level %#', (c) => {
    const result = meanDifferenceTest(summary(c.a), summary(c.b), c.level);
    expectClose(result.statistic, c.statistic, 1e-12, 1e-14, 't');
    expectClose(result.df, c.df, 1e-12, 0, 'df');
    expectClose(result.p, c.p, 1e-11, 0, 'p');
    expectClose(result.lower, c.lower, 1e-11, 1e-13, 'lower');
    expectClose(result.upper, c.upper, 1e-11, 1e-13, 'upper');
  });
  it('n < 2 in a group gives all-null with a reason; both groups constant gives p = null', () => {
    expect(meanDifferenceTest({ n: 1, mean: 3, variance: null }, { n: 5, mean: 4, variance: 1 }).reason).toBe(
      'n/a (n<2 in group 1)',
    );
    const constant = meanDifferenceTest({ n: 4, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 0 });
    expect(constant).toMatchObject({ diff: -1, p: null, statistic: null, df: null, zeroWidth: true });
    expect(constant.reason).toMatch(/standard error is 0/);
  });
  it('works from scale counts and clips to ±(max − min)', () => {
    const result = meanDifferenceTest(summarizeScaleCounts([0, 0, 0, 1, 9]), summarizeScaleCounts([8, 1, 1, 0, 0]), 0.99, {
      min: 1,
      max: 5,
    });
    expect(result.upperClipped).toBeLessThanOrEqual(4);
    expect(result.lowerClipped).toBeGreaterThanOrEqual(-4);
  });
});

describe('pAdjust against R p.adjust', () => {
  it.each(r.pAdjust)('%#', ({ p, bh, holm }) => {
    const bhResult = pAdjust(p, 'bh');
    const holmResult = pAdjust(p, 'holm');
    p.forEach((_, i) => {
      expectClose(bhResult[i], bh[i], 1e-14, 0, `bh[${i}]`);
      expectClose(holmResult[i], holm[i], 1e-14, 0, `holm[${i}]`);
    });
    expect(pAdjust(p, 'none')).toEqual(p);
  });
  it('leaves null out of the family and rejects invalid p', () => {
    expect(pAdjust([], 'bh')).toEqual([]);
    expect(pAdjust([null, 0.02], 'holm')).toEqual([null, 0.02]);
    expect(() => pAdjust([1.2], 'bh')).toThrow(RangeError);
    expect(() => pAdjust([Number.NaN], 'holm')).toThrow(RangeError);
  });
});
