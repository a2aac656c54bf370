import { logGamma } from './log-gamma.js';
import { nelderMead } from './nelder-mead.js';

/**
 * Fits the shared prior of an empirical-Bayes model of class counts across units: unit u's counts
 * c_u = (c_u1…c_uK) (n_u = Σ_k c_uk) are Multinomial(n_u, π_u) with π_u ~ Dirichlet(α). K = 2 is the
 * beta-binomial (x_u successes of n_u, p_u ~ Beta(a, b)); K = 3 the NPS classes (D, A, P).
 *
 * α maximises the marginal log-likelihood (the multinomial coefficients dropped, they do not depend on α)
 *
 *   ℓ(α) = Σ_u [ ln Γ(Σα) − ln Γ(n_u + Σα) + Σ_k (ln Γ(c_uk + α_k) − ln Γ(α_k)) ],
 *
 * by Nelder–Mead over ln α_k, each α_k held in [1e-4, 1e7], started at the method-of-moments estimate:
 * with pooled shares m_k = Σ_u c_uk / Σ_u n_u, the intra-unit correlation ρ = 1/(Σα + 1) solves
 * Σ_u Σ_k (c_uk − n_u m_k)² = Σ_k m_k(1 − m_k)·[Σ_u n_u + ρ·Σ_u n_u(n_u − 1)], and α = m·(1/ρ − 1).
 * The moments estimate is the fit when the likelihood cannot be maximised (fewer than two units with
 * two answers or more, or a non-finite optimum).
 *
 * No spread: when the units vary no more than multinomial sampling explains, ℓ keeps rising as Σα → ∞
 * (every unit shrunk to the pooled shares). The fit then stops at the bound and says so (`noSpread`):
 * Σα ≥ 1e6, or a moments ρ ≤ 0. Counts may be non-integer (effective counts of weighted data).
 *
 * Source: T. Minka, "Estimating a Dirichlet distribution" (2000/2012); J. Kleinman, "Proportions with
 * extraneous variance", JASA 68 (1973) 46–54 (moments); docs/methods.md (Empirical-Bayes ranks).
 *
 * @param counts one row of K non-negative class counts per unit
 * @returns α, ℓ(α), how it was found, and whether the fit found no spread between units
 * @throws {RangeError} on a negative or non-finite count, or rows of different lengths
 * @example
 * dirichletMultinomialFit([[2, 8], [8, 2], [5, 5], [1, 9], [9, 1]]).alpha[0]; // => 1.27435 (scipy L-BFGS-B: 1.274346)
 */
export function dirichletMultinomialFit(counts: readonly (readonly number[])[]): {
  alpha: number[];
  logLikelihood: number;
  method: 'marginal-likelihood' | 'moments';
  noSpread: boolean;
} {
  const K = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== K) throw new RangeError('every unit needs the same number of classes');
    for (const c of row) if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`class counts must be non-negative, got ${c}`);
  }
  const moments = momentsAlpha(counts, K);
  const used = counts.filter((row) => sum(row) > 0);
  const enough = used.filter((row) => sum(row) >= 2).length >= 2;
  const loglik = (alpha: readonly number[]) => marginalLogLikelihood(used, alpha);
  if (!enough || K < 2) return { alpha: moments.alpha, logLikelihood: loglik(moments.alpha), method: 'moments', noSpread: moments.noSpread };
  const lo = Math.log(MIN_ALPHA);
  const hi = Math.log(MAX_ALPHA);
  const objective = (x: number[]) => (x.some((v) => v < lo || v > hi) ? Number.POSITIVE_INFINITY : -loglik(x.map(Math.exp)));
  const start = moments.alpha.map((a) => Math.min(hi - 1, Math.max(lo + 1, Math.log(a))));
  // two restarts from the first optimum: Nelder–Mead can stall on a ridge
  let best = nelderMead(objective, start, { step: 1, tolerance: 1e-10 });
  for (let i = 0; i < 2; i++) best = nelderMead(objective, best.x, { step: 0.3, tolerance: 1e-12 });
  if (!Number.isFinite(best.value)) return { alpha: moments.alpha, logLikelihood: loglik(moments.alpha), method: 'moments', noSpread: moments.noSpread };
  const alpha = best.x.map(Math.exp);
  return { alpha, logLikelihood: -best.value, method: 'marginal-likelihood', noSpread: sum(alpha) >= NO_SPREAD_SUM };
}

const MIN_ALPHA = 1e-4;
const MAX_ALPHA = 1e7;
const NO_SPREAD_SUM = 1e6;

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function marginalLogLikelihood(counts: readonly (readonly number[])[], alpha: readonly number[]): number {
  const total = sum(alpha);
  const lgTotal = logGamma(total);
  const lgAlpha = alpha.map(logGamma);
  let l = 0;
  for (const row of counts) {
    l += lgTotal - logGamma(sum(row) + total);
    for (let k = 0; k < row.length; k++) if (row[k] > 0) l += logGamma(row[k] + alpha[k]) - lgAlpha[k];
  }
  return l;
}

function momentsAlpha(counts: readonly (readonly number[])[], K: number): { alpha: number[]; noSpread: boolean } {
  const totals = new Array<number>(K).fill(0);
  let N = 0;
  let pairs = 0;
  for (const row of counts) {
    const n = sum(row);
    N += n;
    pairs += n * Math.max(0, n - 1);
    row.forEach((c, k) => (totals[k] += c));
  }
  const m = totals.map((t) => (N > 0 ? t / N : 1 / Math.max(K, 1)));
  let spread = 0;
  for (const row of counts) {
    const n = sum(row);
    row.forEach((c, k) => (spread += (c - n * m[k]) ** 2));
  }
  const binomial = sum(m.map((mk) => mk * (1 - mk)));
  const rho = binomial > 0 && pairs > 0 ? (spread - binomial * N) / (binomial * pairs) : 0;
  const clamp = (a: number) => Math.min(MAX_ALPHA, Math.max(MIN_ALPHA, a));
  if (!(rho > 0)) return { alpha: m.map((mk) => clamp(mk * MAX_ALPHA)), noSpread: true };
  const s = 1 / Math.min(rho, 1 - 1e-9) - 1;
  return { alpha: m.map((mk) => clamp(mk * s)), noSpread: s >= NO_SPREAD_SUM };
}
