import { gammaSample } from './gamma-sample.js';
import { seededRandom } from './seeded-random.js';

/**
 * Ranks of units from joint draws of their Dirichlet posteriors. Unit u's class shares are
 * π_u ~ Dirichlet(α_u) (the prior plus its counts; a Beta for K = 2), its score θ_u = Σ_k w_k π_uk
 * (NPS: w = (−1, 0, 1) for D, A, P; a percent: w = (0, 1)). Each of `draws` rounds draws every unit's π_u
 * (Dirichlet as normalised Gamma(α_uk, 1) draws, `gammaSample`), ranks the units by θ (1 = the highest;
 * ties share the better rank), and counts, per unit:
 *
 * - the equal-tailed credible interval of θ_u: the (1 ± level)/2 quantiles of its draws,
 * - the rank interval: the same quantiles of its ranks,
 * - P(top k) = share of rounds with rank ≤ k, P(bottom k) = share with rank > U − k.
 *
 * Quantiles are the order statistics at ⌊q·(D − 1)⌉ (type-1-like, no interpolation), so the output is a
 * function of the seed only. Monte Carlo error of a probability p is √(p(1 − p)/D) (≤ 0.016 at D = 1000).
 *
 * Source: docs/methods.md (Empirical-Bayes ranks); H. Goldstein, D. Spiegelhalter, "League tables and their
 * limitations", JRSS A 159 (1996) 385–443 (ranks with intervals from posterior draws).
 *
 * @param alphas the posterior parameters of each unit (all > 0, K each)
 * @param weights the score of each class, K numbers
 * @param options draws, seed, k (1 ≤ k ≤ units), level in (0, 1)
 * @returns per unit: lower, upper (score scale of `weights`), rankLower, rankUpper, pTop, pBottom
 * @throws {RangeError} on a bad k, level or draw count
 * @example
 * posteriorRankDraws([[1, 9], [9, 1]], [0, 1], { draws: 200, seed: 1, k: 1, level: 0.95 })[0].rankUpper; // => 1 (Beta(9, 1) beats Beta(1, 9))
 */
export function posteriorRankDraws(
  alphas: readonly (readonly number[])[],
  weights: readonly number[],
  options: { draws: number; seed: number; k: number; level: number },
): { lower: number; upper: number; rankLower: number; rankUpper: number; pTop: number; pBottom: number }[] {
  const U = alphas.length;
  const D = options.draws;
  const { k, level } = options;
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`draws must be a positive integer, got ${D}`);
  if (U > 0 && (!Number.isInteger(k) || k < 1 || k > U)) throw new RangeError(`k must be an integer in 1..${U}, got ${k}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const random = seededRandom(options.seed);
  const values = new Float64Array(U * D);
  const ranks = new Int32Array(U * D);
  const top = new Int32Array(U);
  const bottom = new Int32Array(U);
  const theta = new Float64Array(U);
  const order = Array.from({ length: U }, (_, i) => i);
  for (let d = 0; d < D; d++) {
    for (let u = 0; u < U; u++) {
      const a = alphas[u];
      let total = 0;
      let score = 0;
      for (let j = 0; j < a.length; j++) {
        const g = gammaSample(a[j], random);
        total += g;
        score += weights[j] * g;
      }
      theta[u] = total > 0 ? score / total : 0;
      values[u * D + d] = theta[u];
    }
    order.sort((i, j) => theta[j] - theta[i] || i - j);
    let rank = 1;
    for (let r = 0; r < U; r++) {
      const u = order[r];
      if (r > 0 && theta[u] !== theta[order[r - 1]]) rank = r + 1;
      ranks[u * D + d] = rank;
      if (rank <= k) top[u]++;
      if (rank > U - k) bottom[u]++;
    }
  }
  const qLo = Math.round(((1 - level) / 2) * (D - 1));
  const qHi = Math.round(((1 + level) / 2) * (D - 1));
  const out = [];
  for (let u = 0; u < U; u++) {
    const v = values.subarray(u * D, (u + 1) * D).sort();
    const r = ranks.subarray(u * D, (u + 1) * D).sort();
    out.push({ lower: v[qLo], upper: v[qHi], rankLower: r[qLo], rankUpper: r[qHi], pTop: top[u] / D, pBottom: bottom[u] / D });
  }
  return out;
}
