/**
 * From a Tally to the numbers people read: a metric's estimate with its interval, and the comparison
 * of two Tallies (a segment against the rest, a period against the previous one, file against file).
 * Values are on the display scale here: NPS −100..100, percents 0..100, means on the answer scale.
 *
 * Weighted Tallies (docs/methods.md, Weights): shares are weighted (Σw of a class / Σw), and every count
 * formula runs on n := Kish n_eff = (Σw)²/Σw² with counts := share × n_eff; intervals, difference
 * tests and the t interval of a mean all take those effective counts. A Tally whose weights are all
 * equal is scored from its plain counts, so equal weights reproduce unweighted results exactly. With
 * `variance: 'linearized'` the NPS interval and NPS differences use the linearization SE instead.
 */
import { InputError } from '../model/errors.js';
// the registry's method names are passed where src/stats' are expected: a name stats lacks does not compile
import { KINDS, metricDef, ROLE_DEFS, unhandledKind, type Methods, type Metric, type NpsMethodName, type ProportionMethodName } from '../model/metrics.js';
import { hasEqualWeights, isWeighted, tallyN, type Tally } from '../model/tally.js';
import { meanDifferenceTest } from '../stats/mean-difference-test.js';
import { meanInterval } from '../stats/mean-interval.js';
import { npsDifferenceTest } from '../stats/nps-difference-test.js';
import { npsInterval } from '../stats/nps-interval.js';
import { newcombeDifferenceTest } from '../stats/newcombe-difference-test.js';
import { proportionInterval } from '../stats/proportion-interval.js';
import { summarizeScaleCounts } from '../stats/summarize-scale-counts.js';
import type { DifferenceTest, IntervalEstimate, NpsCounts, WeightedNpsTally } from '../stats/types.js';
import { weightedNpsLinearizedDifferenceTest } from '../stats/weighted-nps-linearized-difference-test.js';
import { weightedNpsLinearizedInterval } from '../stats/weighted-nps-linearized-interval.js';
import { npsClassOf, type RoleSpec } from '../fold/plan.js';
import { tDifferenceTest } from '../stats/t-difference-test.js';
import { clusterDifferenceVariance, clusterEffectiveN, clusterEstimate, type PointScore } from './cluster-estimate.js';

/** The interval method of each score role (means always use Student t): the registry's `Methods`. */
export type { Methods };

/** How weighted NPS intervals are computed: Kish n_eff counts (default) or the linearization SE. */
export const VARIANCES = ['kish', 'linearized'] as const;
export type Variance = (typeof VARIANCES)[number];

export interface StatSettings {
  level: number;
  methods: Methods;
  seed: number;
  resamples: number;
  /** a --weight column was given: rows report nEff */
  weighted?: boolean;
  variance?: Variance;
  /** --cluster COL: cluster-robust variances from the Tallies' per-cluster parts (cluster-estimate.ts) */
  cluster?: string;
}

export interface MetricEstimate {
  /** answers counted (entities with --per) */
  n: number;
  /** Kish effective n (n when unweighted or all weights are equal) */
  nEff: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** class counts: promoters/passives/detractors, satisfied/other, agree/other, or per scale point */
  counts: Record<string, number>;
  /** the interval has zero width (never to be read as certainty) */
  zeroWidth: boolean;
  reason: string | null;
}

export interface Difference {
  diff: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
  reason: string | null;
}

/** Which method a metric's interval uses, as shown in `settings.methods`. */
export function methodOf(metric: Metric, methods: Methods, variance?: Variance): string {
  const def = metricDef(metric);
  switch (def.kind) {
    case 'nps':
      return variance === 'linearized' ? 'linearized' : methods[def.role];
    case 'proportion':
      return methods[def.role];
    case 'mean':
      return def.interval.default;
    default:
      return unhandledKind(def);
  }
}

/**
 * The counts a Tally is scored from: the plain counts, or for unequal weights share × n_eff per point
 * (share = Σw of the point / Σw). `n` is the number of answers, `nEff` Kish's effective n.
 */
export function effectiveCounts(t: Tally, clusterNEff?: number | null): { count: number[]; n: number; nEff: number } {
  const n = tallyN(t);
  if (clusterNEff != null) return sharesTimes(t, clusterNEff, n);
  if (!isWeighted(t) || hasEqualWeights(t)) return { count: t.count, n, nEff: n };
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < t.count.length; i++) {
    sum += t.weightSum[i];
    squares += t.weightSqSum[i];
  }
  if (sum === 0) return { count: t.count.map(() => 0), n, nEff: 0 };
  const nEff = (sum * sum) / squares;
  checkWeightSums(nEff);
  return { count: t.weightSum.map((w) => (w / sum) * nEff), n, nEff };
}

