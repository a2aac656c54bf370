import { checkCount } from './check-count.js';
import type { NpsCounts } from './types.js';

/**
 * Validates NPS class counts and returns their total n = D + A + P.
 *
 * Counts may be non-integer (weighted data passes `share × nEff`) but must be finite and
 * non-negative; anything else is a programmer error.
 *
 * @param counts detractors, passives and promoters
 * @returns n, the total
 * @throws {RangeError} if a count is negative or non-finite
 * @example
 * checkNpsCounts({ detractors: 2, passives: 3, promoters: 5 }); // => 10
 */
export function checkNpsCounts(counts: NpsCounts): number {
  checkCount(counts.detractors, 'detractors');
  checkCount(counts.passives, 'passives');
  checkCount(counts.promoters, 'promoters');
  return counts.detractors + counts.passives + counts.promoters;
}
