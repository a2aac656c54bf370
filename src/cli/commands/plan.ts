/**
 * `cxm plan [FILE…] [--promoters P --detractors D | --share P] [--margin E] [--n N --n2 N2] [--power 0.8]
 * [--population N] [--response-rate R]`: the margin of error now, the answers needed for ±E, the change two
 * periods can detect, and the invitations to send. Declares the flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm plan --promoters 50 --detractors 20 --margin 5
  cxm plan --share 85 --margin 3 --population 2000 --response-rate 20%
  cxm plan --promoters 45 --detractors 25 --n 300 --n2 300 --power 0.9
  cxm plan responses.csv --margin 5 --response-rate 0.15
  cxm plan responses.csv --weight revenue --join customers.csv --on email --format json`;

export function definePlan(program: Command, io: CliIo): Command {
  const cmd = program
    .command('plan')
    .summary('margin of error, answers needed, detectable change, invitations to send')
    .description('From a file (its own shares, n and the design effect of its weights) or from figures: the margin of error at the current n, the answers needed for a margin of ±E (with the finite-population correction when --population is given), the smallest change between two periods of n and n2 answers detected at the power asked, and the invitations needed at a response rate')
    .argument('[files...]', 'CSV, JSON or NDJSON exports, or tally files with --tallies (or none, with figures)')
    .option('--promoters <percent>', 'NPS figures: the share of promoters, in percent (with --detractors)')
    .option('--detractors <percent>', 'NPS figures: the share of detractors, in percent')
    .option('--share <percent>', 'a percent metric\'s figure, e.g. 85 for 85% satisfied')
    .option('--margin <points>', 'the margin of error wanted, ± points (default 5)')
    .option('--n <n>', 'answers now (default: the file\'s); the first period of the detectable change')
    .option('--n2 <n>', 'answers in the second period (default: --n)')
    .option('--power <p>', 'power of the detectable change, e.g. 0.8 or 80% (default 0.8)')
    .option('--population <N>', 'units in the population (customers, accounts): finite-population correction')
    .option('--response-rate <r>', 'share of invitations answered, e.g. 0.2 or 20%: invitations to send');
  addScoringFlags(cmd, { emit: false });
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parsePlanOptions }, { runPlan }, { writeResult }, { runContext }] = await Promise.all([
      import('../../options/plan-options.js'),
      import('../../api/plan.js'),
      import('../emit.js'),
      import('../progress-bar.js'),
    ]);
    const o = parsePlanOptions(files, raw);
    await writeResult(io, await runPlan(o, runContext(io, o.progress)), { ...o, quiet: o.quiet || o.files.length === 0 });
  });
  return cmd;
}