/** share × n_eff per point (share = Σw of the point / Σw), for an effective n from elsewhere (--cluster). */
function sharesTimes(t: Tally, nEff: number, n: number): { count: number[]; n: number; nEff: number } {
  let sum = 0;
  for (const w of t.weightSum) sum += w;
  return { count: t.weightSum.map((w) => (sum === 0 ? 0 : (w / sum) * nEff)), n, nEff };
}

/** Detractors, passives, promoters of an 11-point NPS Tally (0–6, 7–8, 9–10 from the scale's low end); effective counts when weighted or clustered. */
export function npsCounts(t: Tally, clusterNEff?: number | null): NpsCounts {
  const out: NpsCounts = { detractors: 0, passives: 0, promoters: 0 };
  effectiveCounts(t, clusterNEff).count.forEach((c, i) => (out[npsClassOf(i)] += c));
  return out;
}

/** Answers inside the success band (satisfied / agree) and all answers; effective counts when weighted or clustered. */
export function bandCounts(t: Tally, band: RoleSpec['band'], clusterNEff?: number | null): { x: number; n: number } {
  let x = 0;
  let n = 0;
  effectiveCounts(t, clusterNEff).count.forEach((c, i) => {
    const point = t.lo + i;
    n += c;
    if (point >= band.lo && point <= band.hi) x += c;
  });
  return { x, n };
}

const scaled = (v: number | null, k: number) => (v === null ? null : v * k);

/** Count, Σw and Σw² of the three NPS classes (for the linearization SE). */
export function weightedNpsTally(t: Tally): WeightedNpsTally {
  const cls = () => ({ count: 0, sumWeights: 0, sumSquaredWeights: 0 });
  const out = { detractors: cls(), passives: cls(), promoters: cls() };
  t.count.forEach((c, i) => {
    const k = out[npsClassOf(i)];
    k.count += c;
    k.sumWeights += t.weightSum[i];
    k.sumSquaredWeights += t.weightSqSum[i];
  });
  for (const k of Object.values(out)) checkWeightSums(k.sumWeights * k.sumWeights + k.sumSquaredWeights);
  return out;
}

/**
 * Weights are bounded per row (MAX_WEIGHT), but a tally file carries sums of its own: a sum that
 * overflowed is refused here rather than reach an output as NaN or an interval of −100 to 100.
 */
function checkWeightSums(value: number): void {
  if (!Number.isFinite(value)) throw new InputError('the weights are too large: their sums overflow', undefined, 'weights are relative: divide them (or the tally file\'s weight sums) by a common factor');
}

/**
 * An interval as shown: widened to take in its own point. The adjusted-Wald (and Wilson, Agresti–Coull)
 * interval is centred on an adjusted estimate, so at n = 1 it can exclude the observed value (−100 with
 * CI −98.5 – 48.5); the method stays, the shown bounds never leave the point out.
 */
export function coverPoint(value: number | null, lower: number | null, upper: number | null): { lower: number | null; upper: number | null } {
  if (value === null) return { lower, upper };
  return { lower: lower === null ? null : Math.min(lower, value), upper: upper === null ? null : Math.max(upper, value) };
}

function fromInterval(e: IntervalEstimate, k: number, counts: Record<string, number>, t: Tally): MetricEstimate {
  const { n, nEff } = effectiveCounts(t);
  return {
    n,
    nEff,
    value: scaled(e.value, k),
    ...coverPoint(scaled(e.value, k), scaled(e.lowerClipped, k), scaled(e.upperClipped, k)),
    counts,
    zeroWidth: e.zeroWidth,
    reason: e.reason,
  };
}

/** The score of an answer for the cluster-robust variance: NPS −1/0/1, a percent 1 in the band, a mean the answer. */
function pointScore(metric: Metric, t: Tally, spec: RoleSpec): PointScore {
  const kind = metricDef(metric).kind;
  if (kind === 'nps') return (i) => ({ promoters: 1, passives: 0, detractors: -1 })[npsClassOf(i)];
  if (kind === 'proportion') return (i) => (t.lo + i >= spec.band.lo && t.lo + i <= spec.band.hi ? 1 : 0);
  return (i) => t.lo + i;
}

