import { binomialSample } from './binomial-sample.js';
import { checkLevel } from './check-level.js';
import { checkNpsCounts } from './check-nps-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { seededRandom } from './seeded-random.js';
import {
  DEFAULT_BOOTSTRAP_RESAMPLES,
  DEFAULT_BOOTSTRAP_SEED,
  type BootstrapOptions,
  type IntervalEstimate,
  type NpsCounts,
} from './types.js';

/**
 * Percentile bootstrap interval for the Net Promoter Score, reproducible from a seed.
 *
 * Draws B multinomial resamples of the n responses from the observed class shares —
 * D* ~ Bin(n, D/n), then P* ~ Bin(n − D*, P/(A + P)), A* = n − D* − P* — computes
 * NPS* = (P* − D*)/n for each, and returns the α/2 and 1 − α/2 sample quantiles of the B
 * values (linear interpolation between order statistics, R `quantile` type 7 / NumPy's
 * default). Each binomial draw is exact and O(1) (`binomialSample`), so n = 10⁷ costs the
 * same as n = 100; the default B = 2000 takes a few milliseconds.
 *
 * The resampling needs whole responses, so non-integer (weighted, effective) counts are
 * rounded to the nearest integer first; `value` is still the raw NPS of the counts as given.
 *
 * Caveat: the percentile bootstrap is poor below n ≈ 100 when the NPS is extreme — with all
 * responses in one class every resample is identical and the interval has zero width
 * (`zeroWidth: true`); with 1 detractor in 30 it badly under-covers. Prefer the adjusted
 * Wald default for small samples.
 *
 * Edge cases: n = 0 (after rounding) gives a null estimate.
 *
 * Complexity: O(B log B) (the sort).
 *
 * Source: B. Efron, R. Tibshirani, An Introduction to the Bootstrap (1993), ch. 13
 * (percentile interval); B. Rocks, The American Statistician 70(4) (2016), §3 (bootstrap
 * for NPS).
 *
 * @param counts detractors, passives, promoters (rounded to integers for resampling)
 * @param level confidence level, default 0.95
 * @param options `seed` (default 1) and `resamples` B (default 2000, at least 2000)
 * @returns the raw NPS with the percentile interval
 * @throws {RangeError} if `resamples` is below 2000 or not an integer, or the seed is not a safe integer
 * @example
 * npsBootstrapInterval({ detractors: 0, passives: 0, promoters: 7 }, 0.95, { seed: 1 }).lower; // => 1 (one class: zero width)
 */
export function npsBootstrapInterval(
  counts: NpsCounts,
  level = 0.95,
  options: BootstrapOptions = {},
): IntervalEstimate<'bootstrap'> {
  checkLevel(level);
  const rawN = checkNpsCounts(counts);
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  if (!(Number.isSafeInteger(resamples) && resamples >= 2000)) {
    throw new RangeError(`bootstrap needs an integer number of resamples >= 2000, got ${resamples}`);
  }
  const detractors = Math.round(counts.detractors);
  const passives = Math.round(counts.passives);
  const promoters = Math.round(counts.promoters);
  const n = detractors + passives + promoters;
  if (rawN === 0 || n === 0) return noEstimate('bootstrap', level, rawN, 'n/a (n=0)');
  const random = seededRandom(seed);
  const detractorShare = detractors / n;
  const promoterShareOfRest = passives + promoters === 0 ? 0 : promoters / (passives + promoters);
  const values = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    const d = binomialSample(n, detractorShare, random);
    const p = binomialSample(n - d, promoterShareOfRest, random);
    values[i] = (p - d) / n;
  }
  values.sort();
  const alpha = 1 - level;
  return intervalEstimate({
    method: 'bootstrap',
    level,
    n: rawN,
    value: (counts.promoters - counts.detractors) / rawN,
    lower: quantileType7(values, alpha / 2),
    upper: quantileType7(values, 1 - alpha / 2),
    bounds: [-1, 1],
  });
}

/** Sample quantile of sorted values by linear interpolation (R type 7). */
function quantileType7(sorted: Float64Array, probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}
