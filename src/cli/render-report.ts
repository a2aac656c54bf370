/** Picks the renderer of a period report for its --format (loaded on demand). */
import type { ReportResult } from '../analysis/period-report.js';
import type { ReportFormat } from './report-options.js';

export async function renderReport(result: ReportResult, format: ReportFormat): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  if (format === 'html') return (await import('../report/report-html.js')).renderReportHtml(result);
  return (await import('../report/report-markdown.js')).renderReportMarkdown(result);
}
