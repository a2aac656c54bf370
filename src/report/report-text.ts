/**
 * The words and numbers of a period report, shared by its Markdown and HTML renderers: title, the
 * headline of each metric, the change with its significance, segment cells and the footer. Rounding
 * happens here; escaping is the renderers' job.
 */
import { isPercent, KINDS, metricDigits, metricLabel, ROLE_DEFS, type Metric } from '../model/metrics.js';
import type { CompareRow } from '../analysis/compare.js';
import type { ReportResult } from '../analysis/period-report.js';
import type { TrendRow } from '../analysis/trend.js';
import { formatAlpha, formatCount, formatFixed, formatInterval, formatLevel, formatP, formatSigned } from './format.js';
import { adjustLabel, methodLabel, repeatNote } from './score.js';
import { EVERY_LABELS, everyLabel } from './trend.js';
import { enrichNotes } from './enrich-notes.js';

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function reportTitle(r: ReportResult): string {
  const s = r.settings;
  return s.title ?? `${capitalize(EVERY_LABELS[s.every])} report: ${s.current.period}`;
}

/** `2026-W26 (2026-06-22 to 2026-06-28) against 2026-W25 (…) · as of 2026-06-28` */
export function reportSubtitle(r: ReportResult): string {
  const s = r.settings;
  return `${s.current.period} (${s.current.start} to ${s.current.end}) against ${s.previous.period} (${s.previous.start} to ${s.previous.end}) · as of ${s.asOf}`;
}

export function valueText(metric: Metric, value: number | null, n?: number): string {
  if (value === null) return n === 0 ? 'n/a (n=0)' : 'n/a';
  return formatFixed(value, metricDigits(metric)) + (isPercent(metric) ? '%' : '');
}

export function intervalText(metric: Metric, lower: number | null, upper: number | null): string {
  return formatInterval(lower, upper, metricDigits(metric), isPercent(metric) ? '%' : '');
}

/** `pts` after a change of a percent (a change of percentages is in points). */
export function changeText(metric: Metric, diff: number | null): string {
  if (diff === null) return '–';
  return formatSigned(diff, metricDigits(metric)) + (isPercent(metric) ? ' pts' : '');
}

export type Direction = 'up' | 'down' | null;

/** ▲/▼ for a significant change, nothing otherwise. */
export function direction(row: CompareRow): Direction {
  if (!row.significant || row.diff === null) return null;
  return row.diff > 0 ? 'up' : 'down';
}

export const ARROWS: Record<'up' | 'down', string> = { up: '▲', down: '▼' };

/** Whether and how the change was tested: `significant (p 0.003)`, `not significant (p 0.62)`, … */
export function significanceText(row: CompareRow, adjusted: boolean): string {
  if (row.current.n === 0 || row.baseline.n === 0) return row.current.n === 0 ? 'no answers in this period' : 'no answers in the previous period';
  if (row.lowBase) return 'low base: not tested';
  if (row.p === null) return 'not tested';
  const p = adjusted ? row.pAdjusted : row.p;
  const label = adjusted ? 'adjusted p' : 'p';
  return `${row.significant ? 'significant' : 'not significant'} (${label} ${formatP(p)})`;
}

/** One headline: the metric's score now, its interval and n, and the change. */
export interface Headline {
  metric: Metric;
  label: string;
  value: string;
  interval: string;
  n: string;
  lowBase: boolean;
  change: string;
  changeInterval: string;
  previous: string;
  direction: Direction;
  significance: string;
}

export function headline(row: CompareRow): Headline {
  const m = row.metric;
  return {
    metric: m,
    label: metricLabel(m),
    value: valueText(m, row.current.value, row.current.n),
    interval: intervalText(m, row.current.lower, row.current.upper),
    n: formatCount(row.current.n),
    lowBase: row.current.lowBase,
    change: changeText(m, row.diff),
    changeInterval: formatInterval(row.lower, row.upper, metricDigits(m)),
    previous: valueText(m, row.baseline.value, row.baseline.n),
    direction: direction(row),
    significance: significanceText(row, false),
  };
}

/** `Trend: the last 12 weeks` (fewer when the data starts later) */
export function trendHeading(r: ReportResult): string {
  const periods = r.headlines.length ? trendOf(r, r.headlines[0].metric).length : 0;
  return periods === 1 ? `Trend: ${r.settings.current.period} only` : `Trend: the last ${periods} ${r.settings.every}s`;
}

/** The trend rows of one metric, oldest first. */
export function trendOf(r: ReportResult, metric: Metric): TrendRow[] {
  return r.trend.filter((t) => t.metric === metric);
}

