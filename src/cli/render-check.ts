/**
 * Picks the renderer of a check run for its --format: the verdict table (terminal or Markdown), JSON,
 * CSV, JUnit XML or GitHub annotations. Renderers are loaded on demand.
 */
import type { CheckResult } from '../analysis/check.js';
import type { CheckFormat } from './check-options.js';
import type { CliIo } from './io.js';
import { renderAs } from './render.js';

export async function renderCheck(result: CheckResult, format: CheckFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  if (format === 'junit') return (await import('../report/render-junit.js')).renderJunit(result);
  if (format === 'github') return (await import('../report/render-github.js')).renderGithub(result);
  const { checkJson, checkView, checkCsv } = await import('../report/check.js');
  return renderAs({ json: () => checkJson(result), view: () => checkView(result), csv: () => checkCsv(result) }, format, io, colorFlag);
}
