import { checkLevel } from './check-level.js';
import { checkProportionCounts } from './check-proportion-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate } from './types.js';

/**
 * Wilson score interval with continuity correction (Newcombe 1998, method 4).
 *
 *   L = [2np̂ + z² − 1 − z√(z² − 2 − 1/n + 4p̂(n(1 − p̂) + 1))] / (2(n + z²)),
 *   U = [2np̂ + z² + 1 + z√(z² + 2 − 1/n + 4p̂(n(1 − p̂) − 1))] / (2(n + z²)).
 *
 * This is the Wilson interval evaluated at p̂ ∓ 1/(2n) (the score test with Yates'
 * correction), and what R `prop.test(x, n, correct = TRUE)` reports. More conservative than
 * Wilson: coverage at or above nominal for almost all p.
 *
 * Edge cases: n = 0 gives a null estimate. L = 0 when x = 0 and U = 1 when x = n (Newcombe).
 * For non-integer counts the same rule is applied where the corrected point leaves [0, 1]:
 * L = 0 when x ≤ ½ and U = 1 when x ≥ n − ½ (as R does), which also keeps the square
 * roots real.
 *
 * Complexity: O(1).
 *
 * Source: R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, method 4;
 * R `stats::prop.test`.
 *
 * @param x successes (may be non-integer)
 * @param n trials (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the estimate p̂ with its interval
 * @example
 * wilsonCcInterval(81, 263, 0.95).lower; // => 0.2535086823 (R prop.test: 0.2535–0.3682)
 */
export function wilsonCcInterval(x: number, n: number, level = 0.95): IntervalEstimate<'wilson-cc'> {
  checkLevel(level);
  x = checkProportionCounts(x, n);
  if (n === 0) return noEstimate('wilson-cc', level, n, 'n/a (n=0)');
  const z = normalCriticalValue(level);
  const z2 = z * z;
  const p = x / n;
  const denominator = 2 * (n + z2);
  const lower =
    x <= 0.5 ? 0 : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denominator;
  const upper =
    x >= n - 0.5 ? 1 : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denominator;
  return intervalEstimate({ method: 'wilson-cc', level, n, value: p, lower, upper, bounds: [0, 1] });
}
