/**
 * `cxm trend FILE… --every week`: the score of every period, each against the one before, with an
 * optional rolling window and one series per segment with --by. Declares the flags; the work is
 * loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm trend responses.csv --every week
  cxm trend responses.csv --every month --by region --metric nps
  cxm trend responses.csv --every week --date submitted_at --tz Europe/Berlin --since 2026-02 --until 2026-04
  cxm trend responses.csv --every day --window 7 --format csv -o daily.csv
  cxm trend responses.csv --every quarter --join customers.csv --on email --per account --weight revenue
  cxm trend responses.csv --every day --by region --emit tallies -o daily-tallies.csv
  cxm trend --tallies daily-tallies.csv --every month --by region`;

export function defineTrend(program: Command, io: CliIo): Command {
  const cmd = program
    .command('trend')
    .summary('the score per period, each period against the one before')
    .description('Scores per day, week, month, quarter or year, every period from the first to the last; each change from the previous period is tested, adjusted across the table')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input')
    .option('--every <period>', 'day, week (default), month, quarter or year')
    .option('--by <columns>', 'one series per segment value (comma-separated or repeated)', collect)
    .option('--window <n>', 'also show a rolling score over the last N periods');
  addScoringFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseTrendOptions }, { loadTrend, runTrend }, { countedTallies }, { emitTallies, writeResult }, { runContext }] = await Promise.all([
      import('../../options/trend-options.js'),
      import('../../api/trend.js'),
      import('../../api/tallies.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseTrendOptions(files, raw);
    const context = runContext(io, o.progress);
    if (o.emit) {
      const trend = await loadTrend(o, context);
      return emitTallies(io, trend.o, countedTallies(trend.loaded, trend.period));
    }
    await writeResult(io, await runTrend(o, context), o);
  });
  return cmd;
}
