// Seeded PRNG (against a Python reference implementation), the exact binomial sampler
// (moments and goodness of fit), and the bootstrap NPS interval (reproducibility and sanity).
import { describe, expect, it } from 'vitest';
import {
  binomialSample,
  npsBootstrapInterval,
  npsInterval,
  npsWaldInterval,
  seededRandom,
} from '../../src/stats/index.js';
import { loadReference } from './helpers.js';

const prng = loadReference<{ cases: { seed: number; draws: number[] }[] }>('prng.json');

describe('seededRandom (xoshiro128** seeded by SplitMix32)', () => {
  it.each(prng.cases)('seed $seed matches the Python reference implementation', ({ seed, draws }) => {
    const random = seededRandom(seed);
    expect(draws.map(() => random())).toEqual(draws);
  });
  it('draws lie in [0, 1) with mean ½ and variance 1/12', () => {
    const random = seededRandom(2024);
    let sum = 0;
    let sumOfSquares = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside += 1;
      sum += u;
      sumOfSquares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumOfSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });
  it('rejects seeds that are not safe integers', () => {
    expect(() => seededRandom(1.5)).toThrow(RangeError);
    expect(() => seededRandom(2 ** 60)).toThrow(RangeError);
  });
});

/** Mean and variance of `draws` Binomial(n, p) samples. */
function moments(n: number, p: number, draws: number, seed: number): { mean: number; variance: number } {
  const random = seededRandom(seed);
  let sum = 0;
  let sumOfSquares = 0;
  let invalid = 0;
  for (let i = 0; i < draws; i++) {
    const k = binomialSample(n, p, random);
    if (!(Number.isInteger(k) && k >= 0 && k <= n)) invalid += 1;
    sum += k;
    sumOfSquares += k * k;
  }
  expect(invalid).toBe(0);
  const mean = sum / draws;
  return { mean, variance: (sumOfSquares - draws * mean * mean) / (draws - 1) };
}

describe('binomialSample', () => {
  // Small n·p uses inversion, large n·p Hörmann's BTRD; p > ½ goes through the mirror.
  it.each([
    [20, 0.1],
    [7, 0.5],
    [1000, 0.004],
    [50, 0.4],
    [1000, 0.97],
    [100_000, 0.3],
    [10_000_000, 0.25],
    [10_000_000, 0.999_99],
  ])('Bin(%i, %f): mean n·p and variance n·p(1 − p) over 40 000 draws', (n, p) => {
    const draws = 40_000;
    const { mean, variance } = moments(n, p, draws, 17);
    const expectedVariance = n * p * (1 - p);
    // The sample mean has SE √(npq/draws); the sample variance has relative SE ≈ √(2/draws).
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(expectedVariance / draws));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(5 * Math.sqrt(2 / draws) + 3 / expectedVariance);
  });
  it.each([
    [12, 0.3], // inversion
    [60, 0.45], // BTRD, recursive acceptance near the mode
    [400, 0.5], // BTRD, Stirling acceptance in the tails
  ])('Bin(%i, %f): chi-square goodness of fit against the exact pmf', (n, p) => {
    const draws = 100_000;
    const random = seededRandom(99);
    const observed = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) observed[binomialSample(n, p, random)] += 1;
    // Exact pmf by the recurrence, computed here, pooled into cells with expectation ≥ 20.
    const pmf = [Math.pow(1 - p, n)];
    for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
    let statistic = 0;
    let cells = 0;
    let expectedCell = 0;
    let observedCell = 0;
    for (let k = 0; k <= n; k++) {
      expectedCell += pmf[k] * draws;
      observedCell += observed[k];
      if (expectedCell >= 20 || k === n) {
        statistic += (observedCell - expectedCell) ** 2 / expectedCell;
        cells += 1;
        expectedCell = 0;
        observedCell = 0;
      }
    }
    // Chi-square with (cells − 1) df: mean df, sd √(2df); 5 sd is far beyond the 99.99 % point.
    const df = cells - 1;
    expect(statistic).toBeLessThan(df + 5 * Math.sqrt(2 * df));
  });
  it('handles the degenerate cases and rejects bad arguments', () => {
    const random = seededRandom(1);
    expect(binomialSample(0, 0.5, random)).toBe(0);
    expect(binomialSample(10, 0, random)).toBe(0);
    expect(binomialSample(10, 1, random)).toBe(10);
    expect(() => binomialSample(2.5, 0.5, random)).toThrow(RangeError);
    expect(() => binomialSample(-1, 0.5, random)).toThrow(RangeError);
    expect(() => binomialSample(10, 1.5, random)).toThrow(RangeError);
  });
  it('takes O(1) uniforms per draw at n = 10⁷ (no walk over the n trials)', () => {
    // BTRD accepts most first tries (Hörmann 1993): about 1.4 uniforms a draw with this seed; the
    // wall time is measured by `npm run bench`
    const draws = 20_000;
    const source = seededRandom(5);
    let uniforms = 0;
    const random = () => {
      uniforms++;
      return source();
    };
    for (let i = 0; i < draws; i++) binomialSample(10_000_000, 0.3, random);
    expect(uniforms / draws).toBeGreaterThanOrEqual(1);
    expect(uniforms / draws).toBeLessThan(2);
  });
});

