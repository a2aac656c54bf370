/**
 * Picks the renderer of a check run for its --format: the verdict table (terminal or Markdown), JSON,
 * CSV, JUnit XML or GitHub annotations. Renderers are loaded on demand.
 */
import type { CheckResult } from '../analysis/check.js';
import type { CheckFormat } from './check-options.js';
import { useColor, type CliIo } from './io.js';

export async function renderCheck(result: CheckResult, format: CheckFormat, io: CliIo, colorFlag: boolean | undefined): Promise<string> {
  switch (format) {
    case 'json': {
      const [{ renderJson }, { checkJson }] = await Promise.all([import('../report/render-json.js'), import('../report/check.js')]);
      return renderJson(checkJson(result));
    }
    case 'junit':
      return (await import('../report/render-junit.js')).renderJunit(result);
    case 'github':
      return (await import('../report/render-github.js')).renderGithub(result);
    case 'csv': {
      const [{ renderCsv }, { checkCsv }] = await Promise.all([import('../report/render-csv.js'), import('../report/check.js')]);
      const { columns, rows } = checkCsv(result);
      return renderCsv(columns, rows);
    }
    case 'markdown': {
      const [{ renderMarkdown }, { checkView }] = await Promise.all([import('../report/render-markdown.js'), import('../report/check.js')]);
      return renderMarkdown(checkView(result));
    }
    case 'table': {
      const [{ renderTable }, { checkView }] = await Promise.all([import('../report/render-table.js'), import('../report/check.js')]);
      return renderTable(checkView(result), useColor(io, colorFlag));
    }
  }
}
