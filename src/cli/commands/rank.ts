/**
 * `cxm rank FILE… --by COL [--k 10|10%] [--seed N]`: a fair league table of one column's values —
 * raw and shrunken (empirical-Bayes) scores, credible intervals, ranks with their intervals, P(top k)
 * and P(bottom k), and the funnel limits each unit crosses; `--format svg` draws the funnel plot.
 * Declares the flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm rank reviews.csv --by airline
  cxm rank reviews.csv --by airline --k 5 --metric nps --format json
  cxm rank reviews.csv --by airline --format svg -o funnel.svg
  cxm rank --tallies tallies.csv --by store --seed 7`;

export function defineRank(program: Command, io: CliIo): Command {
  const cmd = program
    .command('rank')
    .summary('a fair league table: shrunken scores, rank intervals, P(top/bottom k), funnel limits')
    .description('Ranks the values of one column fairly: each unit\'s score is shrunk towards the others by an empirical-Bayes prior fitted across the units, with a credible interval, its rank with a rank interval, P(top k) and P(bottom k) from seeded posterior draws, and the funnel limits (95%, 99.8%) its raw score crosses')
    .argument('[files...]', 'CSV, JSON or NDJSON exports, or tally files with --tallies; - reads standard input')
    .option('--by <column>', 'the column whose values are ranked (one column)', collect)
    .option('--k <k>', 'the top and bottom sets of P(top k)/P(bottom k): a count of units (10) or a share of them (10%); default 10%');
  addScoringFlags(cmd, { emit: false, formats: 'table, json, csv, markdown or svg (the funnel plot) (default table)' });
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseRankOptions }, { runRank }, { emit, writeResult }, { runContext }] = await Promise.all([
      import('../../options/rank-options.js'),
      import('../../api/rank.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseRankOptions(files, raw);
    const result = await runRank(o, runContext(io, o.progress));
    if (!o.svg) return writeResult(io, result, o);
    const { rankFunnelSvg } = await import('../../report/rank-funnel-svg.js');
    await emit(io, { text: rankFunnelSvg(result), output: o.output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict });
  });
  return cmd;
}