describe('npsBootstrapInterval', () => {
  const counts = { detractors: 400, passives: 500, promoters: 1100 }; // n = 2000, NPS = 0.35
  it('is reproducible: same seed ⇒ identical interval; different seeds differ', () => {
    const a = npsBootstrapInterval(counts, 0.95, { seed: 7 });
    const b = npsBootstrapInterval(counts, 0.95, { seed: 7 });
    const c = npsBootstrapInterval(counts, 0.95, { seed: 8 });
    expect(b).toEqual(a);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
    expect(npsInterval(counts, 0.95, 'bootstrap', { seed: 7 })).toEqual(a);
  });
  it('for n = 2000 lies within a few tenths of an NPS point of the Wald interval', () => {
    const wald = npsWaldInterval(counts, 0.95);
    for (const seed of [1, 2, 3]) {
      const boot = npsBootstrapInterval(counts, 0.95, { seed, resamples: 4000 });
      expect(boot.value).toBe(0.35);
      expect(Math.abs((boot.lower as number) - (wald.lower as number)) * 100).toBeLessThan(0.4);
      expect(Math.abs((boot.upper as number) - (wald.upper as number)) * 100).toBeLessThan(0.4);
    }
  });
  it('widens with the level', () => {
    const narrow = npsBootstrapInterval(counts, 0.9, { seed: 3 });
    const wide = npsBootstrapInterval(counts, 0.99, { seed: 3 });
    expect(wide.lower as number).toBeLessThan(narrow.lower as number);
    expect(wide.upper as number).toBeGreaterThan(narrow.upper as number);
  });
  it('handles n = 10⁷ (resampling by binomial draws, not row by row; its time is in `npm run bench`)', () => {
    const result = npsBootstrapInterval({ detractors: 2e6, passives: 3e6, promoters: 5e6 }, 0.95, { seed: 1 });
    const wald = npsWaldInterval({ detractors: 2e6, passives: 3e6, promoters: 5e6 }, 0.95);
    expect(Math.abs((result.lower as number) - (wald.lower as number))).toBeLessThan(1e-4);
  });
  it('has zero width (flagged) when every response is in one class, and null at n = 0', () => {
    const one = npsBootstrapInterval({ detractors: 0, passives: 0, promoters: 12 }, 0.95, { seed: 1 });
    expect(one).toMatchObject({ lower: 1, upper: 1, zeroWidth: true });
    expect(npsBootstrapInterval({ detractors: 0, passives: 0, promoters: 0 }).reason).toBe('n/a (n=0)');
    expect(npsBootstrapInterval({ detractors: 0.2, passives: 0.1, promoters: 0.1 }).value).toBeNull();
  });
  it('rounds non-integer counts for resampling but reports the raw NPS', () => {
    const result = npsBootstrapInterval({ detractors: 100.4, passives: 99.6, promoters: 300.2 }, 0.95, { seed: 4 });
    expect(result.value).toBeCloseTo((300.2 - 100.4) / 500.2, 14);
    expect(result.n).toBeCloseTo(500.2, 12);
  });
  it('requires at least 2000 resamples', () => {
    expect(() => npsBootstrapInterval(counts, 0.95, { resamples: 500 })).toThrow(/2000/);
    expect(() => npsBootstrapInterval(counts, 0.95, { resamples: 2500.5 })).toThrow(RangeError);
  });
});
