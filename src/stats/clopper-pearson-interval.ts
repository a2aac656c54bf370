import { betaQuantile } from './beta-quantile.js';
import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import type { IntervalEstimate } from './types.js';

/**
 * Clopper–Pearson ("exact") interval for a binomial proportion.
 *
 *   L = Beta⁻¹(α/2; x, n − x + 1),  U = Beta⁻¹(1 − α/2; x + 1, n − x),
 *
 * the inversion of two one-sided binomial tests, using P(Bin(n, p) ≥ x) = I_p(x, n − x + 1).
 * Guaranteed coverage ≥ 1 − α, hence conservative (wider than Wilson). Matches statsmodels
 * `proportion_confint(method = 'beta')` and R `binom.test(x, n)$conf.int`. Non-integer
 * counts are accepted (the beta form extends them continuously).
 *
 * Edge cases: n = 0 gives a null estimate; L = 0 at x = 0 and U = 1 at x = n.
 *
 * Complexity: two beta quantiles.
 *
 * Source: C. J. Clopper, E. S. Pearson, "The use of confidence or fiducial limits illustrated
 * in the case of the binomial", Biometrika 26 (1934) 404–413; Brown, Cai & DasGupta (2001).
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * clopperPearsonInterval(0, 20, 0.95).upper; // => 0.16843347098308536 (1 − 0.025^(1/20))
 */
export function clopperPearsonInterval(x: number, n: number, level = 0.95): IntervalEstimate<'clopper-pearson'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('clopper-pearson', level, n, 'n/a (n=0)');
  const alpha = 1 - level;
  const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  // Upper quantile given as the upper-tail probability α/2, so 1 − α/2 is never rounded.
  const upper = x === n ? 1 : betaQuantile(alpha / 2, x + 1, n - x, false);
  return intervalEstimate({ method: 'clopper-pearson', level, n, value: x / n, lower, upper, bounds: [0, 1] });
}
