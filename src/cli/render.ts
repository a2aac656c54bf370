/**
 * Picks the renderer for a result and a --format. Renderers are loaded on demand so a JSON run never
 * loads cli-table3 or chalk.
 */
import type { InspectResult } from '../analysis/inspect.js';
import type { ScoreResult } from '../analysis/score.js';
import type { CsvValue } from '../report/render-csv.js';
import type { View } from '../report/view.js';
import type { OutputFormat } from './options.js';
import { useColor, type CliIo } from './io.js';

export type AnyResult = ScoreResult | InspectResult;

/** A command's human view and its CSV rows, loaded with the command's report module. */
interface Presentation {
  view(): View;
  csv(): { columns: string[]; rows: CsvValue[][] };
}

async function present(result: AnyResult): Promise<Presentation> {
  if (result.command === 'inspect') {
    const m = await import('../report/inspect.js');
    return { view: () => m.inspectView(result), csv: () => m.inspectCsv(result) };
  }
  const m = await import('../report/score.js');
  return { view: () => m.scoreView(result), csv: () => m.scoreCsv(result) };
}

export async function renderResult(result: AnyResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  const p = await present(result);
  if (format === 'csv') {
    const { columns, rows } = p.csv();
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  const view = p.view();
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(view);
  return (await import('../report/render-table.js')).renderTable(view, useColor(io, colorFlag));
}
