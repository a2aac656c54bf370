/**
 * `cxm trend`: the score of every period from the first to the last (periods without answers
 * included, with n = 0), each tested against the period before it, with the p-values adjusted across
 * the table (per metric; with --by, across every series of that metric). Optionally a rolling score
 * over the last N periods, computed from the summed Tallies of those periods.
 */
import type { Metric } from '../model/metrics.js';
import { UsageError } from '../model/errors.js';
import { addInto, emptyTally, type Tally } from '../model/tally.js';
import { formatCivil } from '../time/calendar.js';
import { compareTallies, estimateFields, type EstimateFields } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { KEY_SEPARATOR } from '../fold/merge-folds.js';
import { groupKeyComparator } from './natural-order.js';
import { parsePeriod, periodIndex, periodLabel, periodRange, type Every, type WeekStart } from '../time/period.js';
import { specOf } from '../fold/plan.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope, zeroSeWarnings } from './result.js';
import { groupObject, markFamily, roleIndex, withFamily, type ScoreSettings, type VsRest } from './score.js';

/** More periods than this is almost surely a stray date (year 2099): the user narrows the range. */
export const MAX_PERIODS = 10_000;

export interface TrendSettings extends ScoreSettings {
  every: Every;
  weekStart: WeekStart;
  timeZone: string;
  /** --since / --until as given, and the days they stand for */
  since: string | null;
  until: string | null;
  first: number | null;
  last: number | null;
  /** rolling window in periods, or null */
  window: number | null;
}

/** The change from the previous period: the same fields as score's vsRest, and which period that was. */
export interface VsPrevious extends VsRest {
  /** the previous period's label */
  period: string;
}

