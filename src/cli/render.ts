/**
 * Picks the renderer for a result and a --format. Renderers are loaded on demand so a JSON run never
 * loads cli-table3 or chalk, and a command loads only its own view.
 */
import type { CompareResult } from '../analysis/compare.js';
import type { CrosstabResult } from '../analysis/crosstab.js';
import type { DriversResult } from '../analysis/drivers.js';
import type { InspectResult } from '../analysis/inspect.js';
import type { ScoreResult } from '../analysis/score.js';
import type { TrendResult } from '../analysis/trend.js';
import type { CsvValue } from '../report/render-csv.js';
import type { View } from '../report/view.js';
import type { OutputFormat } from './options.js';
import { useColor, type CliIo } from './io.js';

export type AnyResult = ScoreResult | CrosstabResult | TrendResult | CompareResult | DriversResult | InspectResult;

/** Display-only choices that are not part of the result (machine formats ignore them). */
export interface ViewOptions {
  /** crosstab --ci: intervals in the cells */
  ci?: boolean;
}

/** How one result looks in each format; `view` gets the format it is drawn for (table or markdown). */
export interface Spec {
  json: () => unknown;
  view: (format: 'table' | 'markdown') => View;
  csv: () => { columns: string[]; rows: CsvValue[][] };
}

async function specOf(result: AnyResult, options: ViewOptions): Promise<Omit<Spec, 'json'>> {
  switch (result.command) {
    case 'score': {
      const m = await import('../report/score.js');
      return { view: () => m.scoreView(result), csv: () => m.scoreCsv(result) };
    }
    case 'crosstab': {
      const m = await import('../report/crosstab.js');
      return { view: () => m.crosstabView(result, { ci: options.ci ?? false }), csv: () => m.crosstabCsv(result) };
    }
    case 'trend': {
      const m = await import('../report/trend.js');
      return { view: () => m.trendView(result), csv: () => m.trendCsv(result) };
    }
    case 'compare': {
      const m = await import('../report/compare.js');
      return { view: () => m.compareView(result), csv: () => m.compareCsv(result) };
    }
    case 'drivers': {
      const m = await import('../report/drivers.js');
      return { view: () => m.driversView(result), csv: () => m.driversCsv(result) };
    }
    case 'inspect': {
      const m = await import('../report/inspect.js');
      return { view: () => m.inspectView(result), csv: () => m.inspectCsv(result) };
    }
  }
}

export async function renderResult(result: AnyResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined, options: ViewOptions = {}): Promise<string> {
  // JSON is the result itself: no view module to load
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  return renderAs({ json: () => result, ...(await specOf(result, options)) }, format, io, colorFlag);
}

/** The shared end of every renderer: JSON, CSV, Markdown or a terminal table of a Spec. */
export async function renderAs(spec: Spec, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(spec.json());
  if (format === 'csv') {
    const { columns, rows } = spec.csv();
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(withLoudNotes(spec.view('markdown'), spec.json()));
  return (await import('../report/render-table.js')).renderTable(withLoudNotes(spec.view('table'), spec.json()), useColor(io, colorFlag));
}

/**
 * Warnings that doubt the numbers themselves (a scale that looks like another one, duplicates dropped):
 * printed under the table too, not only on standard error, so a reader of the output sees them.
 */
export const LOUD_WARNINGS = new Set(['scale-range', 'duplicate-responses']);

function withLoudNotes(view: View, result: unknown): View {
  const r = result as { command?: string; warnings?: { code: string; message: string }[] };
  // inspect lists every warning in its own table
  const warnings = r.command === 'inspect' ? [] : (r.warnings ?? []);
  const loud = warnings.filter((w) => LOUD_WARNINGS.has(w.code)).map((w) => `Warning: ${w.message}`);
  return loud.length ? { ...view, notes: [...view.notes, ...loud] } : view;
}
