/**
 * `cxm report`: one period against the previous one, for a scheduled report. Built from a day-grain
 * fold (period-select.ts) with the functions the other commands use:
 *   - headlines: compare's test of the current period against the previous one, per metric (a family
 *     of one each: the one comparison the report is about);
 *   - trend: trend's rows for the last `history` periods (estimates and intervals for the chart);
 *   - segments: compare's rows for each --by column on its own, adjusted across that column's
 *     segments of a metric (--adjust, Benjamini–Hochberg by default);
 *   - movers: the significant segment changes, largest first;
 *   - comments: the newest detractor comments of the current period (read by the close-the-loop
 *     collector in a second pass, since Tallies keep no text), from the rows the numbers count: the
 *     same row gate (--join, --where, --since/--until) and the same --weight/--per exclusions.
 */
import { roleKind, type Metric, type Role } from '../model/metrics.js';
import { formatCivil } from '../time/calendar.js';
import { comparePeriodsRows, WINDOW_KEYS, type CompareRow } from './compare.js';
import { InputError } from '../model/errors.js';
import type { Source } from '../io/read-source.js';
import { scopeSpace } from '../fold/enrich-plan.js';
import { DEFAULT_CATEGORIES, FollowupCollector, PLAIN_SCOPE, resolveFollowupColumns, type FollowupRow } from './followup.js';
import type { Loaded } from '../fold/load.js';
import { periodIndex, periodLabel, periodRange, type Every, type WeekStart } from '../time/period.js';
import { DAY_DIMENSION, dayRange, periodInfo, regroupDays, staleMessage, staleSince, type PeriodPick } from '../fold/period-select.js';
import type { OnStale } from '../model/check-rules.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope } from './result.js';
import type { ScoreSettings } from './score.js';
import { trendRows, type TrendRow } from './trend.js';

/** How many periods the trend shows by default, and how many movers and comments. */
export const DEFAULT_HISTORY = 12;
export const MOVERS = 5;
export const DEFAULT_COMMENTS = 5;

export interface ReportSettings extends ScoreSettings {
  every: Every;
  weekStart: WeekStart;
  timeZone: string;
  history: number;
  comments: number;
  title: string | null;
  /** what stale data (the answers end before the current period) does: fail (default), warn, pass */
  onStale?: OnStale;
}

export interface InputHash {
  file: string;
  sha256: string;
  bytes: number;
}

export interface PeriodSpan {
  period: string;
  start: string;
  end: string;
}

export interface SegmentTable {
  /** the --by column */
  column: string;
  /** compare rows of that column's segments (all metrics), in segment order */
  rows: CompareRow[];
}

export interface Mover {
  metric: Metric;
  column: string;
  segment: string;
  row: CompareRow;
}

export interface CommentSample {
  /** what the comments are: `detractor` (NPS), `not satisfied` (CSAT), `not agree` (CES) */
  category: string;
  metric: Role;
  /** the comment column, or null when the data has none (no sample) */
  column: string | null;
  /** matching comments in the period, and the newest of them shown */
  matched: number;
  rows: FollowupRow[];
}

export interface ReportResult {
  cxm: 1;
  command: 'report';
  input: InputSummary & { hashes: InputHash[] };
  settings: StatSettingsJson & EnrichSettings & {
    title: string | null;
    by: string[];
    columns: Record<string, string>;
    date: { column: string; formats: string[]; timeZone: string };
    every: Every;
    weekStart: WeekStart;
    asOf: string;
    /** flag: --as-of; data: the latest date in the data */
    asOfFrom: 'flag' | 'data';
    current: PeriodSpan;
    previous: PeriodSpan;
    history: number;
    version: string;
  };
  /** per metric: the current period against the previous one */
  headlines: CompareRow[];
  /** per metric: the last `history` periods up to the current one */
  trend: TrendRow[];
  segments: SegmentTable[];
  movers: Mover[];
  comments: CommentSample | null;
  /** stale data: no answer in the current period (the data ends before it); shown as a banner at the top */
  stale?: { message: string; status: 'fail' | 'warn' | 'pass' };
  warnings: Warning[];
}

function span(index: number, every: Every, weekStart: WeekStart): PeriodSpan {
  const p = periodInfo(index, every, weekStart);
  return { period: p.period, start: formatCivil(p.start), end: formatCivil(p.end) };
}

/** The two periods as compare's date windows, from a day-grain load keeping the --by columns at `keep`. */
function windows(loaded: Loaded, pick: PeriodPick, keep: number[]): Loaded {
  const label = (day: number) => {
    const index = periodIndex(day, pick.every, pick.weekStart);
    return index === pick.current ? WINDOW_KEYS.current : index === pick.previous ? WINDOW_KEYS.baseline : null;
  };
  return regroupDays(loaded, keep, DAY_DIMENSION, label);
}

