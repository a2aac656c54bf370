/**
 * `cxm drivers FILE… --by col[,col…]`: which segments (and comment tags) move the overall score, each
 * with its share, score, difference to the rest and impact on the total, sorted by impact. Declares the
 * flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addDateFlags, addEnrichFlags, addInputFlags, addOutputFlags, addStatsFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm drivers responses.csv --by region,plan,channel
  cxm drivers responses.csv --by region --tags tags.json --metric nps
  cxm drivers responses.csv --by industry,tier --join customers.csv --on email --weight revenue
  cxm drivers responses.csv --by plan --since 2026-04 --format csv -o drivers.csv`;

export function defineDrivers(program: Command, io: CliIo): Command {
  const cmd = program
    .command('drivers')
    .summary('which segments pull the score up or down: share, score, impact on the total')
    .description('For every value of every --by column (and every comment tag with --tags): its share of the answers, its score, its difference to everyone else and its impact on the total (share × difference), sorted by impact; differences tested and adjusted across the table')
    .argument('[files...]', 'CSV, JSON or NDJSON exports; - reads standard input')
    .option('--by <columns>', 'segment columns, comma-separated (repeatable); each is analysed on its own', collect);
  addEnrichFlags(cmd);
  addDateFlags(cmd);
  addInputFlags(cmd);
  addStatsFlags(cmd);
  addOutputFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseDriversOptions }, { runDrivers }, { writeResult }, { runContext }] = await Promise.all([
      import('../../options/drivers-options.js'),
      import('../../api/drivers.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseDriversOptions(files, raw);
    await writeResult(io, await runDrivers(o, runContext(io, o.progress)), o);
  });
  return cmd;
}
