/**
 * A period report as Markdown: headline table, the trend of the last periods as a sparkline and a
 * table, the segment tables with ▲/▼, the biggest movers, a sample of comments and the footer. Text
 * from the data is escaped so it cannot add Markdown or HTML of its own.
 */
import { metricLabel, roleKind, roleName, type Metric } from '../model/metrics.js';
import type { CompareRow } from '../analysis/compare.js';
import type { ReportResult } from '../analysis/period-report.js';
import { formatCount, formatLevel, formatP, safeTerminalText } from './format.js';
import { sparkline } from './sparkline.js';
import { warningText } from './summary.js';
import {
  ARROWS,
  changeText,
  commentPlace,
  commentsHeading,
  direction,
  footerLines,
  headline,
  intervalText,
  moverText,
  reportSubtitle,
  reportTitle,
  segmentNotes,
  trendHeading,
  trendOf,
  trendSummary,
  valueText,
} from './report-text.js';

/** Data text in Markdown: no HTML, no emphasis, links or code, no table breaks, no control characters, one line. */
export function escapeMarkdownText(text: string): string {
  return safeTerminalText(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]#~!|])/g, '\\$1');
}

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : ':---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function headlines(r: ReportResult): string[] {
  const s = r.settings;
  const level = formatLevel(s.level);
  const rows = r.headlines.map((row) => {
    const h = headline(row);
    const arrow = h.direction ? ` ${ARROWS[h.direction]}` : '';
    return [`**${h.label}**`, `**${h.value}**`, h.interval, h.n + (h.lowBase ? ' \\*' : ''), h.previous, `${h.change}${arrow}`, h.changeInterval, h.significance];
  });
  return table(['', s.current.period, `${level} CI`, 'n', s.previous.period, 'Δ', `Δ ${level} CI`, 'change'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'], rows);
}

function trend(r: ReportResult, metric: Metric): string[] {
  const rows = trendOf(r, metric);
  const level = formatLevel(r.settings.level);
  return [
    `**${metricLabel(metric)}** \`${sparkline(rows.map((t) => t.value))}\` ${escapeMarkdownText(trendSummary(r, metric))}`,
    '',
    ...table(
      [r.settings.every, 'n', metricLabel(metric), `${level} CI`],
      ['l', 'r', 'r', 'r'],
      rows.map((t) => [t.group.period, formatCount(t.n) + (t.lowBase && t.n > 0 ? ' \\*' : ''), valueText(metric, t.value, t.n), intervalText(metric, t.lower, t.upper)]),
    ),
  ];
}

function segmentRow(row: CompareRow, column: string): string[] {
  const m = row.metric;
  const d = direction(row);
  const star = (lowBase: boolean, n: number) => formatCount(n) + (lowBase && n > 0 ? ' \\*' : '');
  return [
    escapeMarkdownText(row.group[column]),
    star(row.current.lowBase, row.current.n),
    valueText(m, row.current.value, row.current.n) + (d ? ` ${ARROWS[d]}` : ''),
    intervalText(m, row.current.lower, row.current.upper),
    star(row.baseline.lowBase, row.baseline.n),
    valueText(m, row.baseline.value, row.baseline.n),
    changeText(m, row.diff),
    row.pAdjusted !== null ? formatP(row.pAdjusted) : row.lowBase && row.p !== null ? 'low base' : '–',
  ];
}

function segments(r: ReportResult): string[] {
  const s = r.settings;
  const out: string[] = [];
  for (const t of r.segments) {
    for (const metric of r.headlines.map((h) => h.metric)) {
      const rows = t.rows.filter((row) => row.metric === metric);
      out.push(`### ${metricLabel(metric)} by ${escapeMarkdownText(t.column)}`, '');
      out.push(
        ...table(
          [escapeMarkdownText(t.column), 'n', s.current.period, `${formatLevel(s.level)} CI`, 'n', s.previous.period, 'Δ', 'p (adj.)'],
          ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
          rows.map((row) => segmentRow(row, t.column)),
        ),
      );
    }
  }
  for (const note of segmentNotes(r)) out.push(`_${escapeMarkdownText(note)}_`, '');
  return out;
}

function comments(r: ReportResult): string[] {
  const c = r.comments!;
  if (c.column === null) return ['_No comment column found: no comments to show._', ''];
  if (c.rows.length === 0) return [`_No ${roleKind(c.metric) === 'nps' ? 'detractor ' : ''}comments in ${r.settings.current.period}._`, ''];
  const out = [`_${escapeMarkdownText(commentsHeading(r))}_`, ''];
  for (const row of c.rows) {
    const about = [row.date, `${roleName(c.metric)} ${row.score}`, commentPlace(row), row.id].filter((x): x is string => !!x);
    out.push(`> ${escapeMarkdownText(row.comment ?? '')}`, '>', `> — ${escapeMarkdownText(about.join(' · '))}`, '');
  }
  return out;
}

export function renderReportMarkdown(r: ReportResult): string {
  const metrics = r.headlines.map((h) => h.metric);
  const out = [`# ${escapeMarkdownText(reportTitle(r))}`, '', escapeMarkdownText(reportSubtitle(r)), ''];
  if (r.stale && r.stale.status !== 'pass') out.push(`> **Warning: stale data.** ${escapeMarkdownText(r.stale.message)}; every number below is about a period with no answers.`, '');
  out.push('## Headlines', '', ...headlines(r));
  out.push(`## ${trendHeading(r)}`, '');
  for (const m of metrics) out.push(...trend(r, m));
  if (r.segments.length) {
    out.push('## Segments', '', ...segments(r));
    out.push('## Biggest movers', '');
    if (r.movers.length === 0) out.push(`No segment changed significantly from ${r.settings.previous.period} to ${r.settings.current.period}.`, '');
    for (const m of r.movers) out.push(`- ${escapeMarkdownText(moverText(m))} ${ARROWS[direction(m.row)!]}`);
    if (r.movers.length) out.push('');
  }
  if (r.comments) out.push('## Comments', '', ...comments(r));
  out.push('---', '');
  for (const line of footerLines(r)) out.push(`**${line.label}:** ${escapeMarkdownText(line.text)}  `);
  for (const w of r.warnings) out.push(`**Note:** ${escapeMarkdownText(warningText(w))}  `);
  out.push('');
  return out.join('\n');
}
