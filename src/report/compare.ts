/**
 * How a comparison looks: one table per metric, the overall row first, then the segments sorted by
 * the evidence for a change (adjusted p, smallest first) rather than by the size of Δ, which small
 * segments inflate. CSV keeps the tidy rows in group order with both sides flattened.
 */
import { isPercent, metricDigits, metricLabel, type Metric } from '../model/metrics.js';
import type { CompareResult, CompareRow, SideInfo } from '../analysis/compare.js';
import { formatAlpha, formatInterval, formatLevel, formatN, formatP, formatSigned } from './format.js';
import { enrichNotes, nLabel } from './enrich-notes.js';
import type { CsvValue } from './render-csv.js';
import { adjustLabel, lowBaseNote, methodLabel, metricTitle, repeatNote, scoreCell, testNote } from './score.js';
import { dateNote } from './trend.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';

function sideLabel(side: SideInfo, fallback: string): string {
  return 'period' in side ? side.period : fallback;
}

function sideTitle(side: SideInfo, name: string): string {
  if ('period' in side) return `${side.period} (${side.start} to ${side.end})`;
  return side.files.length === 1 ? `${name} ${side.files[0]}` : `${name} (${side.files.length} files)`;
}

/** Smallest adjusted p first; rows without one (not tested) keep their group order at the end. */
function byEvidence(rows: CompareRow[]): CompareRow[] {
  const rank = (r: CompareRow) => r.pAdjusted ?? Number.POSITIVE_INFINITY;
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map((x) => x.r);
}

function compareSection(result: CompareResult, metric: Metric): Section {
  const s = result.settings;
  const digits = metricDigits(metric);
  const suffix = isPercent(metric) ? '%' : '';
  const level = formatLevel(s.level);
  const label = metricLabel(metric);
  const current = sideLabel(s.current, 'current');
  const baseline = sideLabel(s.baseline, 'baseline');
  const all = result.rows.filter((r) => r.metric === metric);
  const overall = all.filter((r) => Object.keys(r.group).length === 0);
  const segments = byEvidence(all.filter((r) => Object.keys(r.group).length > 0));
  const columns: Column[] = [
    ...(s.by.length ? s.by : ['']).map((d) => ({ label: d })),
    { label: nLabel(s), align: 'right' as const },
    { label: `${label} ${current}`, align: 'right' as const },
    { label: `${level} CI`, align: 'right' as const },
    { label: nLabel(s), align: 'right' as const },
    { label: `${label} ${baseline}`, align: 'right' as const },
    { label: `${level} CI`, align: 'right' as const },
    { label: 'Δ', align: 'right' as const },
    { label: `Δ ${level} CI`, align: 'right' as const },
    { label: 'p', align: 'right' as const },
    { label: 'p (adj.)', align: 'right' as const },
  ];
  const body: Cell[][] = [...overall, ...segments].map((r) => {
    const isOverall = Object.keys(r.group).length === 0;
    const mark = r.lowBase ? 'low' : isOverall ? 'total' : undefined;
    const side = (e: CompareRow['current']): Cell[] => [
      cell(formatN(e), e.n === 0 ? 'muted' : mark),
      isOverall && e.value !== null ? cell(scoreCell({ ...e, metric }).text, 'total') : scoreCell({ ...e, metric }),
      cell(formatInterval(e.lower, e.upper, digits, suffix), e.lowBase ? 'low' : undefined),
    ];
    const diffText = formatSigned(r.diff, digits);
    const diff = r.significant && r.diff !== null ? cell(`${diffText} ${r.diff > 0 ? '▲' : '▼'}`, r.diff > 0 ? 'up' : 'down') : cell(diffText, r.lowBase ? 'low' : undefined);
    const tested = r.pAdjusted !== null;
    return [
      ...(s.by.length ? s.by : ['']).map((d, i) => cell(isOverall ? (i === 0 ? 'All' : '') : r.group[d], mark)),
      ...side(r.current),
      ...side(r.baseline),
      diff,
      cell(formatInterval(r.lower, r.upper, digits), r.lowBase ? 'low' : undefined),
      cell(r.p === null ? '–' : formatP(r.p), r.lowBase ? 'low' : undefined),
      cell(tested ? formatP(r.pAdjusted) : r.p !== null && r.lowBase ? 'low base' : '–', r.lowBase ? 'low' : undefined),
    ];
  });
  return {
    title: `${metricTitle(metric, s.columns)} · ${sideTitle(s.current, 'current')} vs ${sideTitle(s.baseline, 'baseline')} · ${methodLabel(s.methods[metric])} ${level} CI`,
    columns,
    rows: body,
  };
}

export function compareView(result: CompareResult): View {
  const s = result.settings;
  const metrics = [...new Set(result.rows.map((r) => r.metric))];
  const notes = [
    `Δ = ${sideLabel(s.current, 'current')} − ${sideLabel(s.baseline, 'baseline')}. ▲/▼ a significant change (${adjustLabel(s.adjust)} p < ${formatAlpha(s.level)}).`,
  ];
  if (s.date) notes.unshift(dateNote(s.date));
  if (s.by.length) notes.push('Segments are sorted by adjusted p (strongest evidence first), not by the size of Δ.');
  notes.push(repeatNote(s, 'the two sides'), ...testNote(s));
  if (result.rows.some((r) => r.lowBase)) notes.push(lowBaseNote(s, 'shown, not tested.', ' on a side'));
  notes.push(...enrichNotes(s));
  return { sections: metrics.map((m) => compareSection(result, m)), notes };
}

export function compareCsv(result: CompareResult): { columns: string[]; rows: CsvValue[][] } {
  const by = result.settings.by;
  const weighted = result.settings.weight !== undefined;
  const eff = (prefix: string) => (weighted ? [`${prefix}_n_eff`] : []);
  const columns = [
    'metric',
    ...by,
    'current_n',
    ...eff('current'),
    'current_value',
    'current_lower',
    'current_upper',
    'baseline_n',
    ...eff('baseline'),
    'baseline_value',
    'baseline_lower',
    'baseline_upper',
    'diff',
    'lower',
    'upper',
    'p',
    'p_adjusted',
    'significant',
    'low_base',
  ];
  const rows = result.rows.map((r) => [
    r.metric,
    ...by.map((d) => r.group[d]),
    r.current.n,
    ...(weighted ? [r.current.nEff] : []),
    r.current.value,
    r.current.lower,
    r.current.upper,
    r.baseline.n,
    ...(weighted ? [r.baseline.nEff] : []),
    r.baseline.value,
    r.baseline.lower,
    r.baseline.upper,
    r.diff,
    r.lower,
    r.upper,
    r.p,
    r.pAdjusted,
    r.significant,
    r.lowBase,
  ]);
  return { columns, rows };
}
