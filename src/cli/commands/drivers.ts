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
    const [{ parseDriversOptions }, { loadInput }, { driversResult }, { renderResult }, { emit }] = await Promise.all([
      import('../drivers-options.js'),
      import('../load-input.js'),
      import('../../analysis/drivers.js'),
      import('../render.js'),
      import('../emit.js'),
    ]);
    const o = parseDriversOptions(files, raw);
    const loaded = await loadInput(o, io);
    const result = driversResult(loaded, o);
    const text = await renderResult(result, o.format, io, o.color);
    emit(io, { text, output: o.output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
  });
  return cmd;
}
