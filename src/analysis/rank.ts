/**
 * `cxm rank --by COL`: a fair league table of the units of one column. Each unit's class counts are
 * shrunk towards the others by an empirical-Bayes model (docs/methods.md (Empirical-Bayes ranks)): NPS classes
 * (D, A, P) Dirichlet-multinomial, a percent's (other, success) beta-binomial, the shared prior fitted
 * by marginal likelihood across the units (`dirichletMultinomialFit`). Each row has the raw score, the
 * posterior mean (`value`) with its credible interval, the rank of the posterior mean with its interval,
 * P(top k) and P(bottom k) from seeded joint posterior draws (`posteriorRankDraws`), and the funnel limit
 * (95 %, 99.8 % around the overall score) the raw score falls outside of, if any.
 *
 * Weighted data: every count is the effective count (share × Kish n_eff, as everywhere in cxm), so
 * weights change the shares and shrink a unit more when its weights are uneven. Means are not ranked.
 */
import { dataRecord } from '../model/data-record.js';
import { kindOf, type Metric } from '../model/metrics.js';
import { dirichletMultinomialFit } from '../stats/dirichlet-multinomial-fit.js';
import { funnelLimits } from '../stats/funnel-limits.js';
import { posteriorRankDraws } from '../stats/posterior-rank-draws.js';
import type { Tally } from '../model/tally.js';
import { bandCounts, npsCounts } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { groupKeyComparator } from './natural-order.js';
import { specOf, type RoleSpec } from '../fold/plan.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope } from './result.js';
import { roleIndex, type ScoreSettings } from './score.js';

/** Posterior draws per run: Monte Carlo SE of a probability ≤ 0.5/√1000 = 0.016, rank bounds stable to ±1 in tests. */
export const RANK_DRAWS = 1000;
/** z of the funnel limits (two-sided 95 % and 99.8 %). */
export const FUNNEL_LIMITS = [
  { name: '99.8%', z: 3.090232306167813 },
  { name: '95%', z: 1.959963984540054 },
] as const;

export interface RankSettings extends ScoreSettings {
  /** --k: a count of units, or a share of them (0 < share ≤ 1) */
  k: { count: number } | { share: number };
}

export interface RankRow {
  metric: Metric;
  group: Record<string, string>;
  /** answers (entities with --per) */
  n: number;
  /** the unit's own score: NPS −100..100, percent 0..100 */
  raw: number;
  /** the shrunken score (posterior mean) */
  value: number;
  /** equal-tailed credible interval at the level, from the draws */
  lower: number;
  upper: number;
  /** rank of `value` among the units, 1 = the best */
  rank: number;
  rankLower: number;
  rankUpper: number;
  /** share of posterior draws in which the unit ranks in the top / bottom k */
  pTop: number;
  pBottom: number;
  /** the funnel limit the raw score crosses: "upper 99.8%", "lower 95%"…, or null */
  outside: string | null;
}

export interface RankPrior {
  metric: Metric;
  /** the classes of `alpha`: detractors, passives, promoters (NPS) or other, success */
  classes: string[];
  alpha: number[];
  /** how the prior was found: marginal-likelihood, or moments when the likelihood could not be maximised */
  method: 'marginal-likelihood' | 'moments';
  /** the units vary no more than chance: every unit is shrunk (almost) to the overall score */
  noSpread: boolean;
  /** prior strength Σα: a unit of n answers keeps n/(n + Σα) of its own score */
  strength: number;
  /** the overall score (the funnel's target, display scale) and V₀, the variance of one answer (−1..1 or 0..1 scale) */
  overall: number;
  variance: number;
  units: number;
  k: number;
}

export interface RankResult {
  cxm: 1;
  command: 'rank';
  input: InputSummary;
  settings: StatSettingsJson &
    EnrichSettings & {
      by: string[];
      columns: Record<string, string>;
      seed: number;
      draws: number;
      k: number | string;
      priors: RankPrior[];
    };
  rows: RankRow[];
  warnings: Warning[];
}