/** The text alternative of a trend chart. */
export function trendSummary(r: ReportResult, metric: Metric): string {
  const rows = trendOf(r, metric);
  const valued = rows.filter((t) => t.value !== null);
  const label = metricLabel(metric);
  const span = rows.length ? `${rows[0].group.period} to ${rows[rows.length - 1].group.period}` : '';
  if (valued.length === 0) return `${label} by ${r.settings.every}, ${span}: no answers.`;
  const low = valued.reduce((a, b) => (b.value! < a.value! ? b : a));
  const high = valued.reduce((a, b) => (b.value! > a.value! ? b : a));
  const last = rows[rows.length - 1];
  return `${label} by ${r.settings.every}, ${span}: lowest ${valueText(metric, low.value)} (${low.group.period}), highest ${valueText(metric, high.value)} (${high.group.period}), ${last.group.period} ${valueText(metric, last.value, last.n)} (n = ${formatCount(last.n)}).`;
}

/** `NPS, region EMEA: −22.1 (40.0 → 17.9), adjusted p 0.003` */
export function moverText(mover: ReportResult['movers'][number]): string {
  const row = mover.row;
  const m = row.metric;
  return `${metricLabel(m)}, ${mover.column} ${mover.segment}: ${changeText(m, row.diff)} (${valueText(m, row.baseline.value)} → ${valueText(m, row.current.value)}), adjusted p ${formatP(row.pAdjusted)}`;
}

export function commentsHeading(r: ReportResult): string {
  const c = r.comments!;
  const role = ROLE_DEFS[c.metric];
  const who = role.success === null ? 'Detractor comments' : `Comments from ${role.success.phrase} (${role.name})`;
  return `${who}: the newest ${formatCount(c.rows.length)} of ${formatCount(c.matched)} in ${r.settings.current.period}`;
}

/** Segment values of a comment and its tags (with --tags), `region EMEA, plan Pro, tags billing, speed` */
export function commentPlace(row: { group: Record<string, string>; tags?: string[] }): string {
  const tags = row.tags?.length ? [`tags ${row.tags.join(', ')}`] : [];
  return [...Object.entries(row.group).map(([k, v]) => `${k} ${v}`), ...tags].join(', ');
}

/** The notes under the segment tables. */
export function segmentNotes(r: ReportResult): string[] {
  const s = r.settings;
  const notes = [
    `Δ = ${s.current.period} − ${s.previous.period}. ▲/▼ a significant change (${adjustLabel(s.adjust)} p < ${formatAlpha(s.level)} across the segments of each table).`,
    repeatNote(s, 'the two periods'),
  ];
  if (r.segments.some((t) => t.rows.some((row) => row.lowBase))) notes.push(`* low base: n < ${s.minN} in either period; shown, not tested.`);
  return notes;
}

/** The footer: inputs with their SHA-256, rows, methods, level, dates and version. */
export function footerLines(r: ReportResult): { label: string; text: string }[] {
  const s = r.settings;
  const i = r.input;
  const rows = `${formatCount(i.rows)} read: ${formatCount(i.used)} used, ${formatCount(i.skipped)} skipped (no answer), ${formatCount(i.invalid)} invalid, ${formatCount(i.excluded)} excluded (no usable date, or after the as-of date)`;
  const methods = Object.entries(s.methods)
    .map(([m, method]) => `${metricLabel(m as Metric)} ${methodLabel(method)}`)
    .join(', ');
  const differenceTests = Object.values(KINDS)
    .map((k) => `${k.plural} ${k.difference}`)
    .join(', ');
  return [
    ...i.hashes.map((h) => ({ label: 'Input', text: `${h.file} · ${formatCount(h.bytes)} bytes · SHA-256 ${h.sha256}` })),
    { label: 'Rows', text: rows },
    {
      label: 'Methods',
      text: `${methods}; ${formatLevel(s.level)} intervals. Changes: two independent samples (${differenceTests}); headline changes unadjusted (one comparison per metric), segment changes ${adjustLabel(s.adjust)} per table. Low base: n < ${s.minN}.`,
    },
    { label: 'Dates', text: `column "${s.date.column}" (${s.date.formats.join(', ')}), calendar days in ${s.date.timeZone}; ${everyLabel(s)} periods; as of ${s.asOf} (${s.asOfFrom === 'flag' ? 'given with --as-of' : 'the latest date in the data'})` },
    ...enrichNotes(s).map((text) => ({ label: 'Data', text })),
    { label: 'Made by', text: `cxm ${s.version}` },
  ];
}
