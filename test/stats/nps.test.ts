// NPS intervals against an independent Python implementation of docs/methods.md (generate.py):
// Wald / adjusted Wald in closed form, the Tango score interval by brentq on Z evaluated in mpmath.
import { describe, expect, it } from 'vitest';
import {
  NPS_METHODS,
  npsAdjustedWaldInterval,
  npsInterval,
  npsScoreInterval,
  npsVariance,
  npsWaldInterval,
  type NpsMethod,
} from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface NpsCase {
  detractors: number;
  passives: number;
  promoters: number;
  level: number;
  method: NpsMethod;
  value: number;
  lower: number;
  upper: number;
  variance?: number;
}

const { cases } = loadReference<{ cases: NpsCase[] }>('nps.json');

describe('npsInterval against the independent Python implementation', () => {
  it.each(cases)('$method D=$detractors A=$passives P=$promoters at $level', (c) => {
    const counts = { detractors: c.detractors, passives: c.passives, promoters: c.promoters };
    const result = npsInterval(counts, c.level, c.method);
    expect(result.method).toBe(c.method);
    expectClose(result.value, c.value, 1e-14, 1e-15, 'value');
    // The score bounds come from two different root finders (bisection here, brentq on an
    // mpmath Z there); they agree to ~1e-15.
    expectClose(result.lower, c.lower, 1e-12, 1e-13, 'lower');
    expectClose(result.upper, c.upper, 1e-12, 1e-13, 'upper');
    expect(result.lowerClipped).toBe(Math.max(-1, result.lower as number));
    expect(result.upperClipped).toBe(Math.min(1, result.upper as number));
    if (c.variance !== undefined) expectClose(npsVariance(counts), c.variance, 1e-14, 1e-16, 'variance');
  });
});

describe('published values (docs/methods.md, Rocks 2016)', () => {
  it('a single promoter (n = 1): adjusted Wald [−48.5, 98.5] NPS points, not containing 100', () => {
    const result = npsInterval({ detractors: 0, passives: 0, promoters: 1 });
    expect(result.method).toBe('adjusted-wald');
    expect(result.value).toBe(1);
    expect((result.lower as number) * 100).toBeCloseTo(-48.5, 1);
    expect((result.upper as number) * 100).toBeCloseTo(98.5, 1);
  });
  it('20 of 20 promoters: adjusted Wald [0.697, 1]', () => {
    const result = npsAdjustedWaldInterval({ detractors: 0, passives: 0, promoters: 20 }, 0.95);
    expect(result.lowerClipped).toBeCloseTo(0.697, 3);
    expect(result.upperClipped).toBe(1);
    expect(result.upper).toBeGreaterThan(1); // unclipped kept
  });
});

describe('NPS edge cases', () => {
  it.each(NPS_METHODS)('%s: n = 0 gives a null estimate with a reason', (method) => {
    const result = npsInterval({ detractors: 0, passives: 0, promoters: 0 }, 0.95, method);
    expect(result).toMatchObject({ n: 0, value: null, lower: null, upper: null, reason: 'n/a (n=0)' });
  });
  it('npsVariance is null at n = 0 and 0 for one class', () => {
    expect(npsVariance({ detractors: 0, passives: 0, promoters: 0 })).toBeNull();
    expect(npsVariance({ detractors: 4, passives: 0, promoters: 0 })).toBe(0);
    expect(npsVariance({ detractors: 1, passives: 0, promoters: 1 })).toBe(1);
  });
  it('Wald is zero-width for all promoters, all detractors, all passives and n = 1', () => {
    for (const counts of [
      { detractors: 0, passives: 0, promoters: 9 },
      { detractors: 9, passives: 0, promoters: 0 },
      { detractors: 0, passives: 9, promoters: 0 },
      { detractors: 1, passives: 0, promoters: 0 },
    ]) {
      expect(npsWaldInterval(counts).zeroWidth).toBe(true);
      expect(npsAdjustedWaldInterval(counts).zeroWidth).toBe(false);
    }
  });
  it('score interval: upper = 1 when all promoters, lower = −1 when all detractors', () => {
    expect(npsScoreInterval({ detractors: 0, passives: 0, promoters: 6 }).upper).toBe(1);
    expect(npsScoreInterval({ detractors: 6, passives: 0, promoters: 0 }).lower).toBe(-1);
    const noPassives = npsScoreInterval({ detractors: 5, passives: 0, promoters: 5 });
    expect(noPassives.value).toBe(0);
    expect(noPassives.lower as number).toBeCloseTo(-(noPassives.upper as number), 12);
  });
  it('adjusted Wald reports the raw NPS but is centred on the adjusted one', () => {
    const result = npsAdjustedWaldInterval({ detractors: 1, passives: 0, promoters: 9 });
    expect(result.value).toBe(0.8);
    const centre = ((result.lower as number) + (result.upper as number)) / 2;
    expect(centre).toBeCloseTo((9.75 - 1.75) / 13, 14);
  });
  it('accepts non-integer counts (weighted share × n_eff)', () => {
    const result = npsInterval({ detractors: 2.5, passives: 1.25, promoters: 6.25 });
    expect(result.n).toBe(10);
    expect(result.value).toBeCloseTo(0.375, 15);
  });
  it('throws on programmer errors', () => {
    expect(() => npsInterval({ detractors: -1, passives: 0, promoters: 1 })).toThrow(/detractors/);
    expect(() => npsInterval({ detractors: 0, passives: Number.POSITIVE_INFINITY, promoters: 1 })).toThrow(RangeError);
    expect(() => npsInterval({ detractors: 0, passives: 0, promoters: 1 }, 95)).toThrow(/confidence level/);
    expect(() => npsInterval({ detractors: 0, passives: 0, promoters: 1 }, 0.95, 'exact' as NpsMethod)).toThrow(/unknown NPS method/);
  });
  it('exports the method names, default first', () => {
    expect(NPS_METHODS).toEqual(['adjusted-wald', 'wald', 'score', 'bootstrap']);
  });
});
