import { checkLevel } from './check-level.js';
import { checkNpsCounts } from './check-nps-counts.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import { npsVariance } from './nps-variance.js';
import type { IntervalEstimate, NpsCounts } from './types.js';

/**
 * Wald interval for the Net Promoter Score.
 *
 *   NPS = p_P − p_D,  NPS ± z·√(V/n),  V = p_P + p_D − NPS²
 *
 * on the −1..1 scale (×100 for display). The plain normal approximation: its coverage falls
 * to about 0.65 at n = 10 when the NPS is extreme (Rocks 2016), so cxm uses the adjusted
 * Wald interval by default and offers this one as `--method wald`. Bounds are returned
 * unclipped and clipped to [−1, 1]. Same as R `NPS::nps_test(test = "wald")`.
 *
 * Edge cases: n = 0 gives a null estimate. All promoters, all detractors (or all passives),
 * and n = 1 give V = 0 and a zero-width interval (`zeroWidth: true`), which must never be
 * shown as certainty.
 *
 * Complexity: O(1).
 *
 * Source: B. Rocks, "Interval estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4) (2016), §2.
 *
 * @param counts detractors, passives, promoters (may be non-integer)
 * @param level confidence level, default 0.95
 * @returns the raw NPS with its interval
 * @example
 * npsWaldInterval({ detractors: 20, passives: 30, promoters: 50 }, 0.95).lower; // => 0.1469 (0.3 − 1.96·√(0.61/100))
 */
export function npsWaldInterval(counts: NpsCounts, level = 0.95): IntervalEstimate<'wald'> {
  checkLevel(level);
  const n = checkNpsCounts(counts);
  const variance = npsVariance(counts);
  if (n === 0 || variance === null) return noEstimate('wald', level, n, 'n/a (n=0)');
  const nps = (counts.promoters - counts.detractors) / n;
  const halfWidth = normalCriticalValue(level) * Math.sqrt(variance / n);
  return intervalEstimate({
    method: 'wald',
    level,
    n,
    value: nps,
    lower: nps - halfWidth,
    upper: nps + halfWidth,
    bounds: [-1, 1],
  });
}
