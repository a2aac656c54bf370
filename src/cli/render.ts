/**
 * Picks the renderer for a result and a --format. Renderers are loaded on demand so a JSON run never
 * loads cli-table3 or chalk.
 */
import type { InspectResult } from '../analysis/inspect.js';
import type { ScoreResult } from '../analysis/score.js';
import type { OutputFormat } from './options.js';
import { useColor, type CliIo } from './io.js';

export type AnyResult = ScoreResult | InspectResult;

export async function renderResult(result: AnyResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  if (result.command === 'inspect') return renderInspect(result, format, io, colorFlag);
  const spec = await import('../report/score.js');
  if (format === 'csv') {
    const { columns, rows } = spec.scoreCsv(result);
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  const view = spec.scoreView(result);
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(view);
  return (await import('../report/render-table.js')).renderTable(view, useColor(io, colorFlag));
}

async function renderInspect(result: InspectResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  const spec = await import('../report/inspect.js');
  if (format === 'csv') {
    const { columns, rows } = spec.inspectCsv(result);
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  const view = spec.inspectView(result);
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(view);
  return (await import('../report/render-table.js')).renderTable(view, useColor(io, colorFlag));
}
