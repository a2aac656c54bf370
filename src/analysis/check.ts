/**
 * `cxm check`: thresholds for a CI gate. A minimum (`--min nps=30`) is checked against the score of the
 * current data; a maximum drop (`--max-drop nps=5`) against the change from a baseline (another file,
 * or the period before). Overall and, with --by, for every segment.
 *
 * Rules (α = 1 − level):
 *   point    — the point estimate against the threshold;
 *   credible — a minimum fails only when the interval lies wholly below it; a drop fails only when the
 *              whole interval of the drop lies above the allowed drop (its lower end > allowance);
 *   assured  — a minimum passes only when the interval lies wholly at or above it; a drop passes only
 *              when the interval of the drop lies wholly at or under the allowed drop.
 * Under credible and assured each check has a p-value (the interval-inversion p against the threshold or
 * the allowance, never against 0; see intervalExclusionP), and the p-values of all checks of one
 * run form one family, adjusted with Holm by default: a gate that runs twenty checks should not fail
 * by chance more often than a gate that runs one. A check with fewer than --min-n answers (on either
 * side) is low base: neither pass nor fail, and outside the family.
 */
import { dataRecord } from '../model/data-record.js';
import type { Metric } from '../model/metrics.js';
import type { CheckRule, OnLowBase, OnStale } from '../model/check-rules.js';
import type { Tally } from '../model/tally.js';
import { intervalExclusionP } from '../stats/interval-exclusion-p.js';
import { compareTallies, estimateMetric, type MetricEstimate } from './estimate.js';
import { formatCivil } from '../time/calendar.js';
import { loadedSide, segmentsOf, tallyOf, twoSidedInput, windowSide, WINDOW_KEYS, type Side, type SideInfo } from './compare.js';
import type { Loaded } from '../fold/load.js';
import { periodIndex, type Every, type WeekStart } from '../time/period.js';
import { DAY_DIMENSION, periodInfo, regroupDays, staleMessage, staleSince, type PeriodPick } from '../fold/period-select.js';
import { enrichSettings, inputSummary, loadedWarnings, roleColumns, statSettings, type EnrichSettings, type InputSummary, type StatSettingsJson, type Warning, resultEnvelope } from './result.js';
import { specOf, type RoleSpec } from '../fold/plan.js';
import { adjustFamily, groupObject, type ScoreSettings } from './score.js';


/** Minimum scores and largest allowed drops per metric, on the display scale (NPS points, percent points). */
export interface Thresholds {
  min: Partial<Record<Metric, number>>;
  maxDrop: Partial<Record<Metric, number>>;
}

export interface CheckSettings extends ScoreSettings {
  rule: CheckRule;
  onLowBase: OnLowBase;
  /** periods mode: what stale data does (default fail) */
  onStale?: OnStale;
  thresholds: Thresholds;
}

export type CheckStatus = 'pass' | 'fail' | 'low-base';

/**
 * Why a check came out as it did (the report layer turns it into a sentence with the numbers):
 * meets · inside-interval · not-after-adjustment · below · interval-below · lower-below ·
 * within · not-significant · exceeds · significant-drop · upper-exceeds · low-base · no-estimate
 */
export type CheckCode =
  | 'meets'
  | 'inside-interval'
  | 'not-after-adjustment'
  | 'below'
  | 'interval-below'
  | 'lower-below'
  | 'within'
  | 'not-significant'
  | 'exceeds'
  | 'significant-drop'
  | 'upper-exceeds'
  | 'low-base'
  | 'no-estimate';

