/**
 * `cxm crosstab FILE… --rows A --cols B`: a matrix of scores over two segment columns with totals;
 * each cell tested against everyone outside it. Declares the flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm crosstab responses.csv --rows region --cols plan
  cxm crosstab responses.csv --rows region --cols plan --metric nps,csat --ci
  cxm crosstab responses.csv --rows region --cols channel --min-n 50 --suppress-low
  cxm crosstab responses.csv --rows region --cols plan --format csv -o regions-by-plan.csv
  cxm crosstab responses.csv --rows tag --cols region --tags tags.json --where 'plan != Free'
  cxm crosstab --tallies tallies.csv --rows region --cols plan`;

export function defineCrosstab(program: Command, io: CliIo): Command {
  const cmd = program
    .command('crosstab')
    .summary('a matrix of scores over two segment columns, with totals')
    .description('Scores over two segment columns (--rows, --cols) with row, column and grand totals; each cell is tested against all respondents outside it, adjusted across the cells')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input')
    .option('--rows <column>', 'the segment column whose values make the rows')
    .option('--cols <column>', 'the segment column whose values make the columns')
    .option('--ci', 'show each cell\'s confidence interval')
    .option('--suppress-low', 'blank the estimates of cells under --min-n instead of dimming them');
  addScoringFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseCrosstabOptions }, { runCrosstab }, { runTallies }, { emitTallies, writeResult }, { runContext }] = await Promise.all([
      import('../../options/crosstab-options.js'),
      import('../../api/crosstab.js'),
      import('../../api/tallies.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseCrosstabOptions(files, raw);
    const context = runContext(io, o.progress);
    if (o.emit) return emitTallies(io, o, await runTallies(o, context));
    await writeResult(io, await runCrosstab(o, context), o, { ci: o.ci });
  });
  return cmd;
}
