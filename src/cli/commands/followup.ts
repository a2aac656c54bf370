/**
 * `cxm followup FILE… [--group detractors] [--since D] [--until D] [--with-comment] [--where EXPR]
 * [--join FILE --on COL] [--tags RULES]`: the close-the-loop list, newest first. Declares the flags;
 * the work is loaded on use.
 */
import type { Command } from 'commander';
import { listRoles } from '../../model/metrics.js';
import { addDateFlags, addEnrichFlags, addInputFlags, addOutputFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm followup responses.csv
  cxm followup responses.csv --since 2026-06-01 --until 2026-06-30 --with-comment --by region
  cxm followup responses.csv --group detractors,passives --format csv -o call-back.csv
  cxm followup responses.csv --metric csat --score 1-2 --no-contact --format json
  cxm followup responses.csv --join customers.csv --on email --where 'tier = Enterprise' --by account,tier
  cxm followup responses.csv --tags tags.json --where 'tag = billing' --with-comment`;

export function defineFollowup(program: Command, io: CliIo): Command {
  const cmd = program
    .command('followup')
    .summary('the close-the-loop list: detractors (or others) with contact and comment, newest first')
    .description('Lists the responses to follow up — detractors by default — with id, date, score, category, segment and contact columns and the comment, newest first')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input')
    .option('--group <groups>', 'detractors (default), passives, promoters, or all (comma-separated or repeated)', collect)
    .option('--score <lo-hi>', 'list answers in this score range instead, e.g. 0-4 or 1-2 for --metric csat')
    .option('--metric <metric>', `the score to list: ${listRoles()} (default: NPS when found)`)
    .option('--since <date>', 'first day to list, e.g. 2026-06-01 or 2026-W23 (included)')
    .option('--until <date>', 'last day to list (included)')
    .option('--with-comment', 'only responses with a comment')
    .option('--by <columns>', 'segment columns to show (comma-separated or repeated)', collect)
    .option('--id <column>', 'the response id column (found from the header when not given)')
    .option('--comment <column>', 'the comment column, also the one --tags reads (found from the header when not given)')
    .option('--contact <columns>', 'contact columns to show (default: email, name, phone… found from the header)', collect)
    .option('--no-contact', 'show no contact columns')
    .option('--limit <n>', 'list at most the newest N matching responses (default 1000)');
  addEnrichFlags(cmd, { comment: false, rowsOnly: true });
  addDateFlags(cmd);
  addInputFlags(cmd);
  addOutputFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseFollowupOptions }, { runFollowup }, { renderFollowup }, { emit }, { useColor }] = await Promise.all([
      import('../../options/followup-options.js'),
      import('../../api/followup.js'),
      import('../../api/render.js'),
      import('../emit.js'),
      import('../io.js'),
    ]);
    const o = parseFollowupOptions(files, raw);
    const result = await runFollowup(o, { stdin: io.stdin });
    const text = await renderFollowup(result, o.format, useColor(io, o.color));
    await emit(io, { text, output: o.output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
  });
  return cmd;
}
