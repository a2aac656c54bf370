/**
 * Properties every interval method must have, on any counts: the interval contains its centre (the
 * estimate it is built around: the raw estimate, or for adjusted Wald the adjusted NPS), its clipped
 * bounds lie in the parameter space (and the unclipped ones too, for the methods that cannot leave
 * it), it widens as the level rises, and it narrows as n grows with the same shares (every count
 * times k). Through src/stats only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  meanInterval,
  npsInterval,
  NPS_METHODS,
  NPS_PSEUDO_COUNTS,
  PROPORTION_METHODS,
  proportionInterval,
  summarizeScaleCounts,
  type IntervalEstimate,
  type NpsCounts,
} from '../../src/stats/index.js';
import { fuzzParameters, fuzzTimeout } from './fuzz.js';

/** Slack for floating point in comparisons of bounds. */
const EPS = 1e-9;
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const levels = fc.tuple(level, level).map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]));
const scaleFactor = fc.integer({ min: 2, max: 8 });

const npsCounts: fc.Arbitrary<NpsCounts> = fc
  .record({ detractors: fc.nat(400), passives: fc.nat(400), promoters: fc.nat(400) })
  .filter((c) => c.detractors + c.passives + c.promoters > 0);

const width = (e: IntervalEstimate) => e.upper! - e.lower!;

/** What each NPS method centres on. */
function npsCentre(c: NpsCounts, e: IntervalEstimate): number {
  if (e.method !== 'adjusted-wald') return e.value!;
  const p = c.promoters + NPS_PSEUDO_COUNTS.promoters;
  const d = c.detractors + NPS_PSEUDO_COUNTS.detractors;
  return (p - d) / (c.detractors + c.passives + c.promoters + 3);
}

const times = (c: NpsCounts, k: number): NpsCounts => ({ detractors: c.detractors * k, passives: c.passives * k, promoters: c.promoters * k });

describe('NPS intervals', () => {
  for (const method of NPS_METHODS) {
    // the bootstrap resamples 2000 times per interval: fewer cases
    const runs = method === 'bootstrap' ? 25 : 300;
    const options = { resamples: 2000, seed: 1 };

    it(`${method}: contains its centre, lies in [-1, 1], widens with the level`, () => {
      fc.assert(
        fc.property(npsCounts, levels, (c, [low, high]) => {
          const a = npsInterval(c, low, method, options);
          const b = npsInterval(c, high, method, options);
          const centre = npsCentre(c, a);
          expect(a.lower! - EPS).toBeLessThanOrEqual(centre);
          expect(a.upper! + EPS).toBeGreaterThanOrEqual(centre);
          for (const e of [a, b]) {
            expect(e.lowerClipped!).toBeGreaterThanOrEqual(-1);
            expect(e.upperClipped!).toBeLessThanOrEqual(1);
            expect(e.lower!).toBeLessThanOrEqual(e.upper!);
            if (method === 'score') expect(e.lower! >= -1 - EPS && e.upper! <= 1 + EPS).toBe(true);
          }
          expect(width(b) + EPS).toBeGreaterThanOrEqual(width(a));
        }),
        fuzzParameters(runs),
      );
    }, fuzzTimeout(20_000));

    if (method !== 'bootstrap') {
      it(`${method}: narrows as n grows with the same shares`, () => {
        fc.assert(
          fc.property(npsCounts, level, scaleFactor, (c, l, k) => {
            expect(width(npsInterval(c, l, method)) + EPS).toBeGreaterThanOrEqual(width(npsInterval(times(c, k), l, method)));
          }),
          fuzzParameters(runs),
        );
      });
    }
  }
});

const proportion = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('proportion intervals', () => {
  for (const method of PROPORTION_METHODS) {
    it(`${method}: contains the estimate, lies in [0, 1], widens with the level, narrows with n`, () => {
      fc.assert(
        fc.property(proportion, levels, scaleFactor, ([x, n], [low, high], k) => {
          const a = proportionInterval(x, n, low, method);
          const b = proportionInterval(x, n, high, method);
          // Wald and Agresti–Coull are centred on p̂ and (x + z²/2)/(n + z²); both contain p̂, as do the
          // others — except Jeffreys at x = 0 or x = n, whose bounds stay the beta quantiles (the
          // statsmodels convention, documented in jeffreys-interval.ts): there it holds its own
          // centre, the posterior median, like every equal-tailed interval
          const centre = method === 'jeffreys' && (x === 0 || x === n) ? betaQuantile(0.5, x + 0.5, n - x + 0.5) : x / n;
          expect(a.lower! - EPS).toBeLessThanOrEqual(centre);
          expect(a.upper! + EPS).toBeGreaterThanOrEqual(centre);
          for (const e of [a, b]) {
            expect(e.lowerClipped!).toBeGreaterThanOrEqual(0);
            expect(e.upperClipped!).toBeLessThanOrEqual(1);
            if (method !== 'wald' && method !== 'agresti-coull') expect(e.lower! >= -EPS && e.upper! <= 1 + EPS).toBe(true);
          }
          expect(width(b) + EPS).toBeGreaterThanOrEqual(width(a));
          expect(width(a) + EPS).toBeGreaterThanOrEqual(width(proportionInterval(x * k, n * k, low, method)));
        }),
        fuzzParameters(300),
      );
    });
  }
});

describe('mean intervals (t)', () => {
  const counts = fc.array(fc.nat(200), { minLength: 5, maxLength: 5 }).filter((c) => c.reduce((a, b) => a + b, 0) >= 2);
  it('contain the mean, clip to the scale, widen with the level, narrow with n', () => {
    fc.assert(
      fc.property(counts, levels, scaleFactor, (c, [low, high], k) => {
        const scale = { min: 1, max: 5 };
        const a = meanInterval(summarizeScaleCounts(c, 1), low, scale);
        const b = meanInterval(summarizeScaleCounts(c, 1), high, scale);
        expect(a.lower! - EPS).toBeLessThanOrEqual(a.value!);
        expect(a.upper! + EPS).toBeGreaterThanOrEqual(a.value!);
        expect(a.lowerClipped!).toBeGreaterThanOrEqual(1);
        expect(a.upperClipped!).toBeLessThanOrEqual(5);
        expect(width(b) + EPS).toBeGreaterThanOrEqual(width(a));
        const more = meanInterval(summarizeScaleCounts(c.map((x) => x * k), 1), low, scale);
        expect(width(a) + EPS).toBeGreaterThanOrEqual(width(more));
      }),
      fuzzParameters(300),
    );
  });
});
