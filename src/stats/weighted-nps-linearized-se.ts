import { checkCount } from './check-count.js';
import type { LinearizedNps, WeightedNpsTally } from './types.js';

/**
 * Weighted NPS and its linearization (Taylor-series) standard error, from per-class sums.
 *
 * Each response i has a weight wᵢ > 0 and a score sᵢ = +1 (promoter), 0 (passive) or −1
 * (detractor). The weighted NPS is the ratio NPS_w = Σwᵢsᵢ/Σwᵢ, and the linearized standard
 * error of a ratio mean in a with-replacement design (docs/methods.md option `linearized`) is
 *
 *   SE = √( n/(n − 1) · Σᵢ wᵢ²(sᵢ − NPS_w)² ) / Σwᵢ,
 *
 * which is what R `survey::svymean(~s, svydesign(ids = ~1, weights = ~w))` reports. Since sᵢ
 * takes only three values, Σᵢ wᵢ²(sᵢ − NPS_w)² = Σ_c W2_c·(s_c − NPS_w)² over the classes c,
 * where W2_c = Σ_{i∈c} wᵢ²: the function needs only the count, Σw and Σw² of each class, so
 * it works on tallies without the raw responses.
 *
 * Note: with equal weights this is √(n/(n − 1)·V/n), i.e. the Wald SE times √(n/(n − 1)),
 * not the unweighted Wald SE; the default weighted path (counts = share × n_eff) is the one
 * that reproduces unweighted results exactly.
 *
 * Edge cases: Σw = 0 (no responses with positive weight) gives `value` and `se` null; n = 1
 * gives the NPS with `se` null (n − 1 = 0).
 *
 * Complexity: O(1).
 *
 * Source: K. M. Wolter, Introduction to Variance Estimation (2nd ed., 2007), §6.11 (Taylor
 * series for a ratio); T. Lumley, Complex Surveys (2010), §2.3; R `survey::svymean`.
 *
 * @param tally per class: `count`, `sumWeights` (Σw) and `sumSquaredWeights` (Σw²)
 * @returns `{ n, value, se, reason }` with n the number of responses
 * @throws {RangeError} on a negative or non-finite count or sum
 * @example
 * weightedNpsLinearizedSe({ detractors: { count: 1, sumWeights: 1, sumSquaredWeights: 1 }, passives: { count: 1, sumWeights: 2, sumSquaredWeights: 4 }, promoters: { count: 2, sumWeights: 3, sumSquaredWeights: 5 } }).se; // => 0.4057 (NPS_w = 2/6)
 */
export function weightedNpsLinearizedSe(tally: WeightedNpsTally): LinearizedNps {
  const classes = [
    { score: -1, ...tally.detractors, name: 'detractors' },
    { score: 0, ...tally.passives, name: 'passives' },
    { score: 1, ...tally.promoters, name: 'promoters' },
  ];
  let n = 0;
  let sumWeights = 0;
  let weightedScore = 0;
  for (const c of classes) {
    checkCount(c.count, `${c.name} count`);
    checkCount(c.sumWeights, `${c.name} sum of weights`);
    checkCount(c.sumSquaredWeights, `${c.name} sum of squared weights`);
    n += c.count;
    sumWeights += c.sumWeights;
    weightedScore += c.score * c.sumWeights;
  }
  if (sumWeights === 0) return { n, value: null, se: null, reason: 'n/a (n=0)' };
  const nps = weightedScore / sumWeights;
  if (n < 2) return { n, value: nps, se: null, reason: 'n/a (n<2): no linearized standard error' };
  let squares = 0;
  for (const c of classes) squares += c.sumSquaredWeights * (c.score - nps) * (c.score - nps);
  const se = Math.sqrt((n / (n - 1)) * squares) / sumWeights;
  return { n, value: nps, se, reason: null };
}
