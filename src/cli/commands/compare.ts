/**
 * `cxm compare CURRENT BASELINE`, `--current FILES --baseline FILES`, or `FILE --period P --against Q`:
 * the change between two data sets or two periods, overall and by segment. Declares the flags; the
 * work is loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm compare 2026-q2.csv 2026-q1.csv --by region
  cxm compare --current 'exports/2026-06-*.csv' --baseline 'exports/2026-05-*.csv' --metric nps
  cxm compare responses.csv --period 2026-W05 --against 2026-W04 --by region
  cxm compare responses.csv --period 2026-Q2 --against 2026-Q1 --format json
  cxm compare responses.csv --period 2026-Q2 --against 2026-Q1 --tags tags.json --by tag
  cxm compare --tallies june-tallies.csv may-tallies.csv --by region`;

export function defineCompare(program: Command, io: CliIo): Command {
  const cmd = program
    .command('compare')
    .summary('current against baseline: two files, two sets of files or two periods')
    .description('The change from a baseline to the current data (two files, --current/--baseline sets, or --period/--against of one file), overall and by segment, with the interval of the difference and adjusted p')
    .argument('[files...]', 'CURRENT BASELINE, or the file(s) whose periods are compared')
    .option('--current <files...>', 'the current files (patterns with * and ? are expanded)')
    .option('--baseline <files...>', 'the baseline files')
    .option('--period <period>', 'the current period: 2026-W05, 2026-01, 2026-Q1, 2026-01-05, or FROM..TO')
    .option('--against <period>', 'the baseline period, same forms as --period')
    .option('--by <columns>', 'segment columns, comma-separated (repeatable)', collect);
  addScoringFlags(cmd, { emit: false });
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseCompareOptions }, { runCompare }, { writeResult }, { runContext }] = await Promise.all([
      import('../../options/compare-options.js'),
      import('../../api/compare.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseCompareOptions(files, raw);
    await writeResult(io, await runCompare(o, runContext(io, o.progress)), o);
  });
  return cmd;
}
