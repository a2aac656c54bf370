/**
 * A period report as one self-contained HTML file: inline CSS and SVG, no scripts, fonts or images
 * from anywhere (a Content-Security-Policy says so to the browser too). Every text from the data is
 * escaped; the page is also well-formed XML, which the tests use to check that. No clock: the same
 * result gives the same bytes.
 */
import { isPercent, metricLabel, metricRange, roleKind, roleName, type Metric } from '../model/metrics.js';
import type { CompareRow } from '../analysis/compare.js';
import type { ReportResult } from '../analysis/period-report.js';
import { escapeXml as e } from './escape-xml.js';
import { formatCount, formatLevel, formatP } from './format.js';
import { warningText } from './summary.js';
import { trendChart, type ChartPoint } from './svg-chart.js';
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

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; --up: #1a7f37; --down: #cf222e; --accent: #0969da; --band: #0969da26; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
.sub, .note, figcaption, .about { color: var(--muted); }
.stale { border: 2px solid #b00020; padding: 0.5em 0.75em; }
.note { font-size: 13px; margin: 6px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; background: var(--soft); }
.card h3 { margin: 0; font-size: 14px; color: var(--muted); font-weight: 600; }
.card .value { font-size: 34px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card p { margin: 2px 0; font-size: 13px; }
.up { color: var(--up); }
.down { color: var(--down); }
.low { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; margin: 4px 0 8px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th { background: var(--soft); font-weight: 600; }
th:first-child, td:first-child { text-align: left; white-space: normal; }
figure { margin: 0 0 20px; }
.chart { width: 100%; height: auto; max-width: 720px; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .grid.zero { stroke: var(--muted); stroke-dasharray: 4 3; }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .band { fill: var(--band); stroke: none; }
.chart .line { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart .point { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.chart .point.low { fill: #fff; stroke: var(--accent); }
.chart .point.current { stroke: var(--ink); }
details { font-size: 13px; }
summary { cursor: pointer; color: var(--accent); }
ul.movers { padding-left: 20px; }
blockquote { margin: 0 0 14px; padding: 8px 14px; border-left: 4px solid var(--line); background: var(--soft); white-space: pre-line; }
blockquote .about { display: block; font-size: 12px; margin-top: 4px; white-space: normal; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
footer dt { font-weight: 600; }
footer dd { margin: 0; overflow-wrap: anywhere; }
@media print { main { padding: 0; } h2 { break-after: avoid; } }
`;

function card(r: ReportResult, row: CompareRow): string {
  const h = headline(row);
  const level = formatLevel(r.settings.level);
  const cls = h.direction ?? (h.lowBase ? 'low' : '');
  const arrow = h.direction ? ` ${ARROWS[h.direction]}` : '';
  return [
    '<div class="card">',
    `<h3>${e(h.label)}</h3>`,
    `<p class="value${h.lowBase ? ' low' : ''}">${e(h.value)}</p>`,
    `<p>${e(level)} CI ${e(h.interval)} · n = ${e(h.n)}${h.lowBase ? ' (low base)' : ''}</p>`,
    `<p class="${cls}">${e(`${h.change}${arrow} vs ${r.settings.previous.period} (${h.previous})`)}</p>`,
    `<p class="note">${e(`${h.significance}; Δ ${level} CI ${h.changeInterval}`)}</p>`,
    '</div>',
  ].join('\n');
}

function trendFigure(r: ReportResult, metric: Metric): string {
  const rows = trendOf(r, metric);
  const level = formatLevel(r.settings.level);
  const points: ChartPoint[] = rows.map((t) => ({
    label: t.group.period,
    value: t.value,
    lower: t.lower,
    upper: t.upper,
    lowBase: t.lowBase,
    text: `${t.group.period}: ${valueText(metric, t.value, t.n)} (${level} CI ${intervalText(metric, t.lower, t.upper)}, n = ${formatCount(t.n)})`,
  }));
  const summary = trendSummary(r, metric);
  const chart = trendChart(points, {
    id: `trend-${metric}`,
    title: `${metricLabel(metric)} by ${r.settings.every} with its ${level} confidence interval`,
    description: summary,
    domain: metricRange(metric),
    suffix: isPercent(metric) ? '%' : '',
  });
  const table = [
    `<table><thead><tr><th scope="col">${e(r.settings.every)}</th><th scope="col">n</th><th scope="col">${e(metricLabel(metric))}</th><th scope="col">${e(level)} CI</th></tr></thead><tbody>`,
    ...rows.map((t) => `<tr><td>${e(t.group.period)}</td><td>${e(formatCount(t.n))}${t.lowBase && t.n > 0 ? ' *' : ''}</td><td>${e(valueText(metric, t.value, t.n))}</td><td>${e(intervalText(metric, t.lower, t.upper))}</td></tr>`),
    '</tbody></table>',
  ].join('\n');
  return [
    '<figure>',
    `<h3>${e(metricLabel(metric))}</h3>`,
    chart,
    `<figcaption>${e(summary)} The band is the ${e(level)} confidence interval; hollow points are low base (n &lt; ${r.settings.minN}).</figcaption>`,
    `<details><summary>The numbers</summary>\n${table}\n</details>`,
    '</figure>',
  ].join('\n');
}

function segmentTable(r: ReportResult, column: string, metric: Metric, rows: CompareRow[]): string {
  const s = r.settings;
  const level = formatLevel(s.level);
  const head = [column, 'n', s.current.period, `${level} CI`, 'n', s.previous.period, 'Δ', 'p (adj.)'];
  const body = rows.map((row) => {
    const d = direction(row);
    const star = (lowBase: boolean, n: number) => `${e(formatCount(n))}${lowBase && n > 0 ? ' *' : ''}`;
    const p = row.pAdjusted !== null ? formatP(row.pAdjusted) : row.lowBase && row.p !== null ? 'low base' : '–';
    const cls = d ?? (row.lowBase ? 'low' : '');
    return [
      `<tr${row.lowBase ? ' class="low"' : ''}>`,
      `<td>${e(row.group[column])}</td>`,
      `<td>${star(row.current.lowBase, row.current.n)}</td>`,
      `<td class="${cls}">${e(valueText(metric, row.current.value, row.current.n))}${d ? ` ${ARROWS[d]}` : ''}</td>`,
      `<td>${e(intervalText(metric, row.current.lower, row.current.upper))}</td>`,
      `<td>${star(row.baseline.lowBase, row.baseline.n)}</td>`,
      `<td>${e(valueText(metric, row.baseline.value, row.baseline.n))}</td>`,
      `<td class="${cls}">${e(changeText(metric, row.diff))}</td>`,
      `<td>${e(p)}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    `<h3>${e(`${metricLabel(metric)} by ${column}`)}</h3>`,
    `<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...body,
    '</tbody></table>',
  ].join('\n');
}

function commentsSection(r: ReportResult): string {
  const c = r.comments!;
  if (c.column === null) return '<p class="note">No comment column found: no comments to show.</p>';
  if (c.rows.length === 0) return `<p class="note">${e(`No ${roleKind(c.metric) === 'nps' ? 'detractor ' : ''}comments in ${r.settings.current.period}.`)}</p>`;
  const quotes = c.rows.map((row) => {
    const about = [row.date, `${roleName(c.metric)} ${row.score}`, commentPlace(row), row.id].filter((x): x is string => !!x).join(' · ');
    return `<blockquote>${e(row.comment ?? '')}<span class="about">${e(about)}</span></blockquote>`;
  });
  return [`<p class="note">${e(commentsHeading(r))}</p>`, ...quotes].join('\n');
}

export function renderReportHtml(r: ReportResult): string {
  const s = r.settings;
  const metrics = r.headlines.map((h) => h.metric);
  const title = reportTitle(r);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>`,
    `<meta name="generator" content="${e(`cxm ${s.version}`)}"/>`,
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${e(title)}</h1><p class="sub">${e(reportSubtitle(r))}</p></header>`,
    ...(r.stale && r.stale.status !== 'pass' ? [`<p class="stale" role="alert"><strong>Warning: stale data.</strong> ${e(r.stale.message)}; every number below is about a period with no answers.</p>`] : []),
    '<section aria-labelledby="headlines"><h2 id="headlines">Headlines</h2>',
    '<div class="cards">',
    ...r.headlines.map((row) => card(r, row)),
    '</div>',
    '<p class="note">Δ: the change from the previous period, tested as two independent samples (one test per metric).</p>',
    '</section>',
    `<section aria-labelledby="trend"><h2 id="trend">${e(trendHeading(r))}</h2>`,
    ...metrics.map((m) => trendFigure(r, m)),
    '</section>',
  ];
  if (r.segments.length) {
    out.push('<section aria-labelledby="segments"><h2 id="segments">Segments</h2>');
    for (const t of r.segments) for (const m of metrics) out.push(segmentTable(r, t.column, m, t.rows.filter((row) => row.metric === m)));
    for (const note of segmentNotes(r)) out.push(`<p class="note">${e(note)}</p>`);
    out.push('</section>');
    out.push('<section aria-labelledby="movers"><h2 id="movers">Biggest movers</h2>');
    if (r.movers.length === 0) out.push(`<p>${e(`No segment changed significantly from ${s.previous.period} to ${s.current.period}.`)}</p>`);
    else out.push('<ul class="movers">', ...r.movers.map((m) => `<li class="${direction(m.row)}">${e(`${moverText(m)} ${ARROWS[direction(m.row)!]}`)}</li>`), '</ul>');
    out.push('</section>');
  }
  if (r.comments) out.push('<section aria-labelledby="comments"><h2 id="comments">Comments</h2>', commentsSection(r), '</section>');
  out.push('<footer><dl>');
  for (const line of footerLines(r)) out.push(`<dt>${e(line.label)}</dt><dd>${e(line.text)}</dd>`);
  for (const w of r.warnings) out.push(`<dt>Note</dt><dd>${e(warningText(w))}</dd>`);
  out.push('</dl></footer>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}
