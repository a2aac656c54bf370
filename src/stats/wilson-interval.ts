import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate } from './types.js';

/**
 * Wilson score interval for a binomial proportion (cxm's default for CSAT and CES).
 *
 * The set of p whose score test |p̂ − p|/√(p(1 − p)/n) ≤ z does not reject:
 *
 *   centre = (p̂ + z²/2n)/(1 + z²/n),  half-width = z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n).
 *
 * Coverage stays close to nominal for all p and n and the interval never leaves [0, 1]
 * (Brown, Cai & DasGupta 2001 recommend it for n ≤ 40 and as a default). It equals
 * statsmodels `proportion_confint(method = 'wilson')` and R `prop.test(correct = FALSE)`.
 *
 * Edge cases: n = 0 gives a null estimate. x = 0 gives lower = 0 and x = n upper = 1 (up to
 * rounding, e.g. 1 − 1e-16; the clipped copy is exact). A single success (n = 1) at 95 %
 * gives [0.2065, 1].
 *
 * Complexity: O(1).
 *
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209–212; Brown, Cai & DasGupta (2001) eq. (4).
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * wilsonInterval(1, 1, 0.95).lower; // => 0.2065493143772374
 */
export function wilsonInterval(x: number, n: number, level = 0.95): IntervalEstimate<'wilson'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('wilson', level, n, 'n/a (n=0)');
  const z = normalCriticalValue(level);
  const z2 = z * z;
  const p = x / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return intervalEstimate({
    method: 'wilson',
    level,
    n,
    value: p,
    lower: centre - halfWidth,
    upper: centre + halfWidth,
    bounds: [0, 1],
  });
}
