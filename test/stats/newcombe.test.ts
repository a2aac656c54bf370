// Newcombe's hybrid score interval of a difference of proportions and its inverted p (issue 14, defect 1):
// values against statsmodels (test/reference/newcombe.py), and a seeded simulation of coverage near 100%
// with the agreement of "the interval excludes 0" and "p < α" in every simulated case.
import { describe, expect, it } from 'vitest';
import { binomialSample, newcombeDifferenceTest, seededRandom } from '../../src/stats/index.js';
import { expectClose, loadReference } from './helpers.js';

interface Case {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  level: number;
  lower: number;
  upper: number;
  p: number;
}

const { cases } = loadReference<{ cases: Case[] }>('newcombe.json');

describe('newcombeDifferenceTest against statsmodels confint_proportions_2indep(method="newcomb")', () => {
  for (const c of cases) {
    it(`${c.x1}/${c.n1} − ${c.x2}/${c.n2} at ${c.level}`, () => {
      const d = newcombeDifferenceTest(c.x1, c.n1, c.x2, c.n2, c.level);
      expectClose(d.diff, c.x1 / c.n1 - c.x2 / c.n2, 1e-12, 1e-15);
      expectClose(d.lower, c.lower, 1e-9, 1e-12, 'lower');
      expectClose(d.upper, c.upper, 1e-9, 1e-12, 'upper');
      expectClose(d.p, c.p, 1e-7, 1e-12, 'p');
      // the interval excludes 0 exactly when p < α
      expect(d.lower! > 0 || d.upper! < 0).toBe(d.p! < 1 - c.level);
    });
  }

  it('the issue example: 30/30 against 180/200 is not significant and its interval reaches below 0', () => {
    const d = newcombeDifferenceTest(30, 30, 180, 200, 0.95);
    expect(d.lower).toBeLessThan(0);
    expect(d.p).toBeGreaterThan(0.05);
  });

  it('an empty side gives no estimate', () => {
    expect(newcombeDifferenceTest(0, 0, 3, 5).reason).toBe('n/a (n=0 in group 1)');
    expect(newcombeDifferenceTest(3, 5, 0, 0).p).toBeNull();
  });
});

describe('simulation (seeded): n = 30 against n = 300 at 97% and 99% satisfaction', () => {
  const runs = 2000;
  for (const truth of [0.97, 0.99]) {
    for (const level of [0.95, 0.99]) {
      it(`covers at least 0.93 at p = ${truth}, level ${level}; interval and p agree in every case`, () => {
        const random = seededRandom(1400 + Math.round(truth * 100) + Math.round(level * 1000));
        let covered = 0;
        let disagreements = 0;
        for (let i = 0; i < runs; i++) {
          const x1 = binomialSample(30, truth, random);
          const x2 = binomialSample(300, truth, random);
          const d = newcombeDifferenceTest(x1, 30, x2, 300, level);
          if (d.lower! <= 0 && d.upper! >= 0) covered++;
          const excludes = d.lower! > 0 || d.upper! < 0;
          if (excludes !== d.p! < 1 - level) disagreements++;
        }
        expect(covered / runs).toBeGreaterThanOrEqual(0.93);
        expect(disagreements).toBe(0);
      });
    }
  }
});
