/**
 * `cxm inspect FILE…`: what cxm sees in a file — layout, encoding, delimiter, header rows, row counts,
 * each column with its role, scale and first values, and the issues found. The command to run when a
 * score looks wrong. Declares the flags; the work is loaded only when the command runs.
 */
import type { Command } from 'commander';
import { addInputFlags, addOutputFlags } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm inspect export.csv
  cxm inspect export.csv --format json
  cxm inspect survey.tsv --layout qualtrics --encoding utf16le
  cxm inspect a.csv b.json --format csv`;

export function defineInspect(program: Command, io: CliIo): Command {
  const cmd = program
    .command('inspect')
    .summary('what cxm sees in a file: layout, encoding, columns and their roles, issues')
    .description('Shows how cxm reads each file: layout, encoding, delimiter, header rows, row counts, every column with its detected role (score, date, segment, comment, id, contact), scale and first values, and the issues found')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input');
  addInputFlags(cmd);
  cmd.option('--cluster <column>', 'a customer or account id: count the ids that answered more than once');
  addOutputFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseCommonOptions }, { runInspect }, { renderResult }, { emit }, { useColor }] = await Promise.all([
      import('../../options/common-options.js'),
      import('../../api/inspect.js'),
      import('../../api/render.js'),
      import('../emit.js'),
      import('../io.js'),
    ]);
    const o = parseCommonOptions(files, raw);
    const result = await runInspect(o, { stdin: io.stdin });
    const text = await renderResult(result, o.format, useColor(io, o.color));
    // the issues are the output itself: the summary on stderr only counts the rows
    await emit(io, { text, output: o.output, input: result.input, warnings: [], quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
  });
  return cmd;
}
