/** Picks the renderer of the close-the-loop list for its --format (loaded on demand). */
import type { FollowupResult } from '../analysis/followup.js';
import type { OutputFormat } from './options.js';
import type { CliIo } from './io.js';
import { renderAs } from './render.js';

export async function renderFollowup(result: FollowupResult, format: OutputFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  const view = await import('../report/followup.js');
  // a terminal table shortens long comments; Markdown keeps them whole
  return renderAs({ json: () => result, view: (f) => view.followupView(result, { shorten: f === 'table' }), csv: () => view.followupCsv(result) }, format, io, colorFlag);
}
