import { npsAdjustedWaldInterval } from './nps-adjusted-wald-interval.js';
import { npsBootstrapInterval } from './nps-bootstrap-interval.js';
import { npsScoreInterval } from './nps-score-interval.js';
import { npsWaldInterval } from './nps-wald-interval.js';
import {
  DEFAULT_NPS_METHOD,
  type BootstrapOptions,
  type IntervalEstimate,
  type NpsCounts,
  type NpsMethod,
} from './types.js';

/**
 * Confidence interval for the Net Promoter Score by any of the methods of `NPS_METHODS`.
 *
 * | method | interval |
 * |---|---|
 * | `adjusted-wald` (default) | Wald on counts + (0.75, 1.5, 0.75), centred on the adjusted NPS |
 * | `wald` | NPS ± z√(V/n) |
 * | `score` | Tango (1998) score interval on the trinomial |
 * | `bootstrap` | percentile interval of B ≥ 2000 seeded multinomial resamples |
 *
 * All work on the −1..1 scale, return the raw NPS (P − D)/n as `value`, unclipped
 * `lower`/`upper` and a copy clipped to [−1, 1]. See each method's function for formula,
 * source and edge cases.
 *
 * Edge cases: n = 0 gives `value`, bounds `null` with reason "n/a (n=0)".
 *
 * @param counts detractors, passives, promoters (may be non-integer: share × n_eff)
 * @param level confidence level, default 0.95
 * @param method one of `NPS_METHODS`, default `'adjusted-wald'`
 * @param options bootstrap only: `seed` (default 1) and `resamples` (default 2000)
 * @returns the raw NPS with its interval
 * @throws {RangeError} on a negative count, a level outside (0, 1) or an unknown method
 * @example
 * npsInterval({ detractors: 0, passives: 0, promoters: 20 }, 0.95).lowerClipped; // => 0.6968 (docs/methods.md: [0.697, 1])
 */
export function npsInterval(
  counts: NpsCounts,
  level = 0.95,
  method: NpsMethod = DEFAULT_NPS_METHOD,
  options: BootstrapOptions = {},
): IntervalEstimate<NpsMethod> {
  switch (method) {
    case 'adjusted-wald':
      return npsAdjustedWaldInterval(counts, level);
    case 'wald':
      return npsWaldInterval(counts, level);
    case 'score':
      return npsScoreInterval(counts, level);
    case 'bootstrap':
      return npsBootstrapInterval(counts, level, options);
    default:
      throw new RangeError(`unknown NPS method: ${String(method)}`);
  }
}