export interface Rolling {
  /** periods summed (the window) */
  periods: number;
  n: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TrendRow extends EstimateFields {
  metric: Metric;
  /** the --by values and `period` */
  group: Record<string, string>;
  /** first and last day of the period (YYYY-MM-DD, both included), cut to --since/--until */
  start: string;
  end: string;
  /** --since or --until falls inside the period: it covers only part of its days */
  partial: boolean;
  /** absent on a series' first period */
  vsPrevious?: VsPrevious;
  /** with --window: null until the window is full */
  rolling?: Rolling | null;
}

export interface TrendResult {
  cxm: 1;
  command: 'trend';
  input: InputSummary;
  settings: StatSettingsJson & EnrichSettings & {
    by: string[];
    columns: Record<string, string>;
    date: { column: string; formats: string[]; timeZone: string };
    every: Every;
    weekStart: WeekStart;
    since: string | null;
    until: string | null;
    window: number | null;
    /** the first and last period shown (null when no row had a usable date) */
    periods: { first: string; last: string; count: number } | null;
  };
  rows: TrendRow[];
  warnings: Warning[];
}

interface Series {
  key: string[];
  /** period index → Tally, per role index */
  tallies: Map<number, Tally[]>;
}

/** Splits the fold's groups (by values…, period) into series of periods. */
function seriesOf(loaded: Loaded, s: TrendSettings): { series: Series[]; first: number | null; last: number | null } {
  const fold = loaded.fold;
  const byCount = fold.dimensions.length - 1;
  const map = new Map<string, Series>();
  let first: number | null = null;
  let last: number | null = null;
  for (const g of loaded.marginals.groups()) {
    const key = g.key.slice(0, byCount);
    const parsed = parsePeriod(g.key[byCount], s.weekStart);
    if (!parsed || parsed.every !== s.every) throw new Error(`not a ${s.every} label: ${g.key[byCount]}`);
    const id = key.join(KEY_SEPARATOR);
    let series = map.get(id);
    if (!series) map.set(id, (series = { key, tallies: new Map() }));
    series.tallies.set(parsed.index, g.tallies); // group keys are unique: one group per (series, period)
    first = first === null ? parsed.index : Math.min(first, parsed.index);
    last = last === null ? parsed.index : Math.max(last, parsed.index);
  }
  if (s.first !== null) first = periodIndex(s.first, s.every, s.weekStart);
  if (s.last !== null) last = periodIndex(s.last, s.every, s.weekStart);
  const compare = groupKeyComparator(fold.dimensions.slice(0, byCount), s.segmentOrder);
  const series = [...map.values()].sort((a, b) => compare(a.key, b.key));
  if (series.length === 0 && byCount === 0) series.push({ key: [], tallies: new Map() });
  return { series, first, last };
}

export function trendRows(loaded: Loaded, s: TrendSettings): { rows: TrendRow[]; first: number | null; last: number | null } {
  const { fold, roles, metrics } = loaded;
  const byDims = fold.dimensions.slice(0, -1);
  const { series, first, last } = seriesOf(loaded, s);
  const rows: TrendRow[] = [];
  if (first === null || last === null) return { rows, first, last };
  if (last < first) throw new UsageError(`--since ${s.since} is after --until ${s.until}`);
  const count = last - first + 1;
  if (count * Math.max(1, series.length) > MAX_PERIODS) {
    throw new UsageError(
      `the trend would have ${count.toLocaleString('en-US')} ${s.every}s (${periodLabel(first, s.every, s.weekStart)} to ${periodLabel(last, s.every, s.weekStart)})${series.length > 1 ? ` in each of ${series.length} series` : ''}`,
      'narrow it with --since/--until, or use a longer --every; a stray date far from the others can cause this',
    );
  }
  for (const metric of metrics) {
    const spec = specOf(roles, metric);
    const r = roleIndex(loaded, spec);
    const family: { row: TrendRow; inFamily: boolean }[] = [];
    for (const one of series) {
      const tallyAt = (p: number): Tally => one.tallies.get(p)?.[r] ?? emptyTally(spec.scale);
      const window: Tally[] = [];
      let previous: { tally: Tally; fields: EstimateFields; label: string } | null = null;
      for (let p = first; p <= last; p++) {
        const tally = tallyAt(p);
        const label = periodLabel(p, s.every, s.weekStart);
        const range = periodRange(p, s.every, s.weekStart);
        const first = Math.max(range.first, s.first ?? range.first);
        const last = Math.min(range.last, s.last ?? range.last);
        const fields = estimateFields(metric, tally, spec, s, s.minN);
        const row: TrendRow = {
          metric,
          group: Object.assign(groupObject(byDims, one.key), { period: label }),
          start: formatCivil(first),
          end: formatCivil(last),
          partial: first !== range.first || last !== range.last,
          ...fields,
        };
        let inFamily = false;
        if (previous) {
          const d = compareTallies(metric, tally, previous.tally, spec, s);
          row.vsPrevious = { period: previous.label, diff: d.diff, lower: d.lower, upper: d.upper, p: d.p, pAdjusted: null, significant: false };
          inFamily = !fields.lowBase && !previous.fields.lowBase && d.p !== null;
        }
        if (s.window !== null) {
          window.push(tally);
          if (window.length > s.window) window.shift();
          row.rolling = window.length < s.window ? null : rollingOf(metric, window, spec, s, loaded.marginals.perEntity ? windowTally(loaded, s, one.key, p - s.window + 1, p, r) : undefined);
        }
        family.push({ row, inFamily });
        previous = { tally, fields, label };
      }
    }
    markFamily(family.map((f) => ({ test: f.row.vsPrevious, inFamily: f.inFamily })), s.adjust, s.level, s.pool);
    for (const f of family) rows.push(f.row);
  }
  return { rows, first, last };
}

/**
 * With --per, a window is rolled up per entity over all its periods (an account that answered in three
 * of them counts once), not summed from the periods' roll-ups.
 */
function windowTally(loaded: Loaded, s: TrendSettings, series: string[], from: number, to: number, r: number): Tally {
  const m = loaded.marginals;
  const byCount = series.length;
  const inWindow = new Set<string>();
  for (let p = from; p <= to; p++) inWindow.add(periodLabel(p, s.every, s.weekStart));
  return m.select((g) => series.every((v, d) => m.values(g, d).includes(v)) && inWindow.has(g.key[byCount]))[r];
}

function rollingOf(metric: Metric, window: Tally[], spec: Parameters<typeof estimateFields>[2], s: TrendSettings, rolled?: Tally): Rolling {
  const sum = rolled ?? emptyTally(spec.scale);
  if (!rolled) for (const t of window) addInto(sum, t);
  const e = estimateFields(metric, sum, spec, s, s.minN);
  return { periods: window.length, n: e.n, value: e.value, lower: e.lower, upper: e.upper };
}

export function trendResult(loaded: Loaded, s: TrendSettings): TrendResult {
  const { rows, first, last } = withFamily(s, (t) => trendRows(loaded, { ...s, ...t }));
  const warnings = loadedWarnings(loaded);
  if (loaded.fold.groups.length === 0) warnings.push({ code: 'no-dates', message: 'no row has a usable date: the trend is empty' });
  warnings.push(...zeroSeWarnings(rows.map((r) => r.vsPrevious)));
  return resultEnvelope('trend', {
    input: inputSummary(loaded.sources, loaded.fold.counts),
    settings: {
      ...statSettings(loaded.metrics, s),
      by: loaded.fold.dimensions.slice(0, -1),
      columns: roleColumns(loaded.roles),
      date: { column: loaded.date?.column ?? '', formats: loaded.date?.formats ?? [], timeZone: s.timeZone },
      every: s.every,
      weekStart: s.weekStart,
      since: s.since,
      until: s.until,
      window: s.window,
      periods: first === null || last === null ? null : { first: periodLabel(first, s.every, s.weekStart), last: periodLabel(last, s.every, s.weekStart), count: last - first + 1 },
      ...enrichSettings(loaded, s),
    },
    rows,
    warnings,
  });
}