export function reportResult(loaded: Loaded, pick: PeriodPick, s: ReportSettings, extra: { hashes: InputHash[]; comments: CommentSample | null; version: string }): ReportResult {
  const { every, weekStart } = pick;
  const by = loaded.fold.dimensions.slice(0, -1);
  const current = span(pick.current, every, weekStart);
  const previous = span(pick.previous, every, weekStart);

  const headlines = comparePeriodsRows(windows(loaded, pick, []), s);

  // the last `history` periods, but none before the first dated answer
  const dated = dayRange(loaded.fold);
  const firstDated = dated === null ? pick.current : Math.min(pick.current, periodIndex(dated.first, every, weekStart));
  const firstIndex = Math.max(pick.current - s.history + 1, firstDated);
  const inHistory = (day: number) => {
    const index = periodIndex(day, every, weekStart);
    return index >= firstIndex && index <= pick.current ? periodLabel(index, every, weekStart) : null;
  };
  const trend = trendRows(regroupDays(loaded, [], 'period', inHistory), {
    ...s,
    since: null,
    until: null,
    first: periodRange(firstIndex, every, weekStart).first,
    last: periodRange(pick.current, every, weekStart).last,
    window: null,
  }).rows;

  const segments = by.map((column, i) => ({
    column,
    rows: comparePeriodsRows(windows(loaded, pick, [i]), s).filter((r) => Object.keys(r.group).length > 0),
  }));
  const movers = segments
    .flatMap((t) => t.rows.filter((r) => r.significant && r.diff !== null).map((row) => ({ metric: row.metric, column: t.column, segment: row.group[t.column], row })))
    .sort((a, b) => Math.abs(b.row.diff!) - Math.abs(a.row.diff!))
    .slice(0, MOVERS);

  const warnings = loadedWarnings(loaded);
  if (headlines.every((r) => r.current.n === 0)) warnings.push({ code: 'empty-period', message: `no answers in ${current.period} (${current.start} to ${current.end})` });
  const staleData = staleSince(loaded.fold, pick);
  const stale = staleData ? { message: staleMessage(staleData, pick), status: s.onStale ?? 'fail' } : undefined;
  if (stale && stale.status !== 'pass') warnings.push({ code: 'stale', message: stale.message });
  return resultEnvelope('report', {
    input: { ...inputSummary(loaded.sources, loaded.fold.counts), hashes: extra.hashes },
    settings: {
      ...statSettings(loaded.metrics, s),
      title: s.title,
      by,
      columns: roleColumns(loaded.roles),
      date: { column: loaded.date?.column ?? '', formats: loaded.date?.formats ?? [], timeZone: s.timeZone },
      every,
      weekStart,
      asOf: formatCivil(pick.asOf),
      asOfFrom: pick.asOfGiven ? 'flag' : 'data',
      current,
      previous,
      history: s.history,
      version: extra.version,
      ...enrichSettings(loaded, s),
    },
    headlines,
    trend,
    segments,
    movers,
    comments: extra.comments,
    ...(stale ? { stale } : {}),
    warnings,
  });
}

/**
 * The newest comments of the current period from the answers to follow up (NPS detractors; CSAT and
 * CES answers outside the success band), read from `sources` — opened anew: Tallies keep no text.
 * The rows are those the report's numbers count: the load's row scope (join, tags, --where, --weight,
 * --per) and the current period cut by --since/--until (`first`/`last`). Not per tag: with --tags, each
 * comment shows its tags. Row problems are not reported again (the fold reported them). None with
 * `limit` 0.
 */
export async function commentSample(
  sources: Source[],
  loaded: Loaded,
  pick: PeriodPick,
  o: { timeZone: string; dateFormat?: string; limit: number; comment: string | undefined; first: number | null; last: number | null },
): Promise<{ sample: CommentSample | null; warnings: Warning[] }> {
  if (o.limit === 0) return { sample: null, warnings: [] };
  const spec = loaded.roles.find((r) => roleKind(r.role) === 'nps') ?? loaded.roles[0];
  const category = DEFAULT_CATEGORIES[spec.role][0];
  const base = { category, metric: spec.role, matched: 0, rows: [] };
  const scope = loaded.scope ?? PLAIN_SCOPE;
  const space = scopeSpace(sources[0], scope);
  let comment: string | null;
  try {
    comment = resolveFollowupColumns(space, { comment: o.comment, contacts: null, date: null, by: [] }).comment;
  } catch (error) {
    if (!(error instanceof InputError) || o.comment !== undefined) throw error;
    return { sample: { ...base, column: null }, warnings: [{ code: 'comment-column', message: `${error.message}: no comment sample (name the column with --comment)` }] };
  }
  if (comment === null) return { sample: { ...base, column: null }, warnings: [] };
  const columns = resolveFollowupColumns(space, { comment, contacts: null, date: loaded.date?.column ?? null, by: loaded.fold.dimensions.slice(0, -1) });
  const range = periodRange(pick.current, pick.every, pick.weekStart);
  const collector = new FollowupCollector(columns, {
    spec,
    categories: [category],
    scores: null,
    since: Math.max(range.first, o.first ?? range.first),
    until: Math.min(range.last, o.last ?? range.last),
    withComment: true,
    limit: o.limit,
    timeZone: o.timeZone,
    dateFormat: o.dateFormat,
  }, scope);
  await collector.read(sources);
  return { sample: { ...base, column: comment, matched: collector.matched, rows: collector.rows() }, warnings: [] };
}
