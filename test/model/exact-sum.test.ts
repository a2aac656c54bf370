// Exact weight sums: the same correctly rounded value as Python's math.fsum, whatever the order of
// addition or the way the values are split and merged (what makes weighted results thread-independent).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addExact, exactValue, mergeExact, type ExactSum } from '../../src/model/exact-sum.js';

const { exactSums } = JSON.parse(readFileSync('test/reference/enrich-fixture.json', 'utf8')) as { exactSums: { values: number[]; fsum: number }[] };

const sumOf = (values: number[]): ExactSum => {
  const p: ExactSum = [];
  for (const v of values) addExact(p, v);
  return p;
};

describe('exact sums', () => {
  it.each(exactSums.map((c, i) => [i, c] as const))('case %i equals math.fsum, in any order and any split', (_i, c) => {
    expect(exactValue(sumOf(c.values))).toBe(c.fsum);
    expect(exactValue(sumOf([...c.values].reverse()))).toBe(c.fsum);
    for (const cut of [1, Math.floor(c.values.length / 3), c.values.length - 1]) {
      const a = sumOf(c.values.slice(0, cut));
      const b = sumOf(c.values.slice(cut));
      mergeExact(b, a);
      expect(exactValue(b)).toBe(c.fsum);
    }
  });
  it('plain addition would differ: 0.1 added ten times is not 1, the exact sum is', () => {
    let naive = 0;
    for (let i = 0; i < 10; i++) naive += 0.1;
    expect(naive).not.toBe(1);
    expect(exactValue(sumOf(Array(10).fill(0.1)))).toBe(1);
    expect(exactValue([])).toBe(0);
  });
});
