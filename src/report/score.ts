/**
 * How a score result looks: one table per metric for people (overall row, then segments with their
 * difference to the rest), and fixed tidy columns for CSV.
 */
import { isPercent, kindOf, metricDigits, metricLabel, roleOf, type Metric } from '../model/metrics.js';
import type { ScoreResult, ScoreRow } from '../analysis/score.js';
import { formatAlpha, formatFixed, formatInterval, formatLevel, formatN, formatP, formatSigned } from './format.js';
import { countColumns, estimateColumns, estimateValues, testColumns, testValues } from './csv-columns.js';
import { enrichNotes, nLabel } from './enrich-notes.js';
import type { CsvValue } from './render-csv.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';

const METHOD_LABELS: Record<string, string> = {
  'adjusted-wald': 'adjusted Wald',
  wald: 'Wald',
  score: 'score (Tango)',
  bootstrap: 'bootstrap percentile',
  wilson: 'Wilson',
  'wilson-cc': 'Wilson with continuity correction',
  'agresti-coull': 'Agresti–Coull',
  'clopper-pearson': 'Clopper–Pearson',
  jeffreys: 'Jeffreys',
  t: 'Student t',
};

const ADJUST_LABELS: Record<string, string> = { bh: 'Benjamini–Hochberg adjusted', holm: 'Holm adjusted', none: 'unadjusted' };

export function methodLabel(method: string): string {
  return METHOD_LABELS[method] ?? method;
}

export function adjustLabel(adjust: string): string {
  return ADJUST_LABELS[adjust] ?? adjust;
}

/** A table's metric heading: `NPS (column "Q1")`, the label and the column its answers came from. */
export function metricTitle(metric: Metric, columns: Record<string, string>): string {
  const column = columns[roleOf(metric)];
  return `${metricLabel(metric)}${column ? ` (column "${column}")` : ''}`;
}

/** A class's share of a row: its count over n (over n_eff when weighted: the counts are effective counts). */
export function share(part: number | undefined, r: { n: number; nEff?: number }): string {
  const n = r.nEff ?? r.n;
  if (!n || part === undefined) return '–';
  return `${formatFixed((100 * part) / n, 1)}%`;
}

/** The score cell: value, with ▲/▼ when the segment differs significantly from the rest. */
export function scoreCell(row: Pick<ScoreRow, 'value' | 'n' | 'lowBase'> & { metric: Metric }, significant?: { diff: number | null; significant: boolean }): Cell {
  if (row.value === null) return cell(row.n === 0 ? 'n/a (n=0)' : 'n/a', 'muted');
  const text = formatFixed(row.value, metricDigits(row.metric)) + (isPercent(row.metric) ? '%' : '');
  if (significant?.significant && significant.diff !== null) {
    return significant.diff > 0 ? cell(`${text} ▲`, 'up') : cell(`${text} ▼`, 'down');
  }
  return cell(text, row.lowBase ? 'low' : undefined);
}

function metricSection(result: ScoreResult, metric: Metric): Section {
  const dims = result.settings.by;
  const rows = result.rows.filter((r) => r.metric === metric);
  const digits = metricDigits(metric);
  const level = formatLevel(result.settings.level);
  const method = methodLabel(result.settings.methods[metric]);
  const columns: Column[] = [
    ...dims.map((d) => ({ label: d })),
    { label: nLabel(result.settings), align: 'right' as const },
    { label: metricLabel(metric), align: 'right' as const },
    { label: `${level} CI`, align: 'right' as const },
  ];
  if (kindOf(metric) === 'nps') columns.push({ label: 'Promoters', align: 'right' }, { label: 'Passives', align: 'right' }, { label: 'Detractors', align: 'right' });
  if (dims.length > 0) columns.push({ label: 'Δ vs rest', align: 'right' }, { label: 'p (adj.)', align: 'right' });

  const body: Cell[][] = rows.map((r) => {
    const isOverall = Object.keys(r.group).length === 0;
    const mark = isOverall ? 'total' : r.lowBase ? 'low' : undefined;
    const suffix = isPercent(metric) ? '%' : '';
    const cells: Cell[] = dims.map((d, i) => cell(isOverall ? (i === 0 ? 'All' : '') : r.group[d], mark));
    cells.push(
      cell(formatN(r, r.lowBase), mark),
      isOverall ? cell(scoreCell(r).text, 'total') : scoreCell(r, r.vsRest),
      cell(formatInterval(r.lower, r.upper, digits, suffix), mark === 'total' ? undefined : mark),
    );
    if (kindOf(metric) === 'nps') {
      cells.push(cell(share(r.counts.promoters, r), mark === 'total' ? undefined : mark), cell(share(r.counts.passives, r), mark === 'total' ? undefined : mark), cell(share(r.counts.detractors, r), mark === 'total' ? undefined : mark));
    }
    if (dims.length > 0) {
      if (isOverall || !r.vsRest) cells.push(cell(''), cell(''));
      else if (r.lowBase) cells.push(cell(formatSigned(r.vsRest.diff, digits), 'low'), cell('low base', 'low'));
      else if (r.vsRest.restLowBase) cells.push(cell(formatSigned(r.vsRest.diff, digits), 'low'), cell('rest low base', 'low'));
      else cells.push(cell(formatSigned(r.vsRest.diff, digits)), cell(formatP(r.vsRest.pAdjusted)));
    }
    return cells;
  });
  return {
    title: `${metricTitle(metric, result.settings.columns)} · ${method} ${level} CI`,
    columns,
    rows: body,
  };
}

