/**
 * How a check run looks: the reason of each verdict as a sentence with its numbers, a verdict table
 * (terminal, Markdown), the JSON v1 envelope with those reasons, and fixed CSV columns. JUnit XML and
 * GitHub annotations are in their own renderers and use the names and reasons from here.
 */
import { isPercent, metricDigits, metricLabel } from '../model/metrics.js';
import type { CheckResult, CheckRow } from '../analysis/check.js';
import { adjustLabel } from './score.js';
import { formatAlpha, formatCount, formatFixed, formatInterval, formatLevel, formatP } from './format.js';
import type { CsvValue } from './render-csv.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';
import { enrichNotes } from './enrich-notes.js';

type Settings = CheckResult['settings'];

/** A score (`72.8%`, `29.2`) */
function number(row: CheckRow, x: number | null): string {
  if (x === null) return '–';
  return formatFixed(x, metricDigits(row.metric)) + (isPercent(row.metric) ? '%' : '');
}

/** A change of a score: NPS points, or percentage points (`5.1 pts`) */
function amount(row: CheckRow, x: number): string {
  return formatFixed(x, metricDigits(row.metric)) + (isPercent(row.metric) ? ' pts' : '');
}

/** The threshold as written: `30`, `80%`, a drop of `5 pts` */
function threshold(row: CheckRow): string {
  const suffix = isPercent(row.metric) ? (row.kind === 'min' ? '%' : ' pts') : '';
  return `${Number(row.threshold.toFixed(6))}${suffix}`;
}

/** `NPS ≥ 30`, `CSAT % drop ≤ 5 pts` */
export function checkName(row: CheckRow): string {
  const label = metricLabel(row.metric);
  return row.kind === 'min' ? `${label} ≥ ${threshold(row)}` : `${label} drop ≤ ${threshold(row)}`;
}

