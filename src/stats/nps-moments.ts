import { NPS_PSEUDO_COUNTS, type NpsCounts } from './types.js';

/**
 * NPS, per-response variance and n of one group, raw or with the adjusted-Wald pseudo-counts —
 * the pieces shared by `npsAdjustedWaldInterval` and `npsDifferenceTest`.
 *
 *   raw:      n = D + A + P,  NPS = (P − D)/n,  V = P/n + D/n − NPS²;
 *   adjusted: the same on D̃ = D + 0.75, Ã = A + 1.5, P̃ = P + 0.75, ñ = n + 3.
 *
 * V is the variance of one response's score in {−1, 0, 1}; the standard error of the NPS is
 * √(V/n). V is floored at 0 (rounding can push a one-class V a hair below zero).
 *
 * Edge cases: n = 0 without adjustment gives NaN; callers check n first. The counts are not
 * validated here (callers run `checkNpsCounts`).
 *
 * Complexity: O(1).
 *
 * Source: B. Rocks, The American Statistician 70(4) (2016), §3 (pseudo-counts 0.75, 1.5, 0.75).
 *
 * @param counts detractors, passives, promoters (may be non-integer)
 * @param adjusted add the pseudo-counts `NPS_PSEUDO_COUNTS` first
 * @returns `{ nps, variance, n }` of the (adjusted) counts
 * @example
 * npsMoments({ detractors: 0, passives: 0, promoters: 1 }, true).variance; // => 0.5625 (P̃/ñ + D̃/ñ − NPS̃² = 1.75/4 + 0.75/4 − 0.25²)
 */
export function npsMoments(counts: NpsCounts, adjusted: boolean): { nps: number; variance: number; n: number } {
  const n = counts.detractors + counts.passives + counts.promoters;
  const detractors = counts.detractors + (adjusted ? NPS_PSEUDO_COUNTS.detractors : 0);
  const promoters = counts.promoters + (adjusted ? NPS_PSEUDO_COUNTS.promoters : 0);
  const total = adjusted
    ? n + NPS_PSEUDO_COUNTS.detractors + NPS_PSEUDO_COUNTS.passives + NPS_PSEUDO_COUNTS.promoters
    : n;
  const nps = (promoters - detractors) / total;
  const variance = Math.max(0, promoters / total + detractors / total - nps * nps);
  return { nps, variance, n: total };
}
