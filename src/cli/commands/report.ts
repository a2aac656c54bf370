/**
 * `cxm report FILE… --every week --as-of DATE --format html -o weekly.html`: a scheduled report of
 * the last complete period against the one before (headlines, trend chart, segments, movers, comments,
 * footer with the inputs' SHA-256). Declares the flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addDateFlags, addEnrichFlags, addInputFlags, addOutputFlags, addStatsFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm report responses.csv --every week --as-of 2026-06-28 --format html -o weekly.html
  cxm report responses.csv --every month --by region,plan -o monthly.md
  cxm report --config weekly.json --as-of 2026-06-28
  cxm report exports/*.csv --every week -o 'reports/nps-{period}.html'`;

export function defineReport(program: Command, io: CliIo): Command {
  const cmd = program
    .command('report')
    .summary('a scheduled report: the last complete period against the one before (Markdown or HTML)')
    .description('The period ending on or before --as-of against the previous one: headline per metric with its change and significance, a trend chart of the last periods, segment tables, the biggest significant movers, a sample of detractor comments, and a footer with the inputs and their SHA-256')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input (or the files of the config\'s report section)')
    .option('--every <period>', 'day, week (default), month, quarter or year')
    .option('--as-of <date>', 'report the last complete period on or before this date (default: the latest date in the data)')
    .option('--by <columns>', 'segment tables for these columns, one table per column (comma-separated or repeated)', collect)
    .option('--title <text>', 'the report\'s title (default: "Weekly report: 2026-W26")')
    .option('--history <n>', 'periods in the trend chart, the current one included (default 12)')
    .option('--comments <n>', 'how many of the newest detractor comments of the period to show (default 5; 0 for none)')
    .option('--comment <column>', 'the comment column (found from the header when not given)')
    .option('--on-stale <what>', 'no answer in the reported period (data ending before it): fail (default: a banner and exit 1), warn (banner, exit 0) or pass');
  addEnrichFlags(cmd, { comment: false });
  addDateFlags(cmd);
  addInputFlags(cmd);
  addStatsFlags(cmd);
  addOutputFlags(cmd, 'markdown, html or json (default: from the -o extension, else markdown); -o may contain {period}');
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseReportOptions }, { runReport }, { renderReport }, { emit }, { runContext }] = await Promise.all([
      import('../../options/report-options.js'),
      import('../../api/report.js'),
      import('../../api/render.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const { CheckFailed } = await import('../../model/errors.js');
    const o = parseReportOptions(files, raw);
    const result = await runReport(o, runContext(io, o.progress));
    const text = await renderReport(result, o.format);
    const output = o.output?.replaceAll('{period}', result.settings.current.period);
    await emit(io, { text, output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
    if (result.stale?.status === 'fail') throw new CheckFailed(`${result.stale.message} (the report was written with a banner; --on-stale warn or pass to exit 0)`);
  });
  return cmd;
}

