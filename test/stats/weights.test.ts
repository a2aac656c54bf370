// Weighted statistics against a per-respondent computation in Python (generate.py).
import { describe, expect, it } from 'vitest';
import {
  kishEffectiveN,
  npsInterval,
  weightedNpsLinearizedInterval,
  weightedNpsLinearizedSe,
  type WeightedNpsTally,
} from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface WeightCase {
  weights: number[];
  scores: number[];
  tally: WeightedNpsTally;
  kish: number;
  nps: number;
  se: number;
  lower95: number;
  upper95: number;
}

const { cases } = loadReference<{ cases: WeightCase[] }>('weights.json');

describe('kishEffectiveN and the linearized NPS SE against per-respondent Python', () => {
  it.each(cases)('n = $weights.length', (c) => {
    expectClose(kishEffectiveN(c.weights), c.kish, 1e-13, 0, 'kish');
    const result = weightedNpsLinearizedSe(c.tally);
    expect(result.n).toBe(c.weights.length);
    expectClose(result.value, c.nps, 1e-12, 1e-15, 'nps');
    expectClose(result.se, c.se, 1e-12, 0, 'se');
    const interval = weightedNpsLinearizedInterval(c.tally, 0.95);
    expectClose(interval.lower, c.lower95, 1e-12, 1e-15, 'lower');
    expectClose(interval.upper, c.upper95, 1e-12, 1e-15, 'upper');
  });
});

describe('weights edge cases', () => {
  const cls = (count: number, w: number) => ({ count, sumWeights: count * w, sumSquaredWeights: count * w * w });
  it('equal weights: n_eff = n, and share × n_eff reproduces the unweighted interval exactly', () => {
    expect(kishEffectiveN([2.5, 2.5, 2.5, 2.5])).toBe(4);
    const weights = Array.from({ length: 10 }, () => 1.7);
    const nEff = kishEffectiveN(weights);
    const weighted = npsInterval({ detractors: (2 / 10) * nEff, passives: (3 / 10) * nEff, promoters: (5 / 10) * nEff });
    const unweighted = npsInterval({ detractors: 2, passives: 3, promoters: 5 });
    expect(weighted.lower).toBeCloseTo(unweighted.lower as number, 14);
    expect(weighted.upper).toBeCloseTo(unweighted.upper as number, 14);
  });
  it('linearized SE with equal weights is the Wald SE times √(n/(n − 1))', () => {
    const tally = { detractors: cls(2, 3), passives: cls(3, 3), promoters: cls(5, 3) };
    const variance = 0.5 + 0.2 - 0.09;
    expectClose(weightedNpsLinearizedSe(tally).se, Math.sqrt((10 / 9) * (variance / 10)), 1e-14, 0, 'se');
  });
  it('zero weights do not count; empty and all-zero give 0; bad weights throw naming the position', () => {
    expect(kishEffectiveN([1, 0, 1])).toBe(2);
    expect(kishEffectiveN([])).toBe(0);
    expect(kishEffectiveN([0, 0])).toBe(0);
    expect(() => kishEffectiveN([1, -2])).toThrow(/position 1/);
    expect(() => kishEffectiveN([Number.NaN])).toThrow(/position 0/);
  });
  it('Σw = 0 or n < 2 gives null with a reason; one class gives a zero-width interval', () => {
    const empty = { detractors: cls(0, 1), passives: cls(0, 1), promoters: cls(0, 1) };
    expect(weightedNpsLinearizedSe(empty)).toMatchObject({ value: null, se: null, reason: 'n/a (n=0)' });
    expect(weightedNpsLinearizedInterval(empty).value).toBeNull();
    const single = { detractors: cls(0, 1), passives: cls(0, 1), promoters: cls(1, 2) };
    expect(weightedNpsLinearizedSe(single)).toMatchObject({ value: 1, se: null });
    const oneClass = { detractors: cls(0, 1), passives: cls(0, 1), promoters: cls(4, 2) };
    expect(weightedNpsLinearizedInterval(oneClass).zeroWidth).toBe(true);
  });
});
