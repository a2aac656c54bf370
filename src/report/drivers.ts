/**
 * How a drivers table looks: one table per metric, the overall score first, then every segment (of
 * every --by column and tag) sorted by its impact on the total, the largest pull downwards first.
 * CSV gets the same rows with fixed columns.
 */
import { isPercent, metricDigits, metricLabel, type Metric } from '../model/metrics.js';
import type { DriverRow, DriversResult } from '../analysis/drivers.js';
import { countColumns, estimateColumns, estimateValues, testColumns, testValues } from './csv-columns.js';
import { enrichNotes, nLabel } from './enrich-notes.js';
import { formatAlpha, formatFixed, formatInterval, formatLevel, formatN, formatP, formatSigned } from './format.js';
import type { CsvValue } from './render-csv.js';
import { adjustLabel, lowBaseNote, methodLabel, metricTitle, restLowBaseNote, scoreCell } from './score.js';
import { cell, type Cell, type Column, type Section, type View } from './view.js';

function impactCell(r: DriverRow, digits: number): Cell {
  const impact = r.impact?.value ?? null;
  const text = formatSigned(impact, digits);
  if (r.vsRest?.significant && impact !== null) return impact > 0 ? cell(`${text} ▲`, 'up') : cell(`${text} ▼`, 'down');
  return cell(text, r.lowBase ? 'low' : undefined);
}

function driversSection(result: DriversResult, metric: Metric): Section {
  const s = result.settings;
  const digits = metricDigits(metric);
  const suffix = isPercent(metric) ? '%' : '';
  const level = formatLevel(s.level);
  const columns: Column[] = [
    { label: 'column' },
    { label: 'segment' },
    { label: nLabel(s), align: 'right' },
    { label: 'share', align: 'right' },
    { label: metricLabel(metric), align: 'right' },
    { label: `${level} CI`, align: 'right' },
    { label: 'Δ vs rest', align: 'right' },
    { label: 'impact', align: 'right' },
    { label: `impact ${level} CI`, align: 'right' },
    { label: 'p (adj.)', align: 'right' },
  ];
  const body: Cell[][] = result.rows
    .filter((r) => r.metric === metric)
    .map((r) => {
      if (r.dimension === undefined) {
        return [cell('All', 'total'), cell('', 'total'), cell(formatN(r), 'total'), cell('100%', 'total'), cell(scoreCell({ ...r, metric }).text, 'total'), cell(formatInterval(r.lower, r.upper, digits, suffix)), cell(''), cell(''), cell(''), cell('')];
      }
      const mark = r.lowBase ? 'low' : undefined;
      const t = r.vsRest!;
      return [
        cell(r.dimension, mark),
        cell(r.group[r.dimension], mark),
        cell(formatN(r, r.lowBase), mark),
        cell(r.share === null || r.share === undefined ? '–' : `${formatFixed(100 * r.share, 1)}%`, mark),
        scoreCell({ ...r, metric }),
        cell(formatInterval(r.lower, r.upper, digits, suffix), mark),
        cell(formatSigned(t.diff, digits), mark),
        impactCell(r, digits),
        cell(formatInterval(r.impact?.lower ?? null, r.impact?.upper ?? null, digits), mark),
        cell(r.lowBase && t.p !== null ? 'low base' : t.restLowBase && t.p !== null ? 'rest low base' : formatP(t.pAdjusted), mark),
      ];
    });
  return {
    title: `${metricTitle(metric, s.columns)} · what moves the total · ${methodLabel(s.methods[metric])} ${level} CI`,
    columns,
    rows: body,
  };
}

export function driversView(result: DriversResult): View {
  const s = result.settings;
  const metrics = [...new Set(result.rows.map((r) => r.metric))];
  const notes = [
    'impact = share × (segment − rest): the points the segment moves the overall score away from what everyone else scores (= overall − rest); its interval is the difference\'s, scaled by the share.',
    `Sorted by impact, the largest pull downwards first. ▲/▼ the segment differs from the rest (${adjustLabel(s.adjust)} p < ${formatAlpha(s.level)} across the table's segments).`,
  ];
  if (result.rows.some((r) => r.lowBase && r.dimension !== undefined)) notes.push(lowBaseNote(s, 'shown, not tested.'));
  if (result.rows.some((r) => !r.lowBase && r.vsRest?.restLowBase)) notes.push(restLowBaseNote(s));
  notes.push(...enrichNotes(s));
  return { sections: metrics.map((m) => driversSection(result, m)), notes };
}

export function driversCsv(result: DriversResult): { columns: string[]; rows: CsvValue[][] } {
  const weighted = result.settings.weight !== undefined;
  const counts = countColumns(result.rows.map((r) => r.metric));
  const columns = [
    'metric',
    'column',
    'segment',
    ...estimateColumns(weighted, counts),
    'share',
    'rest_n',
    ...(weighted ? ['rest_n_eff'] : []),
    'rest_value',
    ...testColumns('vs_rest'),
    'impact',
    'impact_lower',
    'impact_upper',
    'skipped',
    'invalid',
  ];
  const rows = result.rows.map((r) => [
    r.metric,
    r.dimension,
    r.dimension === undefined ? undefined : r.group[r.dimension],
    ...estimateValues(r, weighted, counts),
    r.share,
    r.rest?.n,
    ...(weighted ? [r.rest?.nEff] : []),
    r.rest?.value,
    ...testValues(r.vsRest),
    r.impact?.value,
    r.impact?.lower,
    r.impact?.upper,
    r.skipped,
    r.invalid,
  ]);
  return { columns, rows };
}
