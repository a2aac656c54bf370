/**
 * `cxm drivers`: which segments move the overall score. For every value of every --by column (and
 * every comment tag), its share of the answers, its score, the score of everyone else, and its impact
 * on the total:
 *
 *   impact = share × (score_segment − score_rest)  =  total − score_rest,
 *
 * the points by which the segment pulls the overall figure away from what the rest alone would score
 * (the identity holds because the total is the share-weighted mean of the segment and the rest; with
 * weights, shares are weighted). The impact's interval is the interval of the difference scaled by the
 * share (taken as fixed), and its p is the difference test's, adjusted across every segment of the
 * table (per metric). Rows are sorted by impact, the largest pull downwards first.
 */
import { dataRecord } from '../model/data-record.js';
import type { Metric } from '../model/metrics.js';
import { hasEqualWeights, isWeighted, tallyN, type Tally } from '../model/tally.js';
import { compareTallies, estimateFields, type EstimateFields } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { groupKeyComparator } from './natural-order.js';
import { specOf } from '../fold/plan.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope, zeroSeWarnings } from './result.js';
import { markFamily, roleIndex, withFamily, type ScoreSettings, type VsRest } from './score.js';

export interface DriverRow extends EstimateFields {
  metric: Metric;
  /** the --by column (or `tag`) of a segment; absent on the overall row */
  dimension?: string;
  /** {column: value}; {} for the overall row */
  group: Record<string, string>;
  /** the segment's share of the metric's answers, 0..1 (weighted when weighted; of entities with --per) */
  share?: number | null;
  /** everyone outside the segment */
  rest?: { n: number; nEff?: number; value: number | null };
  vsRest?: VsRest;
  /** share × (segment − rest), in the metric's units, with the difference's interval scaled by share */
  impact?: { value: number | null; lower: number | null; upper: number | null };
}

export interface DriversResult {
  cxm: 1;
  command: 'drivers';
  input: InputSummary;
  settings: StatSettingsJson &
    EnrichSettings & {
      by: string[];
      columns: Record<string, string>;
    };
  rows: DriverRow[];
  warnings: Warning[];
}

/** The amount of answers a share is taken of: Σw when weighted (plain counts for equal weights). */
function mass(t: Tally): number {
  if (!isWeighted(t) || hasEqualWeights(t)) return tallyN(t);
  return t.weightSum.reduce((a, b) => a + b, 0);
}

const scaled = (share: number | null, x: number | null) => (share === null || x === null ? null : share * x);

export function driverRows(loaded: Loaded, s: ScoreSettings): DriverRow[] {
  const { marginals, roles, metrics } = loaded;
  const dims = marginals.dimensions;
  const total = marginals.total();
  const order = dims.map((d) => groupKeyComparator([d], s.segmentOrder));
  const rows: DriverRow[] = [];
  for (const metric of metrics) {
    const spec = specOf(roles, metric);
    const r = roleIndex(loaded, spec);
    const all = mass(total[r]);
    rows.push({ metric, group: dataRecord<string>(), ...estimateFields(metric, total[r], spec, s, s.minN) });
    const family: { row: DriverRow; inFamily: boolean }[] = [];
    dims.forEach((dimension, d) => {
      const groups = [...marginals.groups([d])].sort((a, b) => order[d](a.key, b.key));
      for (const { key, tallies } of groups) {
        const tally = tallies[r];
        const rest = marginals.rest([d], key)[r];
        const { skipped, invalid, ...fields } = estimateFields(metric, tally, spec, s, s.minN);
        const restFields = estimateFields(metric, rest, spec, s, s.minN);
        const diff = compareTallies(metric, tally, rest, spec, s);
        const share = all > 0 ? mass(tally) / all : null;
        const row: DriverRow = {
          metric,
          dimension,
          group: Object.assign(dataRecord<string>(), { [dimension]: key[0] }),
          ...fields,
          share,
          rest: { n: restFields.n, ...(restFields.nEff !== undefined ? { nEff: restFields.nEff } : {}), value: restFields.value },
          vsRest: { diff: diff.diff, lower: diff.lower, upper: diff.upper, p: diff.p, pAdjusted: null, significant: false, restLowBase: restFields.lowBase },
          impact: { value: scaled(share, diff.diff), lower: scaled(share, diff.lower), upper: scaled(share, diff.upper) },
          skipped,
          invalid,
        };
        family.push({ row, inFamily: !fields.lowBase && !restFields.lowBase && tallyN(rest) > 0 && diff.p !== null });
      }
    });
    markFamily(family.map((f) => ({ test: f.row.vsRest, inFamily: f.inFamily })), s.adjust, s.level, s.pool);
    // the largest pull downwards first; rows without an impact last, in table order
    const impact = (f: (typeof family)[number]) => f.row.impact?.value ?? Number.POSITIVE_INFINITY;
    const sorted = family.map((f, i) => ({ f, i })).sort((a, b) => impact(a.f) - impact(b.f) || a.i - b.i);
    for (const { f } of sorted) rows.push(f.row);
  }
  return rows;
}

export function driversResult(loaded: Loaded, s: ScoreSettings): DriversResult {
  const dims = loaded.fold.dimensions;
  const rows = withFamily(s, (t) => driverRows(loaded, t));
  return resultEnvelope('drivers', {
    input: inputSummary(loaded.sources, loaded.fold.counts),
    settings: { ...statSettings(loaded.metrics, s), by: dims, columns: roleColumns(loaded.roles), ...enrichSettings(loaded, s) },
    rows,
    warnings: [...loadedWarnings(loaded, dims.map((_, d) => [d])), ...zeroSeWarnings(rows.map((r) => r.vsRest))],
  });
}