export function scoreView(result: ScoreResult): View {
  const metrics = [...new Set(result.rows.map((r) => r.metric))];
  const notes: string[] = [];
  const dims = result.settings.by;
  if (dims.length > 0) {
    notes.push(
      `▲/▼ differs from the rest of the respondents (${adjustLabel(result.settings.adjust)} p < ${formatAlpha(result.settings.level)}).`,
    );
  }
  if (result.rows.some((r) => r.lowBase)) notes.push(lowBaseNote(result.settings, 'shown, not tested.'));
  if (result.rows.some((r) => !r.lowBase && r.vsRest?.restLowBase)) notes.push(restLowBaseNote(result.settings));
  if (result.settings.cluster !== undefined) notes.push(repeatNote(result.settings, 'segments'));
  if (dims.length > 0) notes.push(...testNote(result.settings));
  notes.push(...enrichNotes(result.settings));
  return { sections: metrics.map((m) => metricSection(result, m)), notes };
}

export function scoreCsv(result: ScoreResult): { columns: string[]; rows: CsvValue[][] } {
  const dims = result.settings.by;
  const weighted = result.settings.weight !== undefined;
  const counts = countColumns(result.rows.map((r) => r.metric));
  const columns = ['metric', ...dims, ...estimateColumns(weighted, counts), ...testColumns('vs_rest'), 'skipped', 'invalid'];
  const rows = result.rows.map((r) => [r.metric, ...dims.map((d) => r.group[d] ?? ''), ...estimateValues(r, weighted, counts), ...testValues(r.vsRest), r.skipped, r.invalid]);
  return { columns, rows };
}

/**
 * What the tests assume about repeat respondents (issue 14): the same customers in both sides make an
 * independent-samples test conservative; several answers from one customer make it optimistic, which
 * --cluster corrects.
 */
export function repeatNote(s: { cluster?: string }, sides: string): string {
  if (s.cluster !== undefined) return `Standard errors are cluster-robust by "${s.cluster}": several answers from one ${s.cluster} count as one cluster.`;
  return `The tests take ${sides} as independent answers: customers who answered in both make them conservative; several answers from one customer make them optimistic (use --cluster ID).`;
}

/** Under --method nps=score or bootstrap the interval of a score and the test of a difference differ: say which test. */
export function testNote(s: { methods: Record<string, string>; tests: Record<string, string> }): string[] {
  const m = s.methods.nps;
  if (m !== 'score' && m !== 'bootstrap') return [];
  return [`NPS differences use the ${s.tests.nps === 'wald' ? 'Wald' : 'adjusted Wald'} difference test; --method nps=${m} sets the interval of each score only.`];
}

/** A segment-vs-rest test needs both sides at or above --min-n. */
export function restLowBaseNote(s: { minN: number; weight?: unknown }): string {
  return `rest low base: the respondents outside the segment have ${s.weight ? 'effective n' : 'n'} < ${s.minN}; not tested.`;
}

/** `* low base: n < 30; …` (n_eff when weighted). */
export function lowBaseNote(s: { minN: number; weight?: unknown }, rest: string, where = ''): string {
  return `* low base: ${s.weight ? 'effective n' : 'n'} < ${s.minN}${where}; ${rest}`;
}
