/**
 * The empirical-Bayes pieces of `cxm rank`: the prior fit (its no-spread and moments cases), the Gamma
 * sampler's moments, the seeded rank draws, Nelder–Mead, and a seeded simulation of many data sets in
 * which shrinkage must cut the mean squared error against the truth, as the independent reference's
 * simulation does (test/reference/rank_fixture.py: 0.225 on average, with numpy's generator).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binomialSample, dirichletMultinomialFit, gammaSample, nelderMead, posteriorRankDraws, seededRandom } from '../../src/stats/index.js';

const reference = JSON.parse(readFileSync('test/reference/rank-fixture.json', 'utf8')) as { simulationMseRatio: number };

describe('dirichletMultinomialFit', () => {
  it('reports units that differ no more than chance as no spread, not as a fit', () => {
    const same = Array.from({ length: 20 }, () => [10, 5, 25]);
    const fit = dirichletMultinomialFit(same);
    expect(fit.noSpread).toBe(true);
    expect(fit.alpha.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1e6);
  });

  it('falls back to the method of moments with too few units to maximise the likelihood', () => {
    const fit = dirichletMultinomialFit([[3, 7], [0, 1]]);
    expect(fit.method).toBe('moments');
  });

  it('recovers a known beta prior from many units (within sampling error)', () => {
    const random = seededRandom(11);
    const units = Array.from({ length: 2000 }, () => {
      const g1 = gammaSample(8, random);
      const p = g1 / (g1 + gammaSample(4, random));
      const x = binomialSample(50, p, random);
      return [50 - x, x];
    });
    const fit = dirichletMultinomialFit(units);
    expect(fit.method).toBe('marginal-likelihood');
    expect(fit.alpha[1] / (fit.alpha[0] + fit.alpha[1])).toBeCloseTo(8 / 12, 1);
    expect(fit.alpha[0] + fit.alpha[1]).toBeGreaterThan(9);
    expect(fit.alpha[0] + fit.alpha[1]).toBeLessThan(15);
  });

  it('refuses negative counts and ragged rows', () => {
    expect(() => dirichletMultinomialFit([[1, -1]])).toThrow(RangeError);
    expect(() => dirichletMultinomialFit([[1, 1], [1, 1, 1]])).toThrow(RangeError);
  });
});

describe('shrinkage against the truth (seeded simulation)', () => {
  it('cuts the mean squared error of 40 units to about a quarter of the raw scores', () => {
    const random = seededRandom(2026);
    const ratios: number[] = [];
    for (let rep = 0; rep < 200; rep++) {
      const n = Array.from({ length: 40 }, () => Math.max(1, Math.round(Math.exp(random() * Math.log(200)))));
      const p = n.map(() => {
        const g = gammaSample(8, random);
        return g / (g + gammaSample(4, random));
      });
      const x = n.map((ni, i) => binomialSample(ni, p[i], random));
      const { alpha } = dirichletMultinomialFit(x.map((xi, i) => [n[i] - xi, xi]));
      const shrunk = x.map((xi, i) => (xi + alpha[1]) / (n[i] + alpha[0] + alpha[1]));
      const mse = (est: number[]) => est.reduce((s, e, i) => s + (e - p[i]) ** 2, 0) / est.length;
      ratios.push(mse(shrunk) / mse(x.map((xi, i) => xi / n[i])));
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    expect(mean).toBeLessThan(0.35);
    expect(Math.abs(mean - reference.simulationMseRatio)).toBeLessThan(0.05);
  });
});

describe('gammaSample', () => {
  it.each([0.3, 1, 2.5, 40])('has mean and variance equal to the shape (shape %s)', (shape) => {
    const random = seededRandom(5);
    const draws = Array.from({ length: 40000 }, () => gammaSample(shape, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    // SE of the mean √(shape/40000); of the variance about shape·√(2/40000)·(1 + 3/shape)^½
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 40000));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(5 * Math.sqrt((2 + 6 / shape) / 40000));
  });
  it('refuses a non-positive shape', () => expect(() => gammaSample(0, seededRandom(1))).toThrow(RangeError));
});

describe('posteriorRankDraws', () => {
  const alphas = [[2, 8], [8, 2], [5, 5], [50, 50], [1, 1]];
  it('gives the same numbers for the same seed and other numbers for another', () => {
    const a = posteriorRankDraws(alphas, [0, 1], { draws: 500, seed: 3, k: 1, level: 0.9 });
    expect(posteriorRankDraws(alphas, [0, 1], { draws: 500, seed: 3, k: 1, level: 0.9 })).toEqual(a);
    expect(posteriorRankDraws(alphas, [0, 1], { draws: 500, seed: 4, k: 1, level: 0.9 })).not.toEqual(a);
  });
  it('matches the exact P(top 1) of two Beta units', () => {
    // P(X > Y) for X ~ Beta(3, 1), Y ~ Beta(1, 1): ∫ 3x² · x dx = 3/4
    const [x] = posteriorRankDraws([[1, 3], [1, 1]], [0, 1], { draws: 20000, seed: 9, k: 1, level: 0.95 });
    expect(x.pTop).toBeCloseTo(0.75, 1);
    expect(Math.abs(x.pTop - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / 20000));
  });
  it('refuses a k outside 1..units', () => {
    expect(() => posteriorRankDraws(alphas, [0, 1], { draws: 10, seed: 1, k: 6, level: 0.9 })).toThrow(RangeError);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const { x } = nelderMead(([a, b]) => (1 - a) ** 2 + 100 * (b - a * a) ** 2, [-1.2, 1], { tolerance: 1e-14 });
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });
});
