import { agrestiCoullInterval } from './agresti-coull-interval.js';
import { clopperPearsonInterval } from './clopper-pearson-interval.js';
import { jeffreysInterval } from './jeffreys-interval.js';
import { DEFAULT_PROPORTION_METHOD, type IntervalEstimate, type ProportionMethod } from './types.js';
import { waldInterval } from './wald-interval.js';
import { wilsonCcInterval } from './wilson-cc-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * Confidence interval for a proportion x/n by any of the methods of `PROPORTION_METHODS`
 * (CSAT % satisfied, CES % agree, any top-box share).
 *
 * | method | interval | statsmodels name |
 * |---|---|---|
 * | `wilson` (default) | score interval | `wilson` |
 * | `wald` | p̂ ± z√(p̂(1 − p̂)/n) | `normal` |
 * | `wilson-cc` | score interval with continuity correction (Newcombe 1998) | — (R `prop.test`) |
 * | `agresti-coull` | Wald around (x + z²/2)/(n + z²) | `agresti_coull` |
 * | `clopper-pearson` | exact beta quantiles | `beta` |
 * | `jeffreys` | Beta(x + ½, n − x + ½) quantiles | `jeffreys` |
 *
 * See each method's own function for formula, source and edge cases. All return p̂ = x/n as
 * `value`, unclipped `lower`/`upper` and a copy clipped to [0, 1].
 *
 * Edge cases: n = 0 gives `value`, bounds `null` with reason "n/a (n=0)".
 *
 * @param x successes (may be non-integer: weighted share × n_eff)
 * @param n trials (may be non-integer: effective n)
 * @param level confidence level, default 0.95
 * @param method one of `PROPORTION_METHODS`, default `'wilson'`
 * @returns the estimate with its interval
 * @throws {RangeError} on a negative count, x > n, a level outside (0, 1) or an unknown method
 * @example
 * proportionInterval(45, 60, 0.95, 'wilson').lower; // => 0.6277
 */
export function proportionInterval(
  x: number,
  n: number,
  level = 0.95,
  method: ProportionMethod = DEFAULT_PROPORTION_METHOD,
): IntervalEstimate<ProportionMethod> {
  switch (method) {
    case 'wilson':
      return wilsonInterval(x, n, level);
    case 'wald':
      return waldInterval(x, n, level);
    case 'wilson-cc':
      return wilsonCcInterval(x, n, level);
    case 'agresti-coull':
      return agrestiCoullInterval(x, n, level);
    case 'clopper-pearson':
      return clopperPearsonInterval(x, n, level);
    case 'jeffreys':
      return jeffreysInterval(x, n, level);
    default:
      throw new RangeError(`unknown proportion method: ${String(method)}`);
  }
}
