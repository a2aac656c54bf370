/**
 * `cxm check FILE --min nps=30 [--max-drop nps=5 --baseline OLD | --every week]`: thresholds for a CI
 * gate. Exit 0 when every check passes, 1 when any fails, 2 for usage or input errors. Declares the
 * flags; the work is loaded on use.
 */
import type { Command } from 'commander';
import { addScoringFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm check responses.csv --min nps=30
  cxm check responses.csv --min nps=30,csat=80 --by region --format junit -o cxm-check.xml
  cxm check new.csv --baseline old.csv --max-drop nps=5 --format github
  cxm check responses.csv --every week --as-of 2026-06-28 --max-drop nps=5 --min nps=20

Exit codes: 0 every check passed (or was low base under --on-low-base warn/pass), 1 a check failed,
2 usage or input error, 3 internal error.`;

export function defineCheck(program: Command, io: CliIo): Command {
  const cmd = program
    .command('check')
    .summary('fail a CI build when a score is credibly below a threshold or dropped too far')
    .description('Checks minimum scores (--min) and largest drops (--max-drop, against --baseline files or the previous --every period) overall and per segment; by default a check fails only on statistical evidence')
    .argument('[files...]', 'the current data: CSV, JSON or NDJSON exports; - reads standard input')
    .option('--min <metric=value>', 'a minimum score, e.g. nps=30 or csat=80 (repeatable, comma-separated)', collect)
    .option('--max-drop <metric=points>', 'the largest allowed drop, e.g. nps=5 (needs --baseline or --every)', collect)
    .option('--baseline <files...>', 'the files the current data is compared with for --max-drop')
    .option('--every <period>', 'compare the last complete day, week, month, quarter or year with the one before')
    .option('--as-of <date>', 'with --every: the last complete period on or before this date (default: the latest date in the data)')
    .option('--rule <rule>', 'credible (default: fail only when credibly below / significantly dropped), point, or assured (pass only when credibly above)')
    .option('--on-low-base <what>', 'a check with fewer than --min-n answers: pass, warn (default) or fail')
    .option('--on-stale <what>', 'with --every: no answer in the checked period (data ending before it): fail (default), warn or pass')
    .option('--by <columns>', 'also check every segment of these columns (comma-separated or repeated)', collect);
  addScoringFlags(cmd, { emit: false, formats: 'table (default), json, junit, github, markdown or csv' });
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const [{ parseCheckOptions }, { runCheck, checkFailure }, { renderCheck }, { emit }, { useColor }, { CheckFailed }, { runContext }] = await Promise.all([
      import('../../options/check-options.js'),
      import('../../api/check.js'),
      import('../../api/render.js'),
      import('../emit.js'),
      import('../io.js'),
      import('../../model/errors.js'),
      import('../progress-bar.js'),
    ]);
    const o = parseCheckOptions(files, raw);
    const result = await runCheck(o, runContext(io, o.progress));
    const text = await renderCheck(result, o.format, useColor(io, o.color));
    await emit(io, { text, output: o.output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
    const failure = checkFailure(result, o);
    if (failure !== null) throw new CheckFailed(failure);
  });
  return cmd;
}
