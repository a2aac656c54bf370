/**
 * `cxm score FILE… [--by col,…]`: NPS, CSAT and CES with confidence intervals, overall and by
 * segment. Declares the flags; the work is loaded only when the command runs.
 */
import type { Command } from 'commander';
import { addScoringFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm score responses.csv
  cxm score responses.csv --by region
  cxm score responses.csv --by region,plan --metric nps,csat --level 0.9
  cxm score q1.csv q2.csv --method nps=score --format json -o scores.json
  cat responses.ndjson | cxm score - --by channel --format csv
  cxm score responses.csv --join customers.csv --on email --weight revenue --by tier
  cxm score responses.csv --join customers.csv --on email --per account --where 'region = EMEA'
  cxm score responses.csv --tags tags.json --by tag --since 2026-04
  cxm score responses.csv --by region,plan --emit tallies -o tallies.csv
  cxm score --tallies shard-1.csv shard-2.csv --by region`;

export function defineScore(program: Command, io: CliIo): Command {
  const cmd = program
    .command('score')
    .summary('scores with confidence intervals, overall and by segment')
    .description('NPS, CSAT and CES with confidence intervals, overall and by segment; each segment is tested against the rest')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input')
    .option('--by <columns>', 'segment columns, comma-separated (repeatable)', collect);
  addScoringFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseCommonOptions }, { runScore }, { runTallies }, { emitTallies, writeResult }, { runContext }] = await Promise.all([
      import('../../options/common-options.js'),
      import('../../api/score.js'),
      import('../../api/tallies.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseCommonOptions(files, raw);
    const context = runContext(io, o.progress);
    if (o.emit) return emitTallies(io, o, await runTallies(o, context));
    await writeResult(io, await runScore(o, context), o);
  });
  return cmd;
}
