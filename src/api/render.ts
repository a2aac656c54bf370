/**
 * A result as text in one output format: table (terminal), json, csv or markdown for every command;
 * junit and github for check; markdown, html or json for report; csv or json for Tallies. Renderers
 * are loaded on demand, so a JSON run never loads cli-table3 or chalk, and a command loads only its
 * own view. JSON is the result itself (the schema-v1 object the library functions resolve to).
 */
import type { CheckResult } from '../analysis/check.js';
import type { CompareResult } from '../analysis/compare.js';
import type { CrosstabResult } from '../analysis/crosstab.js';
import type { DriversResult } from '../analysis/drivers.js';
import type { FollowupResult } from '../analysis/followup.js';
import type { InspectResult } from '../analysis/inspect.js';
import type { RankResult } from '../analysis/rank.js';
import type { PlanResult } from '../analysis/plan.js';
import type { ReportResult } from '../analysis/period-report.js';
import type { ScoreResult } from '../analysis/score.js';
import type { TallyTable } from '../analysis/tally-export.js';
import type { TrendResult } from '../analysis/trend.js';
import { UsageError } from '../model/errors.js';
import { TALLY_COLUMNS } from '../model/tally-file.js';
import { CHECK_FORMATS, type CheckFormat } from '../options/check-options.js';
import { FORMATS, type OutputFormat } from '../options/common-options.js';
import { REPORT_FORMATS, type ReportFormat } from '../options/report-options.js';
import type { CsvValue } from '../report/render-csv.js';
import type { View } from '../report/view.js';
import type { CheckVerdicts } from './check.js';
import type { TallyRow } from './tallies.js';

export type AnyResult = ScoreResult | CrosstabResult | TrendResult | CompareResult | DriversResult | InspectResult | RankResult | PlanResult;

/** What render() takes: any command's result, a check run's verdicts, or Tallies (readTallies). */
export type Renderable = AnyResult | CheckResult | CheckVerdicts | FollowupResult | ReportResult | TallyRow[];

export type RenderFormat = OutputFormat | CheckFormat | ReportFormat;

/** Display choices that are not part of the result (machine formats ignore them). */
export interface RenderOptions {
  /** colour in a terminal table (default: none) */
  color?: boolean;
  /** crosstab: intervals in the cells (`cxm crosstab --ci`) */
  ci?: boolean;
}

/** How one result looks in each format; `view` gets the format it is drawn for (table or markdown). */
export interface Spec {
  json: () => unknown;
  view: (format: 'table' | 'markdown') => View;
  csv: () => { columns: string[]; rows: CsvValue[][] };
}

/** `await render(result, 'markdown')`: the text `cxm <command> --format markdown` writes. */
export async function render(result: Renderable, format: RenderFormat, options: RenderOptions = {}): Promise<string> {
  const color = options.color ?? false;
  if (Array.isArray(result)) return renderTallyRows(result, format);
  switch (result.command) {
    case 'check': {
      const { exitCode: _exitCode, ...verdicts } = result as CheckVerdicts;
      return renderCheck(verdicts as CheckResult, allowed(format, CHECK_FORMATS, 'check'), color);
    }
    case 'followup':
      return renderFollowup(result, allowed(format, FORMATS, 'followup'), color);
    case 'report':
      return renderReport(result, allowed(format, REPORT_FORMATS, 'report'));
    default:
      return renderResult(result, allowed(format, FORMATS, result.command), color, options);
  }
}

function allowed<T extends string>(format: string, formats: readonly T[], command: string): T {
  if ((formats as readonly string[]).includes(format)) return format as T;
  throw new UsageError(`a ${command} result renders as ${formats.join(', ')}, not ${JSON.stringify(format)}`);
}

async function specOf(result: AnyResult, options: RenderOptions): Promise<Omit<Spec, 'json'>> {
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
    case 'plan': {
      const m = await import('../report/plan.js');
      return { view: () => m.planView(result), csv: () => m.planCsv(result) };
    }
    case 'rank': {
      const m = await import('../report/rank.js');
      return { view: () => m.rankView(result), csv: () => m.rankCsv(result) };
    }
    case 'inspect': {
      const m = await import('../report/inspect.js');
      return { view: () => m.inspectView(result), csv: () => m.inspectCsv(result) };
    }
  }
}

export async function renderResult(result: AnyResult, format: OutputFormat, color: boolean, options: RenderOptions = {}): Promise<string> {
  // JSON is the result itself: no view module to load
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  return renderAs({ json: () => result, ...(await specOf(result, options)) }, format, color);
}

/** The shared end of every renderer: JSON, CSV, Markdown or a terminal table of a Spec. */
export async function renderAs(spec: Spec, format: OutputFormat, color: boolean): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(spec.json());
  if (format === 'csv') {
    const { columns, rows } = spec.csv();
    return (await import('../report/render-csv.js')).renderCsv(columns, rows);
  }
  if (format === 'markdown') return (await import('../report/render-markdown.js')).renderMarkdown(withLoudNotes(spec.view('markdown'), spec.json()));
  return (await import('../report/render-table.js')).renderTable(withLoudNotes(spec.view('table'), spec.json()), color);
}

/**
 * Warnings that doubt the numbers themselves (a scale that looks like another, duplicates dropped):
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

/** A check run: the verdict table (terminal or Markdown), JSON, CSV, JUnit XML or GitHub annotations. */
export async function renderCheck(result: CheckResult, format: CheckFormat, color: boolean): Promise<string> {
  if (format === 'junit') return (await import('../report/render-junit.js')).renderJunit(result);
  if (format === 'github') return (await import('../report/render-github.js')).renderGithub(result);
  const { checkJson, checkView, checkCsv } = await import('../report/check.js');
  return renderAs({ json: () => checkJson(result), view: () => checkView(result), csv: () => checkCsv(result) }, format, color);
}

/** The close-the-loop list: a terminal table shortens long comments; Markdown keeps them whole. */
export async function renderFollowup(result: FollowupResult, format: OutputFormat, color: boolean): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  const view = await import('../report/followup.js');
  return renderAs({ json: () => result, view: (f) => view.followupView(result, { shorten: f === 'table' }), csv: () => view.followupCsv(result) }, format, color);
}

/** A period report: Markdown, HTML or JSON. */
export async function renderReport(result: ReportResult, format: ReportFormat): Promise<string> {
  if (format === 'json') return (await import('../report/render-json.js')).renderJson(result);
  if (format === 'html') return (await import('../report/report-html.js')).renderReportHtml(result);
  return (await import('../report/report-markdown.js')).renderReportMarkdown(result);
}

/** Tallies as a tally file: the group columns (in the order the meta row names them), then the tally columns. */
async function renderTallyRows(rows: TallyRow[], format: RenderFormat): Promise<string> {
  const f = allowed(format, ['csv', 'json'] as const, 'tallies');
  const meta = rows.find((r) => r.kind === 'meta')?.meta;
  const dimensions = typeof meta === 'string' ? (JSON.parse(meta) as { dimensions?: string[] }).dimensions : undefined;
  const groups = dimensions ?? Object.keys(rows[0] ?? {}).filter((k) => !(TALLY_COLUMNS as readonly string[]).includes(k));
  const columns = [...groups, ...TALLY_COLUMNS];
  const table: TallyTable = { columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) };
  return (await import('../report/render-tallies.js')).renderTallies(table, f);
}
