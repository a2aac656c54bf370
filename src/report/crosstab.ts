/**
 * How a cross-tab looks: one matrix per metric, rows × columns plus a totals column and row; each cell
 * shows the score (▲/▼ when it differs from everyone outside it), its n and, with --ci, its interval.
 * CSV gets the tidy rows: cells, margins and total.
 */
import { isPercent, metricDigits, type Metric } from '../model/metrics.js';
import type { CrosstabResult, CrosstabRow } from '../analysis/crosstab.js';
import { formatAlpha, formatInterval, formatLevel, formatN } from './format.js';
import { countColumns, estimateColumns, estimateValues, testColumns, testValues } from './csv-columns.js';
import { enrichNotes } from './enrich-notes.js';
import type { CsvValue } from './render-csv.js';
import { adjustLabel, lowBaseNote, methodLabel, metricTitle, repeatNote, restLowBaseNote, scoreCell, testNote } from './score.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';

export interface CrosstabViewOptions {
  /** show each cell's interval */
  ci: boolean;
}

function matrixCell(r: CrosstabRow | undefined, metric: Metric, margin: boolean, o: CrosstabViewOptions): Cell {
  if (!r) return cell('');
  const n = `n=${formatN(r)}`;
  if (r.suppressed || r.n === 0) return { ...cell('–', 'muted'), lines: [n] };
  const main = scoreCell({ ...r, metric }, r.vsRest);
  const mark = main.mark ?? (margin ? 'total' : undefined);
  const lines = [n];
  if (o.ci && r.value !== null) lines.push(formatInterval(r.lower, r.upper, metricDigits(metric), isPercent(metric) ? '%' : ''));
  return { text: main.text, ...(mark ? { mark } : {}), lines };
}

function matrix(result: CrosstabResult, metric: Metric, o: CrosstabViewOptions): Section {
  const s = result.settings;
  const rows = result.rows.filter((r) => r.metric === metric);
  const find = (a: string | undefined, b: string | undefined) =>
    rows.find((r) => r.group[s.rows] === a && r.group[s.cols] === b && Object.keys(r.group).length === (a === undefined ? 0 : 1) + (b === undefined ? 0 : 1));
  const columns: Column[] = [{ label: `${s.rows} ↓ ${s.cols} →` }, ...s.colValues.map((v) => ({ label: v, align: 'right' as const })), { label: 'Total', align: 'right' }];
  const body: Cell[][] = s.rowValues.map((a) => [
    cell(a),
    ...s.colValues.map((b) => matrixCell(find(a, b), metric, false, o)),
    matrixCell(find(a, undefined), metric, true, o),
  ]);
  body.push([cell('Total', 'total'), ...s.colValues.map((b) => matrixCell(find(undefined, b), metric, true, o)), matrixCell(find(undefined, undefined), metric, true, o)]);
  const level = formatLevel(s.level);
  return {
    title: `${metricTitle(metric, s.columns)} by ${s.rows} and ${s.cols} · ${methodLabel(s.methods[metric])} ${level} CI`,
    columns,
    rows: body,
  };
}

export function crosstabView(result: CrosstabResult, o: CrosstabViewOptions): View {
  const s = result.settings;
  const metrics = [...new Set(result.rows.map((r) => r.metric))];
  const notes = [`▲/▼ the cell differs from all respondents outside it (${adjustLabel(s.adjust)} p < ${formatAlpha(s.level)} across the table's cells).`];
  if (result.rows.some((r) => r.lowBase && r.n > 0)) {
    notes.push(lowBaseNote(s, s.suppressLow ? 'estimate not shown (--suppress-low), not tested.' : 'shown dimmed, not tested.'));
  }
  if (result.rows.some((r) => !r.lowBase && r.vsRest?.restLowBase)) notes.push(restLowBaseNote(s));
  if (s.cluster !== undefined) notes.push(repeatNote(s, 'cells'));
  notes.push(...testNote(s));
  notes.push(...enrichNotes(s));
  return { sections: metrics.map((m) => matrix(result, m, o)), notes };
}

export function crosstabCsv(result: CrosstabResult): { columns: string[]; rows: CsvValue[][] } {
  const { rows: a, cols: b } = result.settings;
  const weighted = result.settings.weight !== undefined;
  const counts = countColumns(result.rows.map((r) => r.metric));
  const columns = ['metric', a, b, ...estimateColumns(weighted, counts), 'suppressed', ...testColumns('vs_rest'), 'skipped', 'invalid'];
  const rows = result.rows.map((r) => [r.metric, r.group[a], r.group[b], ...estimateValues(r, weighted, counts), r.suppressed, ...testValues(r.vsRest), r.skipped, r.invalid]);
  return { columns, rows };
}
