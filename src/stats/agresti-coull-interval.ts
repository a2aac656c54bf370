import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate } from './types.js';

/**
 * Agresti–Coull ("add z²/2 successes and failures") interval for a binomial proportion.
 *
 *   ñ = n + z²,  p̃ = (x + z²/2)/ñ,  p̃ ± z·√(p̃(1 − p̃)/ñ).
 *
 * A Wald interval around the Wilson centre; slightly wider than Wilson, with good coverage
 * for n ≥ 40 (Brown, Cai & DasGupta 2001). The reported estimate stays the raw p̂ = x/n.
 * Bounds can leave [0, 1] near the edges; the clipped copy is what statsmodels
 * `proportion_confint(method = 'agresti_coull')` returns.
 *
 * Edge cases: n = 0 gives a null estimate.
 *
 * Complexity: O(1).
 *
 * Source: A. Agresti, B. A. Coull, "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", The American Statistician 52(2) (1998) 119–126.
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * agrestiCoullInterval(0, 10, 0.95).lower; // => -0.0434 (clipped copy: 0)
 */
export function agrestiCoullInterval(x: number, n: number, level = 0.95): IntervalEstimate<'agresti-coull'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('agresti-coull', level, n, 'n/a (n=0)');
  const z = normalCriticalValue(level);
  const z2 = z * z;
  const nTilde = n + z2;
  const pTilde = (x + z2 / 2) / nTilde;
  const halfWidth = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
  return intervalEstimate({
    method: 'agresti-coull',
    level,
    n,
    value: x / n,
    lower: pTilde - halfWidth,
    upper: pTilde + halfWidth,
    bounds: [0, 1],
  });
}
