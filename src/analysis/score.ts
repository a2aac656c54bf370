/**
 * `cxm score`: the overall score of each metric and, with --by, one row per segment, each with its
 * interval and its difference to everyone else (adjusted for the number of segments compared).
 */
import type { Metric } from '../model/metrics.js';
import { tallyN } from '../model/tally.js';
import { pAdjust } from '../stats/p-adjust.js';
import type { PAdjustMethod } from '../stats/types.js';
import { compareTallies, estimateFields, isLowBase, type EstimateFields, type StatSettings } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { groupKeyComparator } from './natural-order.js';
import { specOf, type RoleSpec } from '../fold/plan.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope, zeroSeWarnings } from './result.js';
import { dataRecord } from '../model/data-record.js';

export interface ScoreSettings extends StatSettings {
  minN: number;
  adjust: PAdjustMethod;
  segmentOrder: Record<string, string[]>;
  /** --adjust-across: one family per table and metric (default), or one over every test a command prints */
  adjustAcross?: AdjustAcross;
  /** with adjustAcross 'all': where the tables' families are pooled until the command marks them at once */
  pool?: FamilyPool;
}

export const ADJUST_ACROSS = ['table', 'all'] as const;
export type AdjustAcross = (typeof ADJUST_ACROSS)[number];

/** The tests of every table of a command, adjusted as one family (`--adjust-across all`). */
export class FamilyPool {
  readonly items: { test: FamilyTest | undefined; inFamily: boolean }[] = [];
}

/**
 * Runs `rows` with a pool when --adjust-across all, then adjusts the pooled family once; otherwise
 * each table's markFamily has already adjusted its own.
 */
export function withFamily<T>(s: ScoreSettings, rows: (s: ScoreSettings) => T): T {
  if (s.adjustAcross !== 'all') return rows(s);
  const pool = new FamilyPool();
  const out = rows({ ...s, pool });
  markFamily(pool.items, s.adjust, s.level);
  return out;
}

export interface VsRest {
  diff: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  /**
   * Segment against the rest only: the rest has fewer than --min-n answers (n_eff when weighted), so the
   * row is not tested and stays out of the adjustment family, as when the segment itself is low base.
   */
  restLowBase?: boolean;
}

export interface ScoreRow extends EstimateFields {
  metric: Metric;
  group: Record<string, string>;
  vsRest?: VsRest;
}

export interface ScoreResult {
  cxm: 1;
  command: 'score';
  input: InputSummary;
  settings: StatSettingsJson &
    EnrichSettings & {
      by: string[];
      columns: Record<string, string>;
    };
  rows: ScoreRow[];
  warnings: Warning[];
}

/** The index of a role in the fold's Tallies. */
export function roleIndex(loaded: Pick<Loaded, 'fold'>, spec: RoleSpec): number {
  return loaded.fold.roles.findIndex((x) => x.role === spec.role);
}

export function groupObject(dimensions: string[], key: string[]): Record<string, string> {
  const out = dataRecord<string>();
  dimensions.forEach((d, i) => (out[d] = key[i]));
  return out;
}

/**
 * Marks significance across one family of comparisons: p-values adjusted together (BH by default),
 * significant when the adjusted p is below 1 − level. Rows outside the family keep pAdjusted null.
 */
export function adjustFamily(items: { p: number | null; inFamily: boolean }[], method: PAdjustMethod, level: number): { pAdjusted: number | null; significant: boolean }[] {
  const adjusted = pAdjust(items.map((i) => (i.inFamily ? i.p : null)), method);
  return adjusted.map((p) => ({ pAdjusted: p, significant: p !== null && p < 1 - level }));
}

/** A test whose adjusted p and significance are filled in once its whole family is known. */
export interface FamilyTest {
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
}

/** adjustFamily, written into each item's test (items without a test are skipped); with a pool, deferred to it. */
export function markFamily(items: { test: FamilyTest | undefined; inFamily: boolean }[], method: PAdjustMethod, level: number, pool?: FamilyPool): void {
  if (pool) {
    pool.items.push(...items);
    return;
  }
  const marks = adjustFamily(items.map((i) => ({ p: i.test?.p ?? null, inFamily: i.inFamily })), method, level);
  items.forEach((item, k) => {
    if (!item.test) return;
    item.test.pAdjusted = marks[k].pAdjusted;
    item.test.significant = marks[k].significant;
  });
}

export function scoreRows(loaded: Loaded, s: ScoreSettings): ScoreRow[] {
  const { marginals, roles, metrics } = loaded;
  const dims = marginals.dimensions;
  const all = dims.map((_, i) => i);
  const compare = groupKeyComparator(dims, s.segmentOrder);
  const total = marginals.total();
  const sorted = dims.length === 0 ? [] : [...marginals.groups()].sort((a, b) => compare(a.key, b.key));
  const rows: ScoreRow[] = [];
  for (const metric of metrics) {
    const spec = specOf(roles, metric);
    const r = roleIndex(loaded, spec);
    rows.push({ metric, group: dataRecord<string>(), ...estimateFields(metric, total[r], spec, s, s.minN) });
    const segmentRows = sorted.map(({ key, tallies }) => {
      const tally = tallies[r];
      const { skipped, invalid, ...fields } = estimateFields(metric, tally, spec, s, s.minN);
      const rest = marginals.rest(all, key)[r];
      const d = compareTallies(metric, tally, rest, spec, s);
      const restLowBase = isLowBase(rest, s, s.minN);
      return {
        row: {
          metric,
          group: groupObject(dims, key),
          ...fields,
          vsRest: { diff: d.diff, lower: d.lower, upper: d.upper, p: d.p, pAdjusted: null, significant: false, restLowBase } as VsRest,
          skipped,
          invalid,
        } satisfies ScoreRow,
        inFamily: !fields.lowBase && !restLowBase && tallyN(rest) > 0 && d.p !== null,
      };
    });
    markFamily(segmentRows.map((r) => ({ test: r.row.vsRest, inFamily: r.inFamily })), s.adjust, s.level, s.pool);
    for (const r of segmentRows) rows.push(r.row);
  }
  return rows;
}

export function scoreResult(loaded: Loaded, s: ScoreSettings): ScoreResult {
  const dims = loaded.fold.dimensions;
  const rows = withFamily(s, (t) => scoreRows(loaded, t));
  return resultEnvelope('score', {
    input: inputSummary(loaded.sources, loaded.fold.counts),
    settings: { ...statSettings(loaded.metrics, s), by: dims, columns: roleColumns(loaded.roles), ...enrichSettings(loaded, s) },
    rows,
    warnings: [...loadedWarnings(loaded, dims.length ? [dims.map((_, i) => i)] : []), ...zeroSeWarnings(rows.map((r) => r.vsRest))],
  });
}