/** One side's estimate in a drop check. */
export interface CheckSide {
  n: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface CheckRow {
  kind: 'min' | 'max-drop';
  metric: Metric;
  group: Record<string, string>;
  threshold: number;
  rule: CheckRule;
  /** answers behind the checked value (a drop: the current side) */
  n: number;
  /** min: the score and its interval; max-drop: the drop (baseline − current) and its interval */
  value: number | null;
  lower: number | null;
  upper: number | null;
  status: CheckStatus;
  code: CheckCode;
  /** the evidence under credible/assured (null under point, for low base, or without an estimate) */
  p: number | null;
  pAdjusted: number | null;
  /** max-drop: both sides */
  current?: CheckSide;
  baseline?: CheckSide;
}

const side = (e: MetricEstimate): CheckSide => ({ n: e.n, value: e.value, lower: e.lower, upper: e.upper });

/** Metrics with a threshold, in the order of `metrics`. */
export function checkedMetrics(thresholds: Thresholds, metrics: readonly Metric[]): Metric[] {
  return metrics.filter((m) => thresholds.min[m] !== undefined || thresholds.maxDrop[m] !== undefined);
}

interface Pending {
  row: CheckRow;
  /** fills in status and code once the family's adjusted p is known */
  decide: (row: CheckRow, significant: boolean) => void;
  inFamily: boolean;
}

function minCheck(metric: Metric, group: Record<string, string>, t: Tally, spec: RoleSpec, s: CheckSettings, threshold: number): Pending {
  const e = estimateMetric(metric, t, spec, s);
  const row: CheckRow = { kind: 'min', metric, group, threshold, rule: s.rule, n: e.n, value: e.value, lower: e.lower, upper: e.upper, status: 'low-base', code: 'low-base', p: null, pAdjusted: null };
  const decideNothing = () => undefined;
  if (e.value === null || e.lower === null || e.upper === null) return { row: { ...row, code: e.n < s.minN ? 'low-base' : 'no-estimate' }, decide: decideNothing, inFamily: false };
  if (e.n < s.minN) return { row, decide: decideNothing, inFamily: false };
  const value = e.value;
  if (s.rule === 'point') {
    const ok = value >= threshold;
    return { row: { ...row, status: ok ? 'pass' : 'fail', code: ok ? 'meets' : 'below' }, decide: decideNothing, inFamily: false };
  }
  const at = (level: number) => estimateMetric(metric, t, spec, { ...s, level });
  if (s.rule === 'credible') {
    row.p = intervalExclusionP((level) => at(level).upper, threshold, 'below');
    return {
      row,
      inFamily: true,
      decide: (r, significant) => {
        const below = e.upper! < threshold;
        r.status = significant ? 'fail' : 'pass';
        r.code = significant ? 'interval-below' : below ? 'not-after-adjustment' : value < threshold ? 'inside-interval' : 'meets';
      },
    };
  }
  row.p = intervalExclusionP((level) => at(level).lower, threshold, 'above');
  return {
    row,
    inFamily: true,
    decide: (r, significant) => {
      r.status = significant ? 'pass' : 'fail';
      r.code = significant ? 'meets' : e.lower! >= threshold ? 'not-after-adjustment' : 'lower-below';
    },
  };
}

function dropCheck(metric: Metric, group: Record<string, string>, current: Tally, baseline: Tally, specs: [RoleSpec, RoleSpec], s: CheckSettings, allowed: number): Pending {
  const c = estimateMetric(metric, current, specs[0], s);
  const b = estimateMetric(metric, baseline, specs[1], s);
  const d = compareTallies(metric, current, baseline, specs[0], s);
  const neg = (x: number | null) => (x === null ? null : -x);
  const row: CheckRow = {
    kind: 'max-drop',
    metric,
    group,
    threshold: allowed,
    rule: s.rule,
    n: c.n,
    value: neg(d.diff),
    lower: neg(d.upper),
    upper: neg(d.lower),
    status: 'low-base',
    code: 'low-base',
    p: null,
    pAdjusted: null,
    current: side(c),
    baseline: side(b),
  };
  const decideNothing = () => undefined;
  if (c.n < s.minN || b.n < s.minN) return { row, decide: decideNothing, inFamily: false };
  if (row.value === null || row.lower === null || row.upper === null) return { row: { ...row, code: 'no-estimate' }, decide: decideNothing, inFamily: false };
  const drop = row.value;
  if (s.rule === 'point') {
    const ok = drop <= allowed;
    return { row: { ...row, status: ok ? 'pass' : 'fail', code: ok ? 'within' : 'exceeds' }, decide: decideNothing, inFamily: false };
  }
  const changeAt = (level: number) => compareTallies(metric, current, baseline, specs[0], { ...s, level });
  if (s.rule === 'credible') {
    // the drop's lower end (−upper end of the change) must lie above the allowed drop: a test of
    // drop > allowance, not of drop ≠ 0
    row.p = intervalExclusionP((level) => changeAt(level).upper, -allowed, 'below');
    return {
      row,
      inFamily: true,
      decide: (r, significant) => {
        r.status = significant ? 'fail' : 'pass';
        r.code = significant ? 'significant-drop' : row.lower! > allowed ? 'not-after-adjustment' : drop > allowed ? 'not-significant' : 'within';
      },
    };
  }
  // assured: the drop's upper end (−lower end of the change) must be at or under the allowed drop
  row.p = intervalExclusionP((level) => changeAt(level).lower, -allowed, 'above');
  return {
    row,
    inFamily: true,
    decide: (r, significant) => {
      r.status = significant ? 'pass' : 'fail';
      r.code = significant ? 'within' : row.upper! <= allowed ? 'not-after-adjustment' : 'upper-exceeds';
    },
  };
}

/**
 * Every check of a run: per metric with a threshold, the minimum then the drop, each overall and then
 * per segment (segments in display order). `baseline` is required when any metric has a max-drop.
 */
export function checkRows(current: Side, baseline: Side | null, dims: string[], metrics: Metric[], s: CheckSettings): CheckRow[] {
  const pending: Pending[] = [];
  const segments = segmentsOf(baseline ? [current, baseline] : [current], dims, s.segmentOrder);
  const targets: [string | null, Record<string, string>][] = [[null, dataRecord<string>()], ...segments.map(([id, key]): [string, Record<string, string>] => [id, groupObject(dims, key)])];
  for (const metric of checkedMetrics(s.thresholds, metrics)) {
    const spec = specOf(current.specs, metric);
    const min = s.thresholds.min[metric];
    const maxDrop = s.thresholds.maxDrop[metric];
    if (min !== undefined) for (const [id, group] of targets) pending.push(minCheck(metric, group, tallyOf(current, id, spec), spec, s, min));
    if (maxDrop !== undefined) {
      if (!baseline) throw new Error('a max-drop check needs a baseline');
      const specB = specOf(baseline.specs, metric);
      for (const [id, group] of targets) pending.push(dropCheck(metric, group, tallyOf(current, id, spec), tallyOf(baseline, id, specB), [spec, specB], s, maxDrop));
    }
  }
  const marks = adjustFamily(pending.map((p) => ({ p: p.row.p, inFamily: p.inFamily })), s.adjust, s.level);
  pending.forEach((p, i) => {
    if (!p.inFamily) return;
    p.row.pAdjusted = marks[i].pAdjusted;
    p.decide(p.row, marks[i].significant);
  });
  return pending.map((p) => p.row);
}

/** Whether a run fails: any check failed, or a low-base one under --on-low-base fail. */
export function runFails(rows: CheckRow[], onLowBase: OnLowBase): boolean {
  return rows.some((r) => r.status === 'fail' || (r.status === 'low-base' && onLowBase === 'fail'));
}

/**
 * Something about the run as a whole, beside its checks: stale data (`stale`), invalid rows under
 * --strict (`strict`). `status` fail makes the run fail; warn is shown; pass only recorded.
 */
export interface RunOutcome {
  code: 'stale' | 'strict';
  status: 'fail' | 'warn' | 'pass';
  message: string;
}

export interface CheckSummary {
  checks: number;
  passed: number;
  failed: number;
  lowBase: number;
  /** run outcomes (stale data, --strict): present when there is one */
  outcomes?: RunOutcome[];
  /** the run passes: exit 0 */
  ok: boolean;
}

export interface CheckResult {
  cxm: 1;
  command: 'check';
  input: InputSummary & { current?: InputSummary; baseline?: InputSummary };
  settings: StatSettingsJson & EnrichSettings & {
    rule: CheckRule;
    onLowBase: OnLowBase;
    by: string[];
    columns: Record<string, string>;
    thresholds: Thresholds;
    /** file: the data as a whole · files: current against --baseline · periods: the last complete period against the one before */
    mode: 'file' | 'files' | 'periods';
    current: SideInfo;
    baseline: SideInfo | null;
    /** periods mode */
    every?: Every;
    weekStart?: WeekStart;
    asOf?: string;
    date?: { column: string; formats: string[]; timeZone: string };
  };
  checks: CheckRow[];
  summary: CheckSummary;
  warnings: Warning[];
}

function summarize(rows: CheckRow[], onLowBase: OnLowBase): CheckSummary {
  const count = (status: CheckStatus) => rows.filter((r) => r.status === status).length;
  return { checks: rows.length, passed: count('pass'), failed: count('fail'), lowBase: count('low-base'), ok: !runFails(rows, onLowBase) };
}

function envelope(loaded: Loaded, s: CheckSettings, input: CheckResult['input'], rows: CheckRow[], warnings: Warning[], mode: CheckResult['settings']['mode'], current: SideInfo, baseline: SideInfo | null, dims: string[]): CheckResult {
  const metrics = checkedMetrics(s.thresholds, loaded.metrics);
  return resultEnvelope('check', {
    input,
    settings: { ...statSettings(metrics, s), rule: s.rule, onLowBase: s.onLowBase, by: dims, columns: roleColumns(loaded.roles), thresholds: s.thresholds, mode, current, baseline, ...enrichSettings(loaded, s) },
    checks: rows,
    summary: summarize(rows, s.onLowBase),
    warnings,
  });
}

/** Adds a run outcome: recorded in the summary, and a failing one fails the run. */
export function addOutcome(result: CheckResult, outcome: RunOutcome): void {
  result.summary.outcomes = [...(result.summary.outcomes ?? []), outcome];
  if (outcome.status === 'fail') result.summary.ok = false;
}

/** The --strict outcome of a run with invalid rows or unreadable dates (the run then exits 2 after its output). */
export function strictOutcome(result: CheckResult, strict: boolean): RunOutcome | null {
  if (!strict) return null;
  const badDates = result.warnings.some((w) => w.code === 'bad-date');
  if (result.input.invalid === 0 && !badDates) return null;
  const what = [result.input.invalid ? `${result.input.invalid} invalid row${result.input.invalid === 1 ? '' : 's'}` : '', badDates ? 'rows with a date that cannot be read' : ''].filter(Boolean).join(' and ');
  return { code: 'strict', status: 'fail', message: `${what} (--strict)` };
}

/** Minimums against one data set as a whole. */
export function checkFileResult(loaded: Loaded, s: CheckSettings): CheckResult {
  const dims = loaded.fold.dimensions;
  const rows = checkRows(loadedSide(loaded), null, dims, loaded.metrics, s);
  return envelope(loaded, s, inputSummary(loaded.sources, loaded.fold.counts), rows, loadedWarnings(loaded), 'file', { files: loaded.sources.map((x) => x.input.name) }, null, dims);
}

/** The current files against --baseline files (each read on its own). */
export function checkFilesResult(current: Loaded, baseline: Loaded, s: CheckSettings): CheckResult {
  const dims = current.fold.dimensions;
  const rows = checkRows(loadedSide(current), loadedSide(baseline), dims, current.metrics, s);
  const input = twoSidedInput(current, baseline);
  const warnings = [...loadedWarnings(current), ...loadedWarnings(baseline)];
  return envelope(current, s, input, rows, warnings, 'files', { files: input.current.files }, { files: input.baseline.files }, dims);
}

/**
 * The last complete period against the one before, from a day-grain load (period-select.ts): the days
 * are regrouped into the two periods; rows in neither stay counted as read.
 */
export function checkPeriodsResult(loaded: Loaded, pick: PeriodPick, s: CheckSettings & { timeZone: string }): CheckResult {
  const byCount = loaded.fold.dimensions.length - 1;
  const keep = [...Array(byCount).keys()];
  const label = (index: number) => (index === pick.current ? WINDOW_KEYS.current : index === pick.previous ? WINDOW_KEYS.baseline : null);
  const windows = regroupDays(loaded, keep, DAY_DIMENSION, (day) => label(periodIndex(day, pick.every, pick.weekStart)));
  const dims = loaded.fold.dimensions.slice(0, byCount);
  const rows = checkRows(windowSide(windows, WINDOW_KEYS.current), windowSide(windows, WINDOW_KEYS.baseline), dims, loaded.metrics, s);
  const info = (index: number): SideInfo => {
    const p = periodInfo(index, pick.every, pick.weekStart);
    return { period: p.period, start: formatCivil(p.start), end: formatCivil(p.end) };
  };
  const result = envelope(loaded, s, inputSummary(loaded.sources, loaded.fold.counts), rows, loadedWarnings(loaded), 'periods', info(pick.current), info(pick.previous), dims);
  const stale = staleSince(loaded.fold, pick);
  if (stale) addOutcome(result, { code: 'stale', status: s.onStale ?? 'fail', message: staleMessage(stale, pick) });
  result.settings.every = pick.every;
  result.settings.weekStart = pick.weekStart;
  result.settings.asOf = formatCivil(pick.asOf);
  result.settings.date = { column: loaded.date?.column ?? '', formats: loaded.date?.formats ?? [], timeZone: s.timeZone };
  return result;
}
