/**
 * `cxm compare`: current against baseline — two files (or sets of files), or two periods of one file
 * — overall and segment by segment. Each row holds both estimates, the difference current − baseline
 * with its interval, and p adjusted across the segments of the metric (the overall row is a family of
 * its own). A segment found on one side only is shown with n = 0 on the other and is not tested.
 * The tests take the two sides as independent samples: customers in both make them conservative, several
 * answers from one customer within a side optimistic (--cluster corrects that).
 */
import { dataRecord } from '../model/data-record.js';
import type { Metric } from '../model/metrics.js';
import { emptyTally, type Tally } from '../model/tally.js';
import { compareTallies, estimateFields, type EstimateFields } from './estimate.js';
import type { FoldResult } from '../fold/fold.js';
import type { Loaded } from '../fold/load.js';
import { KEY_SEPARATOR, sumCounts } from '../fold/merge-folds.js';
import { groupKeyComparator } from './natural-order.js';
import { specOf, type RoleSpec } from '../fold/plan.js';
import type { Marginals } from '../fold/marginals.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope, zeroSeWarnings } from './result.js';
import { groupObject, markFamily, withFamily, type ScoreSettings, type VsRest } from './score.js';

/** What one side is: files, or a period of the date column. */
export type SideInfo = { files: string[] } | { period: string; start: string; end: string };

/**
 * `diff` = current − baseline (raw estimates, display units), `lower`/`upper` its interval, `pAdjusted`
 * null when not tested (a side empty or low base).
 */
export interface CompareRow extends VsRest {
  metric: Metric;
  group: Record<string, string>;
  current: EstimateFields;
  baseline: EstimateFields;
  /** either side has fewer than --min-n answers: shown, not tested */
  lowBase: boolean;
}

export interface CompareResult {
  cxm: 1;
  command: 'compare';
  input: InputSummary & { current?: InputSummary; baseline?: InputSummary };
  settings: StatSettingsJson & EnrichSettings & {
    by: string[];
    columns: Record<string, string>;
    mode: 'files' | 'periods';
    current: SideInfo;
    baseline: SideInfo;
    /** periods mode: the date column, its layouts and the zone */
    date?: { column: string; formats: string[]; timeZone: string };
  };
  rows: CompareRow[];
  warnings: Warning[];
}

/** One side's Tallies by group (the --by values), its total, and how its roles are read. */
export interface Side {
  groups: Map<string, { key: string[]; tallies: Tally[] }>;
  total: Tally[];
  roles: FoldResult['roles'];
  specs: RoleSpec[];
}

export function sideOf(marginals: Marginals, roles: FoldResult['roles'], specs: RoleSpec[], total: Tally[], keep: (key: string[]) => string[] | null): Side {
  const groups = new Map<string, { key: string[]; tallies: Tally[] }>();
  for (const g of marginals.groups()) {
    const key = keep(g.key);
    if (key !== null) groups.set(key.join(KEY_SEPARATOR), { key, tallies: g.tallies });
  }
  return { groups, total, roles, specs };
}

/** A loaded data set as one side: its groups over all its dimensions, and its total. */
export function loadedSide(loaded: Pick<Loaded, 'marginals' | 'fold' | 'roles'>): Side {
  return sideOf(loaded.marginals, loaded.fold.roles, loaded.roles, loaded.marginals.total(), (key) => key);
}

/** One date window of a data set whose last dimension says which window a row is in (WINDOW_KEYS). */
export function windowSide(loaded: Pick<Loaded, 'marginals' | 'fold' | 'roles'>, label: string): Side {
  const m = loaded.marginals;
  const w = loaded.fold.dimensions.length - 1;
  return sideOf(m, loaded.fold.roles, loaded.roles, m.group([w], [label]), (key) => (key[w] === label ? key.slice(0, w) : null));
}

/** The Tally of one group (null: all groups together) of one role on one side; empty when the side lacks the group. */
export function tallyOf(side: Side, id: string | null, spec: RoleSpec): Tally {
  const r = side.roles.findIndex((x) => x.role === spec.role);
  if (id === null) return side.total[r];
  return side.groups.get(id)?.tallies[r] ?? emptyTally(spec.scale);
}

/** The segments found on either side, as [id, key], in display order (none without --by). */
export function segmentsOf(sides: Side[], dims: string[], order: Record<string, string[]>): [string, string[]][] {
  if (dims.length === 0) return [];
  const compareKeys = groupKeyComparator(dims, order);
  const keys = new Map<string, string[]>();
  for (const side of sides) for (const [id, g] of side.groups) keys.set(id, g.key);
  return [...keys.entries()].sort((x, y) => compareKeys(x[1], y[1]));
}

