import { checkLevel } from './check-level.js';
import { intervalEstimate } from './interval-estimate.js';
import { noEstimate } from './no-estimate.js';
import { normalCriticalValue } from './normal-critical-value.js';
import type { IntervalEstimate, WeightedNpsTally } from './types.js';
import { weightedNpsLinearizedSe } from './weighted-nps-linearized-se.js';

/**
 * Normal interval for a weighted NPS with the linearization standard error (docs/methods.md weights
 * option `linearized`): NPS_w ± z·SE_lin, where SE_lin comes from
 * `weightedNpsLinearizedSe` (R `survey::svymean` with a weights-only design, then
 * `confint`).
 *
 * Bounds are returned unclipped and clipped to [−1, 1]; `n` is the number of responses
 * (report n_eff separately with `kishEffectiveN`).
 *
 * Edge cases: Σw = 0 or n < 2 gives a null estimate with a reason. All responses in one class
 * give SE = 0 and a zero-width interval (`zeroWidth: true`).
 *
 * Complexity: O(1).
 *
 * Source: T. Lumley, Complex Surveys (2010), §2.3; K. M. Wolter (2007), §6.11.
 *
 * @param tally per class: `count`, `sumWeights`, `sumSquaredWeights`
 * @param level confidence level, default 0.95
 * @returns the weighted NPS with its interval (method `'linearized'`)
 * @example
 * weightedNpsLinearizedInterval({ detractors: { count: 1, sumWeights: 1, sumSquaredWeights: 1 }, passives: { count: 1, sumWeights: 2, sumSquaredWeights: 4 }, promoters: { count: 2, sumWeights: 3, sumSquaredWeights: 5 } }, 0.95).lower; // => -0.4619
 */
export function weightedNpsLinearizedInterval(tally: WeightedNpsTally, level = 0.95): IntervalEstimate<'linearized'> {
  checkLevel(level);
  const { n, value, se, reason } = weightedNpsLinearizedSe(tally);
  if (value === null || se === null) return noEstimate('linearized', level, n, reason ?? 'n/a');
  const halfWidth = normalCriticalValue(level) * se;
  return intervalEstimate({
    method: 'linearized',
    level,
    n,
    value,
    lower: value - halfWidth,
    upper: value + halfWidth,
    bounds: [-1, 1],
  });
}
