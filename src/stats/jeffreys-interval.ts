import { betaQuantile } from './beta-quantile.js';
import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import type { IntervalEstimate } from './types.js';

/**
 * Jeffreys interval for a binomial proportion: the equal-tailed credible interval under the
 * Jeffreys prior Beta(½, ½),
 *
 *   [Beta⁻¹(α/2; x + ½, n − x + ½), Beta⁻¹(1 − α/2; x + ½, n − x + ½)].
 *
 * Coverage close to nominal with short intervals (Brown, Cai & DasGupta 2001 recommend it
 * alongside Wilson). statsmodels convention (`proportion_confint(method = 'jeffreys')`,
 * `stats.beta.interval`): both bounds are always the beta quantiles — unlike Brown et al.,
 * the lower bound is not set to 0 at x = 0 nor the upper to 1 at x = n.
 *
 * Edge cases: n = 0 gives a null estimate.
 *
 * Complexity: two beta quantiles.
 *
 * Source: Brown, Cai & DasGupta, Statistical Science 16(2) (2001), §4.1.2; statsmodels
 * `statsmodels.stats.proportion.proportion_confint`.
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * jeffreysInterval(0, 10, 0.95).upper; // => 0.2172 (lower 4.79e-5, not 0)
 */
export function jeffreysInterval(x: number, n: number, level = 0.95): IntervalEstimate<'jeffreys'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('jeffreys', level, n, 'n/a (n=0)');
  const alpha = 1 - level;
  const a = x + 0.5;
  const b = n - x + 0.5;
  return intervalEstimate({
    method: 'jeffreys',
    level,
    n,
    value: x / n,
    lower: betaQuantile(alpha / 2, a, b),
    upper: betaQuantile(alpha / 2, a, b, false),
    bounds: [0, 1],
  });
}
