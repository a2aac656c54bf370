/**
 * How a trend looks: one table per metric and series (with --by, one series per segment), a row per
 * period with its change from the period before, and a sparkline under each table; fixed tidy
 * columns for CSV.
 */
import { isPercent, metricDigits, metricLabel, type Metric } from '../model/metrics.js';
import type { TrendResult, TrendRow } from '../analysis/trend.js';
import { formatAlpha, formatFixed, formatInterval, formatLevel, formatN, formatP, formatSigned } from './format.js';
import { countColumns, estimateColumns, estimateValues, testColumns, testValues } from './csv-columns.js';
import { enrichNotes, nLabel } from './enrich-notes.js';
import type { CsvValue } from './render-csv.js';
import { adjustLabel, lowBaseNote, methodLabel, metricTitle, repeatNote, scoreCell, testNote } from './score.js';
import { sparkline } from './sparkline.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';

export const EVERY_LABELS: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** `monthly`, `weekly (ISO weeks, Monday start)` */
export function everyLabel(s: Pick<TrendResult['settings'], 'every' | 'weekStart'>): string {
  if (s.every !== 'week') return EVERY_LABELS[s.every];
  return s.weekStart === 'monday' ? 'weekly (ISO weeks, Monday start)' : 'weekly (weeks start on Sunday)';
}

function seriesKey(row: TrendRow, by: string[]): string {
  return JSON.stringify(by.map((d) => row.group[d]));
}

function trendSection(result: TrendResult, metric: Metric, rows: TrendRow[]): Section {
  const s = result.settings;
  const digits = metricDigits(metric);
  const suffix = isPercent(metric) ? '%' : '';
  const level = formatLevel(s.level);
  const columns: Column[] = [
    { label: 'period' },
    { label: nLabel(s), align: 'right' },
    { label: metricLabel(metric), align: 'right' },
    { label: `${level} CI`, align: 'right' },
    { label: 'Δ vs previous', align: 'right' },
    { label: `Δ ${level} CI`, align: 'right' },
    { label: 'p (adj.)', align: 'right' },
  ];
  if (s.window !== null) columns.push({ label: `${s.window}-${s.every} ${metricLabel(metric)}`, align: 'right' }, { label: `${level} CI`, align: 'right' });
  const body: Cell[][] = rows.map((r) => {
    const mark = r.n === 0 ? 'muted' : r.lowBase ? 'low' : undefined;
    const cells: Cell[] = [
      cell(r.group.period + (r.partial ? ' †' : ''), mark),
      cell(formatN(r), mark),
      scoreCell({ ...r, metric }, r.vsPrevious),
      cell(formatInterval(r.lower, r.upper, digits, suffix), mark),
    ];
    const d = r.vsPrevious;
    if (!d) cells.push(cell(''), cell(''), cell(''));
    else if (d.diff === null) cells.push(cell('–', 'muted'), cell(''), cell(''));
    else if (d.p !== null && d.pAdjusted === null) cells.push(cell(formatSigned(d.diff, digits), 'low'), cell(formatInterval(d.lower, d.upper, digits), 'low'), cell('low base', 'low'));
    else cells.push(cell(formatSigned(d.diff, digits)), cell(formatInterval(d.lower, d.upper, digits)), cell(formatP(d.pAdjusted)));
    if (s.window !== null) {
      const w = r.rolling;
      cells.push(cell(w ? (w.value === null ? 'n/a' : formatFixed(w.value, digits) + suffix) : ''), cell(w ? formatInterval(w.lower, w.upper, digits, suffix) : ''));
    }
    return cells;
  });
  const series = s.by.map((d) => `${d} ${rows[0]?.group[d] ?? ''}`).join(', ');
  return {
    title: `${metricTitle(metric, s.columns)}${series ? ` · ${series}` : ''} · ${everyLabel(s)} · ${methodLabel(s.methods[metric])} ${level} CI`,
    columns,
    rows: body,
    footer: [footerLine(rows, metric)],
  };
}

/** `trend ▃▅▇▆▄ 2026-W02 to 2026-W06 · low 12.0 (2026-W03) · high 48.3 (2026-W04)` */
function footerLine(rows: TrendRow[], metric: Metric): string {
  const digits = metricDigits(metric);
  const suffix = isPercent(metric) ? '%' : '';
  const valued = rows.filter((r) => r.value !== null);
  if (rows.length === 0) return 'trend: no periods';
  const span = `${rows[0].group.period} to ${rows[rows.length - 1].group.period}`;
  if (valued.length === 0) return `trend: no answers, ${span}`;
  const low = valued.reduce((a, b) => (b.value! < a.value! ? b : a));
  const high = valued.reduce((a, b) => (b.value! > a.value! ? b : a));
  return `trend ${sparkline(rows.map((r) => r.value))} ${span} · low ${formatFixed(low.value!, digits)}${suffix} (${low.group.period}) · high ${formatFixed(high.value!, digits)}${suffix} (${high.group.period})`;
}

/** `Dates: column "submitted_at" (ISO 8601), calendar days in UTC.` */
export function dateNote(date: { column: string; formats: string[]; timeZone: string }): string {
  return `Dates: column ${JSON.stringify(date.column)} (${date.formats.join(', ')}), calendar days in ${date.timeZone}; rows without a usable date are left out and counted as excluded.`;
}

export function trendView(result: TrendResult): View {
  const sections: Section[] = [];
  const metrics = [...new Set(result.rows.map((r) => r.metric))];
  for (const metric of metrics) {
    const bySeries = new Map<string, TrendRow[]>();
    for (const r of result.rows) {
      if (r.metric !== metric) continue;
      const key = seriesKey(r, result.settings.by);
      bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
    }
    for (const rows of bySeries.values()) sections.push(trendSection(result, metric, rows));
  }
  const s = result.settings;
  const notes = [
    dateNote(s.date),
    `▲/▼ differs from the previous period (${adjustLabel(s.adjust)} p < ${formatAlpha(s.level)}).`,
    repeatNote(s, 'the periods'),
    ...testNote(s),
  ];
  if (result.rows.some((r) => r.lowBase && r.n > 0)) notes.push(lowBaseNote(s, 'shown, not tested.'));
  if (result.rows.some((r) => r.partial)) notes.push('† part of the period only: --since/--until falls inside it.');
  notes.push(...enrichNotes(s));
  if (sections.length === 0) notes.push('No row has a usable date: nothing to show.');
  return { sections, notes };
}

export function trendCsv(result: TrendResult): { columns: string[]; rows: CsvValue[][] } {
  const by = result.settings.by;
  const rolling = result.settings.window !== null;
  const weighted = result.settings.weight !== undefined;
  const counts = countColumns(result.rows.map((r) => r.metric));
  const columns = [
    'metric',
    ...by,
    'period',
    'start',
    'end',
    'partial',
    ...estimateColumns(weighted, counts),
    'vs_previous_period',
    ...testColumns('vs_previous'),
    ...(rolling ? ['rolling_periods', 'rolling_n', 'rolling_value', 'rolling_lower', 'rolling_upper'] : []),
    'skipped',
    'invalid',
  ];
  const rows = result.rows.map((r) => {
    const w = r.rolling;
    return [
      r.metric,
      ...by.map((d) => r.group[d]),
      r.group.period,
      r.start,
      r.end,
      r.partial,
      ...estimateValues(r, weighted, counts),
      r.vsPrevious?.period,
      ...testValues(r.vsPrevious),
      ...(rolling ? [w?.periods, w?.n, w?.value, w?.lower, w?.upper] : []),
      r.skipped,
      r.invalid,
    ];
  });
  return { columns, rows };
}