/** Under --cluster: V/Var of the Tally (scaled by 1/k for a difference), or null (no clusters, or Var undefined: Kish's n_eff then). */
function clusterNEffOf(metric: Metric, t: Tally, spec: RoleSpec, s: StatSettings, scale = 1): number | null {
  if (!s.cluster || !t.clusters) return null;
  const e = clusterEstimate(t, pointScore(metric, t, spec));
  return e ? clusterEffectiveN(e, scale) : null;
}

/** A mean under --cluster: Student t on the cluster SE with G − 1 degrees of freedom. */
function clusteredMean(metric: Metric, t: Tally, spec: RoleSpec, s: StatSettings): MetricEstimate {
  const e = clusterEstimate(t, pointScore(metric, t, spec));
  const summary = e === null ? summarizeScaleCounts(t.count, t.lo) : { n: e.clusters, mean: e.mean, variance: e.variance === null ? null : e.variance * e.clusters };
  // meanInterval's SE is √(variance/n) = √Var and its df n − 1 = G − 1
  const interval = meanInterval(summary, s.level, { min: t.lo, max: t.hi });
  const counts: Record<string, number> = {};
  t.count.forEach((c, i) => (counts[String(t.lo + i)] = c));
  return fromInterval(interval, KINDS.mean.displayFactor, counts, t);
}

/**
 * A metric's estimate and interval, by its kind: NPS from the class counts (its --method, or the
 * linearization SE), a proportion from the answers in the band (its --method), a mean with the
 * Student t interval. Counts: NPS classes, the role's success word and the rest, or per scale point.
 * Under --cluster the counts are share × the cluster-robust effective n, and a mean's t is on G − 1 df.
 */
export function estimateMetric(metric: Metric, t: Tally, spec: RoleSpec, s: StatSettings): MetricEstimate {
  const def = metricDef(metric);
  const k = KINDS[def.kind].displayFactor;
  switch (def.kind) {
    case 'nps': {
      const c = npsCounts(t, clusterNEffOf(metric, t, spec, s));
      const e = s.variance === 'linearized' ? weightedNpsLinearizedInterval(weightedNpsTally(t), s.level) : npsInterval(c, s.level, s.methods[def.role] as NpsMethodName, { seed: s.seed, resamples: s.resamples });
      return fromInterval(e, k, { promoters: c.promoters, passives: c.passives, detractors: c.detractors }, t);
    }
    case 'proportion': {
      const { x, n } = bandCounts(t, spec.band, clusterNEffOf(metric, t, spec, s));
      const e = proportionInterval(x, n, s.level, s.methods[def.role] as ProportionMethodName);
      const words = ROLE_DEFS[def.role].success!;
      return fromInterval(e, k, { [words.yes]: x, [words.rest]: n - x }, t);
    }
    case 'mean': {
      if (s.cluster && t.clusters) return clusteredMean(metric, t, spec, s);
      const effective = effectiveCounts(t).count;
      const summary = summarizeScaleCounts(effective, t.lo);
      const e = meanInterval(summary, s.level, { min: t.lo, max: t.hi });
      const counts: Record<string, number> = {};
      effective.forEach((c, i) => (counts[String(t.lo + i)] = c));
      return fromInterval(e, k, counts, t);
    }
    default:
      return unhandledKind(def);
  }
}

function fromDifference(d: DifferenceTest, k: number): Difference {
  return { diff: scaled(d.diff, k), lower: scaled(d.lowerClipped, k), upper: scaled(d.upperClipped, k), p: d.p, reason: d.reason };
}

/**
 * a − b with its interval and two-sided p. NPS: the adjusted-Wald difference test unless the NPS
 * method is plain Wald; percents: Newcombe's hybrid score interval with the p that inverts it (significant
 * exactly when the interval excludes 0); means: Welch t.
 */
