/**
 * From a Tally to the numbers people read: a metric's estimate with its interval, and the comparison
 * of two Tallies (a segment against the rest, a period against the previous one, file against file).
 * Values are on the display scale here: NPS −100..100, percents 0..100, means on the answer scale.
 */
import type { Tally } from '../model/tally.js';
import { meanDifferenceTest } from '../stats/mean-difference-test.js';
import { meanInterval } from '../stats/mean-interval.js';
import { npsDifferenceTest } from '../stats/nps-difference-test.js';
import { npsInterval } from '../stats/nps-interval.js';
import { proportionInterval } from '../stats/proportion-interval.js';
import { summarizeScaleCounts } from '../stats/summarize-scale-counts.js';
import { twoProportionTest } from '../stats/two-proportion-test.js';
import type { DifferenceTest, IntervalEstimate, NpsCounts } from '../stats/types.js';
import type { NpsMethod, ProportionMethod } from '../stats/types.js';
import type { Metric, RoleSpec } from './plan.js';

/** The interval method of each score role (means always use Student t). */
export interface Methods {
  nps: NpsMethod;
  csat: ProportionMethod;
  ces: ProportionMethod;
}

export interface StatSettings {
  level: number;
  methods: Methods;
  seed: number;
  resamples: number;
}

export interface MetricEstimate {
  n: number;
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
export function methodOf(metric: Metric, methods: Methods): string {
  if (metric === 'nps') return methods.nps;
  if (metric === 'csat' || metric === 'ces') return methods[metric];
  return 't';
}

/** Detractors, passives, promoters of an 11-point NPS Tally (0–6, 7–8, 9–10 from the scale's low end). */
export function npsCounts(t: Tally): NpsCounts {
  let detractors = 0;
  let passives = 0;
  let promoters = 0;
  t.count.forEach((c, i) => {
    if (i <= 6) detractors += c;
    else if (i <= 8) passives += c;
    else promoters += c;
  });
  return { detractors, passives, promoters };
}

/** Answers inside the success band (satisfied / agree) and all answers. */
export function bandCounts(t: Tally, band: RoleSpec['band']): { x: number; n: number } {
  let x = 0;
  let n = 0;
  t.count.forEach((c, i) => {
    const point = t.lo + i;
    n += c;
    if (point >= band.lo && point <= band.hi) x += c;
  });
  return { x, n };
}

const scaled = (v: number | null, k: number) => (v === null ? null : v * k);

function fromInterval(e: IntervalEstimate, k: number, counts: Record<string, number>): MetricEstimate {
  return {
    n: e.n,
    value: scaled(e.value, k),
    lower: scaled(e.lowerClipped, k),
    upper: scaled(e.upperClipped, k),
    counts,
    zeroWidth: e.zeroWidth,
    reason: e.reason,
  };
}

export function estimateMetric(metric: Metric, t: Tally, spec: RoleSpec, s: StatSettings): MetricEstimate {
  if (metric === 'nps') {
    const c = npsCounts(t);
    const e = npsInterval(c, s.level, s.methods.nps, { seed: s.seed, resamples: s.resamples });
    return fromInterval(e, 100, { promoters: c.promoters, passives: c.passives, detractors: c.detractors });
  }
  if (metric === 'csat' || metric === 'ces') {
    const { x, n } = bandCounts(t, spec.band);
    const e = proportionInterval(x, n, s.level, s.methods[metric]);
    return fromInterval(e, 100, metric === 'csat' ? { satisfied: x, other: n - x } : { agree: x, other: n - x });
  }
  const summary = summarizeScaleCounts(t.count, t.lo);
  const e = meanInterval(summary, s.level, { min: t.lo, max: t.hi });
  const counts: Record<string, number> = {};
  t.count.forEach((c, i) => (counts[String(t.lo + i)] = c));
  return fromInterval(e, 1, counts);
}

function fromDifference(d: DifferenceTest, k: number): Difference {
  return { diff: scaled(d.diff, k), lower: scaled(d.lowerClipped, k), upper: scaled(d.upperClipped, k), p: d.p, reason: d.reason };
}

/**
 * a − b with its interval and two-sided p. NPS: the adjusted-Wald difference test unless the NPS
 * method is plain Wald; percents: pooled two-proportion z; means: Welch t.
 */
export function compareTallies(metric: Metric, a: Tally, b: Tally, spec: RoleSpec, s: StatSettings): Difference {
  if (metric === 'nps') {
    return fromDifference(npsDifferenceTest(npsCounts(a), npsCounts(b), s.level, { adjusted: s.methods.nps !== 'wald' }), 100);
  }
  if (metric === 'csat' || metric === 'ces') {
    const ca = bandCounts(a, spec.band);
    const cb = bandCounts(b, spec.band);
    return fromDifference(twoProportionTest(ca.x, ca.n, cb.x, cb.n, s.level), 100);
  }
  return fromDifference(meanDifferenceTest(summarizeScaleCounts(a.count, a.lo), summarizeScaleCounts(b.count, b.lo), s.level), 1);
}

/** What every result row says about one Tally: n, estimate, interval, class counts, low base, blank and invalid answers. */
export interface EstimateFields {
  n: number;
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
  const e = estimateMetric(metric, t, spec, s);
  return { n: e.n, value: e.value, lower: e.lower, upper: e.upper, counts: e.counts, lowBase: e.n < minN, skipped: t.skipped, invalid: t.invalid };
}