function compareSides(current: Side, baseline: Side, dims: string[], metrics: Metric[], s: ScoreSettings): CompareRow[] {
  const segments = segmentsOf([current, baseline], dims, s.segmentOrder);
  const rows: CompareRow[] = [];
  for (const metric of metrics) {
    const specC = specOf(current.specs, metric);
    const specB = specOf(baseline.specs, metric);
    const build = (id: string | null, group: Record<string, string>) => {
      const tc = tallyOf(current, id, specC);
      const tb = tallyOf(baseline, id, specB);
      const c = estimateFields(metric, tc, specC, s, s.minN);
      const b = estimateFields(metric, tb, specB, s, s.minN);
      const d = compareTallies(metric, tc, tb, specC, s);
      const lowBase = c.lowBase || b.lowBase;
      const row: CompareRow = { metric, group, current: c, baseline: b, diff: d.diff, lower: d.lower, upper: d.upper, p: d.p, pAdjusted: null, significant: false, lowBase };
      return { row, inFamily: !lowBase && d.p !== null };
    };
    for (const family of [[build(null, dataRecord<string>())], segments.map(([id, key]) => build(id, groupObject(dims, key)))]) {
      markFamily(family.map((f) => ({ test: f.row, inFamily: f.inFamily })), s.adjust, s.level, s.pool);
      for (const f of family) rows.push(f.row);
    }
  }
  return rows;
}

/** All --by dimensions of a files-mode side, for the --per warning. */
function byDims(loaded: Loaded): number[][] {
  const n = loaded.fold.dimensions.length;
  return n ? [Array.from({ length: n }, (_, i) => i)] : [];
}

function settingsBase(s: ScoreSettings, metrics: Metric[], roles: RoleSpec[], by: string[]) {
  return { ...statSettings(metrics, s), by, columns: roleColumns(roles) };
}

/** Two data sets, each loaded on its own. Metrics found on one side only are left out, with a warning. */
export function compareFilesResult(current: Loaded, baseline: Loaded, s: ScoreSettings): CompareResult {
  const metrics = current.metrics.filter((m) => baseline.metrics.includes(m));
  const warnings: Warning[] = [...loadedWarnings(current, byDims(current)), ...loadedWarnings(baseline, byDims(baseline))];
  for (const [side, loaded, other] of [['current', current, baseline], ['baseline', baseline, current]] as const) {
    for (const m of loaded.metrics) {
      if (!other.metrics.includes(m)) warnings.push({ code: 'one-side-metric', message: `${m} has a column in the ${side} files only: not compared` });
    }
  }
  const dims = current.fold.dimensions;
  const rows = withFamily(s, (t) => compareSides(loadedSide(current), loadedSide(baseline), dims, metrics, t));
  const input = twoSidedInput(current, baseline);
  const inC = input.current;
  const inB = input.baseline;
  return resultEnvelope('compare', {
    input,
    settings: { ...settingsBase(s, metrics, current.roles, dims), mode: 'files', current: { files: inC.files }, baseline: { files: inB.files }, ...enrichSettings(current, s) },
    rows,
    warnings: [...warnings, ...zeroSeWarnings(rows)],
  });
}

/** What two data sets read: the sums, and each side's own summary. */
export function twoSidedInput(current: Loaded, baseline: Loaded): InputSummary & { current: InputSummary; baseline: InputSummary } {
  const inC = inputSummary(current.sources, current.fold.counts);
  const inB = inputSummary(baseline.sources, baseline.fold.counts);
  return { files: [...inC.files, ...inB.files], ...sumCounts([inC, inB]), current: inC, baseline: inB };
}

export interface PeriodSides {
  current: { label: string; start: string; end: string };
  baseline: { label: string; start: string; end: string };
  timeZone: string;
}

/** Keys of compare's date windows: the last dimension of a periods-mode fold. */
export const WINDOW_KEYS = { current: 'current', baseline: 'baseline' } as const;

/** The rows of comparePeriodsResult alone (report builds several tables from one load). */
export function comparePeriodsRows(loaded: Loaded, s: ScoreSettings): CompareRow[] {
  const dims = loaded.fold.dimensions.slice(0, -1);
  return compareSides(windowSide(loaded, WINDOW_KEYS.current), windowSide(loaded, WINDOW_KEYS.baseline), dims, loaded.metrics, s);
}

/**
 * Two periods of one data set: the fold's last dimension says which period a row is in (WINDOW_KEYS;
 * rows in neither were excluded while folding).
 */
export function comparePeriodsResult(loaded: Loaded, periods: PeriodSides, s: ScoreSettings): CompareResult {
  const fold = loaded.fold;
  const dims = fold.dimensions.slice(0, -1);
  const window = dims.length;
  const rows = withFamily(s, (t) => comparePeriodsRows(loaded, t));
  const side = (p: PeriodSides['current']): SideInfo => ({ period: p.label, start: p.start, end: p.end });
  return resultEnvelope('compare', {
    input: inputSummary(loaded.sources, fold.counts),
    settings: {
      ...settingsBase(s, loaded.metrics, loaded.roles, dims),
      mode: 'periods',
      current: side(periods.current),
      baseline: side(periods.baseline),
      date: { column: loaded.date?.column ?? '', formats: loaded.date?.formats ?? [], timeZone: periods.timeZone },
      ...enrichSettings(loaded, s),
    },
    rows,
    warnings: [...loadedWarnings(loaded, dims.length ? [[...dims.map((_, i) => i), window]] : []), ...zeroSeWarnings(rows)],
  });
}
