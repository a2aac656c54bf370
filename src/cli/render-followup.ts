/** Picks the renderer of the close-the-loop list for its --format (loaded on demand). */
import type { FollowupResult } from '../analysis/followup.js';
import type { OutputFormat } from './options.js';
import { useColor, type CliIo } from './io.js';

export async function renderFollowup(result: FollowupResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  const view = await import('../report/followup.js');
  if (format === 'csv') {
    const { columns, rows } = view.followupCsv(result);
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(view.followupView(result, { shorten: false }));
  return (await import('../report/render-table.js')).renderTable(view.followupView(result, { shorten: true }), useColor(io, colorFlag));
}