export function compareTallies(metric: Metric, a: Tally, b: Tally, spec: RoleSpec, s: StatSettings): Difference {
  const def = metricDef(metric);
  const k = KINDS[def.kind].displayFactor;
  const scale = s.cluster && a.clusters && b.clusters ? clusterScale(metric, a, b, spec) : null;
  if (scale !== null && def.kind === 'mean') return clusteredMeanDifference(metric, a, b, spec, s);
  const nEffA = scale === null ? null : clusterNEffOf(metric, a, spec, s, scale);
  const nEffB = scale === null ? null : clusterNEffOf(metric, b, spec, s, scale);
  switch (def.kind) {
    case 'nps':
      if (s.variance === 'linearized') return fromDifference(weightedNpsLinearizedDifferenceTest(weightedNpsTally(a), weightedNpsTally(b), s.level), k);
      return fromDifference(npsDifferenceTest(npsCounts(a, nEffA), npsCounts(b, nEffB), s.level, { adjusted: s.methods[def.role] !== 'wald' }), k);
    case 'proportion': {
      const ca = bandCounts(a, spec.band, nEffA);
      const cb = bandCounts(b, spec.band, nEffB);
      return fromDifference(newcombeDifferenceTest(ca.x, ca.n, cb.x, cb.n, s.level), k);
    }
    case 'mean':
      return fromDifference(meanDifferenceTest(summarizeScaleCounts(effectiveCounts(a).count, a.lo), summarizeScaleCounts(effectiveCounts(b).count, b.lo), s.level), k);
    default:
      return unhandledKind(def);
  }
}

/**
 * Under --cluster, k = Var(a − b)/(Var(a) + Var(b)): each side's effective n is divided by k, so that the
 * difference tests, which add the two sides' variances, use the cluster-robust variance of the
 * difference, covariance of clusters in both sides included. 1 when it is undefined.
 */
function clusterScale(metric: Metric, a: Tally, b: Tally, spec: RoleSpec): number {
  const score = pointScore(metric, a, spec);
  const ea = clusterEstimate(a, score);
  const eb = clusterEstimate(b, score);
  const d = clusterDifferenceVariance(a, b, score);
  if (!ea || !eb || !d || ea.variance === null || eb.variance === null || d.variance === null) return 1;
  const sum = ea.variance + eb.variance;
  return sum > 0 && d.variance > 0 ? d.variance / sum : 1;
}

/** Means under --cluster: a − b ± t(G − 1)·SE with the cluster-robust SE of the difference. */
function clusteredMeanDifference(metric: Metric, a: Tally, b: Tally, spec: RoleSpec, s: StatSettings): Difference {
  const score = pointScore(metric, a, spec);
  const ea = clusterEstimate(a, score);
  const eb = clusterEstimate(b, score);
  const d = clusterDifferenceVariance(a, b, score);
  if (!ea || !eb || !d || d.variance === null) return { diff: ea && eb ? ea.mean - eb.mean : null, lower: null, upper: null, p: null, reason: ea && eb ? 'fewer than 2 clusters: no cluster-robust variance' : 'n/a (n=0)' };
  const width = a.hi - a.lo;
  return fromDifference(tDifferenceTest(ea.mean - eb.mean, Math.sqrt(d.variance), d.clusters - 1, s.level, [-width, width]), 1);
}

/** What every result row says about one Tally: n, estimate, interval, class counts, low base, blank and invalid answers. */
export interface EstimateFields {
  n: number;
  /** Kish effective n: only in weighted runs */
  nEff?: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  counts: Record<string, number>;
  lowBase: boolean;
  /** blank answers in this group (not in n) */
  skipped: number;
  /** invalid answers in this group (not in n) */
  invalid: number;
}

export function estimateFields(metric: Metric, t: Tally, spec: RoleSpec, s: StatSettings, minN: number): EstimateFields {
  return fieldsOf(estimateMetric(metric, t, spec, s), t, s, minN);
}

/** Whether a Tally is under --min-n: on n_eff when weighted (unequal weights carry the information of fewer answers). */
export function isLowBase(t: Tally, s: StatSettings, minN: number): boolean {
  const { n, nEff } = effectiveCounts(t);
  return (s.weighted ? nEff : n) < minN;
}

/**
 * The row fields of an estimate. Low base is judged on n_eff when weighted: unequal weights carry the
 * information of fewer answers.
 */
export function fieldsOf(e: MetricEstimate, t: Tally, s: StatSettings, minN: number): EstimateFields {
  return {
    n: e.n,
    ...(s.weighted ? { nEff: e.nEff } : {}),
    value: e.value,
    lower: e.lower,
    upper: e.upper,
    counts: e.counts,
    lowBase: (s.weighted ? e.nEff : e.n) < minN,
    skipped: t.skipped,
    invalid: t.invalid,
  };
}