/** The class counts a metric is modelled on, and each class's score (−1, 0, 1 for NPS; 0, 1 for a percent). */
function classCounts(metric: Metric, t: Tally, spec: RoleSpec): number[] {
  if (kindOf(metric) === 'nps') {
    const c = npsCounts(t);
    return [c.detractors, c.passives, c.promoters];
  }
  const { x, n } = bandCounts(t, spec.band);
  return [n - x, x];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function rankK(k: RankSettings['k'], units: number): number {
  if (units === 0) return 0;
  const count = 'count' in k ? k.count : Math.round(k.share * units);
  return Math.min(units, Math.max(1, count));
}

export function rankResult(loaded: Loaded, s: RankSettings): RankResult {
  const { marginals, roles } = loaded;
  const dims = loaded.fold.dimensions;
  const metrics = loaded.metrics.filter((m) => kindOf(m) !== 'mean');
  const warnings = loadedWarnings(loaded, dims.map((_, d) => [d]));
  const skippedMeans = loaded.metrics.filter((m) => kindOf(m) === 'mean');
  if (skippedMeans.length) warnings.push({ code: 'rank-mean', message: `${skippedMeans.join(', ')} not ranked: rank models NPS classes and percents, not means` });
  const order = groupKeyComparator([dims[0]], s.segmentOrder);
  const groups = [...marginals.groups([0])].sort((a, b) => order(a.key, b.key));
  const total = marginals.total();
  const rows: RankRow[] = [];
  const priors: RankPrior[] = [];
  for (const metric of metrics) {
    const spec = specOf(roles, metric);
    const r = roleIndex(loaded, spec);
    const nps = kindOf(metric) === 'nps';
    const weights = nps ? [-1, 0, 1] : [0, 1];
    const units = groups
      .map((g) => ({ key: g.key, n: g.tallies[r].count.reduce((a, b) => a + b, 0), counts: classCounts(metric, g.tallies[r], spec) }))
      .filter((u) => sum(u.counts) > 0);
    const left = groups.length - units.length;
    if (left > 0) warnings.push({ code: 'rank-no-answers', message: `${metric}: ${left} ${dims[0]} value${left === 1 ? '' : 's'} without answers not ranked` });
    const all = classCounts(metric, total[r], spec);
    const N = sum(all);
    const shares = all.map((c) => (N > 0 ? c / N : 0));
    const theta0 = sum(shares.map((p, i) => p * weights[i]));
    const v0 = nps ? shares[2] + shares[0] - (shares[2] - shares[0]) ** 2 : shares[1] * (1 - shares[1]);
    if (units.length === 0) continue;
    const fit = dirichletMultinomialFit(units.map((u) => u.counts));
    const strength = sum(fit.alpha);
    const k = rankK(s.k, units.length);
    priors.push({ metric, classes: nps ? ['detractors', 'passives', 'promoters'] : ['other', 'success'], alpha: fit.alpha, method: fit.method, noSpread: fit.noSpread, strength, overall: 100 * theta0, variance: v0, units: units.length, k });
    if (fit.noSpread) {
      warnings.push({ code: 'rank-no-spread', message: `${metric}: the ${dims[0]} values differ no more than chance explains (prior strength Σα = ${strength.toPrecision(3)}): every unit is shrunk to the overall score, and the ranks say nothing` });
    }
    const posterior = units.map((u) => u.counts.map((c, i) => c + fit.alpha[i]));
    const draws = posteriorRankDraws(posterior, weights, { draws: RANK_DRAWS, seed: s.seed, k, level: s.level });
    const values = posterior.map((a) => (100 * sum(a.map((x, i) => x * weights[i]))) / sum(a));
    const byValue = values.map((_v, i) => i).sort((i, j) => values[j] - values[i] || i - j);
    const rankOf = new Array<number>(units.length);
    byValue.forEach((u, i) => (rankOf[u] = i > 0 && values[u] === values[byValue[i - 1]] ? rankOf[byValue[i - 1]] : i + 1));
    units.forEach((u, i) => {
      const nEff = sum(u.counts);
      const raw = sum(u.counts.map((c, j) => c * weights[j])) / nEff;
      let outside: string | null = null;
      for (const limit of FUNNEL_LIMITS) {
        const { lower, upper } = funnelLimits(theta0, v0, nEff, limit.z);
        if (outside === null && upper !== null && raw > upper + 1e-12) outside = `upper ${limit.name}`;
        if (outside === null && lower !== null && raw < lower - 1e-12) outside = `lower ${limit.name}`;
      }
      const d = draws[i];
      rows.push({
        metric,
        group: Object.assign(dataRecord<string>(), { [dims[0]]: u.key[0] }),
        n: u.n,
        raw: 100 * raw,
        value: values[i],
        lower: 100 * d.lower,
        upper: 100 * d.upper,
        rank: rankOf[i],
        rankLower: d.rankLower,
        rankUpper: d.rankUpper,
        pTop: d.pTop,
        pBottom: d.pBottom,
        outside,
      });
    });
  }
  // best first within each metric; ties in group order
  const sorted = rows.map((row, i) => ({ row, i })).sort((a, b) => metrics.indexOf(a.row.metric) - metrics.indexOf(b.row.metric) || a.row.rank - b.row.rank || a.i - b.i);
  return resultEnvelope('rank', {
    input: inputSummary(loaded.sources, loaded.fold.counts),
    settings: {
      ...statSettings(metrics, s),
      by: dims,
      columns: roleColumns(roles),
      ...enrichSettings(loaded, s),
      seed: s.seed,
      draws: RANK_DRAWS,
      k: 'count' in s.k ? s.k.count : `${+(100 * s.k.share).toPrecision(6)}%`,
      priors,
    },
    rows: sorted.map((x) => x.row),
    warnings,
  });
}