/** `All`, `region=EMEA, plan=Pro` */
export function groupName(row: CheckRow): string {
  const entries = Object.entries(row.group);
  return entries.length === 0 ? 'All' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** How many checks share the adjustment (the family), for reasons that mention it. */
function familySize(result: CheckResult): number {
  return result.checks.filter((c) => c.pAdjusted !== null).length;
}

const ADJUSTMENT_NAMES: Record<string, string> = { holm: 'Holm', bh: 'Benjamini–Hochberg' };

function adjustedNote(row: CheckRow, result: CheckResult): string {
  const m = familySize(result);
  if (row.pAdjusted === null) return '';
  if (m <= 1 || result.settings.adjust === 'none') return ` (p ${formatP(row.p)})`;
  return ` (p ${formatP(row.pAdjusted)}, ${ADJUSTMENT_NAMES[result.settings.adjust]}-adjusted for ${m} checks)`;
}

function notAfterAdjustment(row: CheckRow, result: CheckResult): string {
  return `not after the ${ADJUSTMENT_NAMES[result.settings.adjust]} adjustment for ${familySize(result)} checks (adjusted p ${formatP(row.pAdjusted)})`;
}

/** The reason for a check's verdict, one sentence with its numbers. */
export function reasonText(row: CheckRow, result: CheckResult): string {
  const s = result.settings;
  const level = formatLevel(s.level);
  const digits = metricDigits(row.metric);
  const ci = `the ${level} CI ${formatInterval(row.lower, row.upper, digits, isPercent(row.metric) && row.kind === 'min' ? '%' : '')}`;
  const t = threshold(row);
  const adjusted = adjustedNote(row, result);
  if (row.code === 'low-base') {
    if (row.kind === 'min') return `low base: n = ${formatCount(row.n)}, under --min-n ${s.minN}`;
    return `low base: n = ${formatCount(row.current?.n ?? 0)} now and ${formatCount(row.baseline?.n ?? 0)} before; each side needs --min-n ${s.minN}`;
  }
  if (row.code === 'no-estimate') return `no estimate from n = ${formatCount(row.n)}`;
  if (row.kind === 'min') {
    const v = number(row, row.value);
    switch (row.code) {
      case 'meets':
        return row.rule === 'assured' ? `${ci} lies at or above ${t}${adjusted}` : `${v} is at least ${t}`;
      case 'below':
        return `${v} is under ${t}`;
      case 'inside-interval':
        return `${v} is under ${t}, but ${t} is inside ${ci}: not credibly below`;
      case 'interval-below':
        return `${ci} lies below ${t}${adjusted}`;
      case 'lower-below':
        return `${ci} reaches below ${t}: not assured`;
      case 'not-after-adjustment':
        return row.rule === 'credible' ? `${ci} lies below ${t}, but ${notAfterAdjustment(row, result)}` : `${ci} lies at or above ${t}, but ${notAfterAdjustment(row, result)}`;
      default:
        return row.code;
    }
  }
  const before = number(row, row.baseline?.value ?? null);
  const now = number(row, row.current?.value ?? null);
  const move = `${before} → ${now}`;
  const drop = row.value!;
  const change = drop > 0 ? `dropped ${amount(row, drop)}` : drop < 0 ? `rose ${amount(row, -drop)}` : 'did not change';
  const dropCi = `the ${level} CI of the drop ${formatInterval(row.lower, row.upper, digits)}`;
  // `drop 6.0, 95% CI 3.0 – 8.9`: the credible rule reads the whole interval against the allowance
  const dropFigures = `drop ${amount(row, drop)}, ${level} CI ${formatInterval(row.lower, row.upper, digits)}`;
  switch (row.code) {
    case 'within':
      return row.rule === 'assured' ? `${dropCi} lies at or under ${t}${adjusted} (${move})` : `${change} (${move}), within ${t}`;
    case 'exceeds':
      return `${change} (${move}), more than ${t}`;
    case 'not-significant':
      return `${dropFigures}: not credibly more than ${t}; ${move}`;
    case 'significant-drop':
      return `${dropFigures}: credibly more than ${t}${adjusted}; ${move}`;
    case 'upper-exceeds':
      return `${change} (${move}); ${dropCi} reaches over ${t}: not assured`;
    case 'not-after-adjustment':
      return row.rule === 'credible'
        ? `${dropFigures}: more than ${t}, but ${notAfterAdjustment(row, result)}`
        : `${dropCi} lies at or under ${t}, but ${notAfterAdjustment(row, result)}`;
    default:
      return row.code;
  }
}

const STATUS_TEXT: Record<CheckRow['status'], string> = { pass: 'pass', fail: 'FAIL', 'low-base': 'low base' };

/** What the run's low-base checks do, in words. */
function lowBaseEffect(s: Settings): string {
  return s.onLowBase === 'fail' ? 'fails the run' : s.onLowBase === 'warn' ? 'a warning' : 'passes';
}

/** `NPS 2026-W27 (2026-06-29 to 2026-07-05) against 2026-W26 (…)` or the files. */
export function checkSubject(s: Settings): string {
  const side = (x: Settings['current']) => ('period' in x ? `${x.period} (${x.start} to ${x.end})` : x.files.join(', '));
  return s.baseline ? `${side(s.current)} against ${side(s.baseline)}` : side(s.current);
}

export function summaryText(result: CheckResult): string {
  const { passed, failed, lowBase, ok } = result.summary;
  const parts = [`${failed} failed`, `${passed} passed`];
  if (lowBase > 0) parts.push(`${lowBase} low base (${lowBaseEffect(result.settings)})`);
  const outcomes = (result.summary.outcomes ?? []).filter((x) => x.status !== 'pass').map((x) => (x.status === 'warn' ? `warning: ${x.message}` : x.message));
  return `${ok ? 'OK' : 'FAILED'}: ${[...outcomes, ...parts].join(', ')}`;
}

function verdictCell(row: CheckRow, s: Settings): Cell {
  if (row.status === 'fail') return cell(STATUS_TEXT.fail, 'down');
  if (row.status === 'pass') return cell(STATUS_TEXT.pass, 'up');
  return cell(STATUS_TEXT['low-base'], s.onLowBase === 'fail' ? 'down' : 'low');
}

function pCell(row: CheckRow): Cell {
  return cell(row.pAdjusted === null ? '' : formatP(row.pAdjusted));
}

function minSection(result: CheckResult, rows: CheckRow[]): Section {
  const level = formatLevel(result.settings.level);
  const columns: Column[] = [
    { label: 'check' },
    { label: 'segment' },
    { label: 'n', align: 'right' },
    { label: 'score', align: 'right' },
    { label: `${level} CI`, align: 'right' },
    { label: 'p (adj.)', align: 'right' },
    { label: 'verdict' },
    { label: 'why' },
  ];
  return {
    title: `Minimums · ${checkSubject(result.settings)}`,
    columns,
    rows: rows.map((r) => [
      cell(checkName(r)),
      cell(groupName(r)),
      cell(formatCount(r.n) + (r.status === 'low-base' ? ' *' : ''), r.status === 'low-base' ? 'low' : undefined),
      cell(number(r, r.value)),
      cell(formatInterval(r.lower, r.upper, metricDigits(r.metric), isPercent(r.metric) ? '%' : '')),
      pCell(r),
      verdictCell(r, result.settings),
      cell(reasonText(r, result)),
    ]),
  };
}

function dropSection(result: CheckResult, rows: CheckRow[]): Section {
  const level = formatLevel(result.settings.level);
  const columns: Column[] = [
    { label: 'check' },
    { label: 'segment' },
    { label: 'n now', align: 'right' },
    { label: 'now', align: 'right' },
    { label: 'n before', align: 'right' },
    { label: 'before', align: 'right' },
    { label: 'drop', align: 'right' },
    { label: `drop ${level} CI`, align: 'right' },
    { label: 'p (adj.)', align: 'right' },
    { label: 'verdict' },
    { label: 'why' },
  ];
  return {
    title: `Drops · ${checkSubject(result.settings)}`,
    columns,
    rows: rows.map((r) => [
      cell(checkName(r)),
      cell(groupName(r)),
      cell(formatCount(r.current?.n ?? 0)),
      cell(number(r, r.current?.value ?? null)),
      cell(formatCount(r.baseline?.n ?? 0)),
      cell(number(r, r.baseline?.value ?? null)),
      cell(r.value === null ? '–' : formatFixed(r.value, metricDigits(r.metric))),
      cell(formatInterval(r.lower, r.upper, metricDigits(r.metric))),
      pCell(r),
      verdictCell(r, result.settings),
      cell(reasonText(r, result)),
    ]),
  };
}

export function checkView(result: CheckResult): View {
  const s = result.settings;
  const mins = result.checks.filter((r) => r.kind === 'min');
  const drops = result.checks.filter((r) => r.kind === 'max-drop');
  const sections = [...(mins.length ? [minSection(result, mins)] : []), ...(drops.length ? [dropSection(result, drops)] : [])];
  const rule =
    s.rule === 'point'
      ? 'rule point: the estimate alone is compared with the threshold.'
      : s.rule === 'credible'
        ? 'rule credible: a minimum fails only when its interval lies below it; a drop fails only when its whole interval lies above the allowed drop.'
        : 'rule assured: a minimum passes only when its interval lies at or above it; a drop passes only when its interval lies at or under the allowed drop.';
  const notes = [rule];
  if (s.rule !== 'point') notes.push(`p (adj.): ${adjustLabel(s.adjust)} across all ${familySize(result)} tested checks of this run; a check counts at p < ${formatAlpha(s.level)}.`);
  if (result.checks.some((r) => r.status === 'low-base')) notes.push(`* low base: fewer than ${s.minN} answers (--min-n): neither pass nor fail; here ${lowBaseEffect(s)} (--on-low-base ${s.onLowBase}).`);
  notes.push(...enrichNotes(s));
  notes.push(summaryText(result));
  return { sections, notes };
}

/** The JSON v1 envelope: each check with its reason in words. */
/** The JSON v1 object of a check run: the result, each verdict with its reason. */
export type CheckJson = Omit<CheckResult, 'checks'> & { checks: (CheckRow & { reason: string })[] };

export function checkJson(result: CheckResult): CheckJson {
  return {
    ...result,
    checks: result.checks.map((r) => ({
      metric: r.metric,
      group: r.group,
      threshold: r.threshold,
      rule: r.rule,
      n: r.n,
      value: r.value,
      lower: r.lower,
      upper: r.upper,
      status: r.status,
      reason: reasonText(r, result),
      kind: r.kind,
      code: r.code,
      p: r.p,
      pAdjusted: r.pAdjusted,
      ...(r.current ? { current: r.current, baseline: r.baseline } : {}),
    })),
  };
}

export function checkCsv(result: CheckResult): { columns: string[]; rows: CsvValue[][] } {
  const by = result.settings.by;
  const columns = ['kind', 'metric', ...by, 'threshold', 'rule', 'n', 'value', 'lower', 'upper', 'p', 'p_adjusted', 'status', 'code', 'reason', 'current_n', 'current_value', 'baseline_n', 'baseline_value'];
  const rows = result.checks.map((r) => [
    r.kind,
    r.metric,
    ...by.map((d) => r.group[d]),
    r.threshold,
    r.rule,
    r.n,
    r.value,
    r.lower,
    r.upper,
    r.p,
    r.pAdjusted,
    r.status,
    r.code,
    reasonText(r, result),
    r.current?.n,
    r.current?.value,
    r.baseline?.n,
    r.baseline?.value,
  ]);
  // the run's own outcomes (stale data, --strict): kind `run`
  for (const x of result.summary.outcomes ?? []) rows.push(['run', null, ...by.map(() => null), null, null, null, null, null, null, null, null, x.status, x.code, x.message, null, null, null, null]);
  return { columns, rows };
}
