import { checkNpsCounts } from './check-nps-counts.js';
import type { NpsCounts } from './types.js';

/**
 * Per-response variance of the NPS, V = p_P + p_D − (p_P − p_D)².
 *
 * Each response scores s = +1 (promoter), 0 (passive) or −1 (detractor); NPS is the mean of
 * s and V its population variance E[s²] − (E s)² = (p_P + p_D) − NPS². The standard error of
 * the NPS is √(V/n). Same as R `NPS::npvar` (population form, denominator n, not n − 1).
 *
 * Edge cases: `null` for n = 0; V = 0 when all responses are in one class; V ≤ 1 always
 * (maximum with half promoters and half detractors). Tiny negative rounding is clamped to 0.
 *
 * Complexity: O(1).
 *
 * Source: B. Rocks, "Interval estimation for the 'Net Promoter Score'", The American
 * Statistician 70(4) (2016) 365–372, eq. (2); R package NPS, `npvar`.
 *
 * @param counts detractors, passives, promoters (may be non-integer)
 * @returns V in [0, 1], or `null` when n = 0
 * @example
 * npsVariance({ detractors: 20, passives: 30, promoters: 50 }); // => 0.61 (0.5 + 0.2 − 0.3²)
 */
export function npsVariance(counts: NpsCounts): number | null {
  const n = checkNpsCounts(counts);
  if (n === 0) return null;
  const promoterShare = counts.promoters / n;
  const detractorShare = counts.detractors / n;
  const nps = promoterShare - detractorShare;
  return Math.max(0, promoterShare + detractorShare - nps * nps);
}
