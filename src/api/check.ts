/**
 * `check`: thresholds for a CI gate. The library resolves with the verdicts and the exit code the
 * command line would end with (0 every check passed, 1 a check failed) instead of exiting.
 */
import type { CheckResult } from '../analysis/check.js';
import { checkJson, type CheckJson } from '../report/check.js';
import { parseCheckOptions, type CheckOptions as ParsedCheckOptions } from '../options/check-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { dayTallyRequest, loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type CheckOptions = OptionsOf<typeof COMMAND_OPTIONS.check>;

/** The check's schema-v1 object (each verdict with its reason) and the exit code. */
export type CheckVerdicts = CheckJson & { exitCode: 0 | 1 };

async function verdicts(o: ParsedCheckOptions, context: RunContext): Promise<CheckResult> {
  const [check, { dayRequest, pickPeriods }] = await Promise.all([import('../analysis/check.js'), import('../fold/period-select.js')]);
  if (o.mode === 'files') {
    const current = await loadInput(o, context, { files: o.current });
    const baseline = await loadInput(o, context, { files: o.baseline });
    return check.checkFilesResult(current, baseline, o);
  }
  if (o.mode === 'periods') {
    const loaded = await loadInput(o, context, { date: dayRequest(o, o.asOf), period: dayTallyRequest(o, o.asOf) });
    const pick = pickPeriods(loaded.fold, o.every, o.weekStart, o.asOf, loaded.sources[0].input.name);
    return check.checkPeriodsResult(loaded, pick, o);
  }
  return check.checkFileResult(await loadInput(o, context), o);
}

/**
 * The checks of a run with the run's own outcomes added (stale data comes with the periods): --strict with invalid rows (the run then stops with
 * exit 2 after its output, and the output says so: never "OK" before a non-zero exit).
 */
export async function runCheck(o: ParsedCheckOptions, context: RunContext): Promise<CheckResult> {
  const { addOutcome, strictOutcome } = await import('../analysis/check.js');
  const result = await verdicts(o, context);
  const strict = strictOutcome(result, o.strict);
  if (strict) addOutcome(result, strict);
  return result;
}

/** The message of a run that fails (`2 checks failed`), or null when it passes. */
export function checkFailure(result: Pick<CheckResult, 'summary'>, o: Pick<ParsedCheckOptions, 'onLowBase'>): string | null {
  if (result.summary.ok) return null;
  const failed = result.summary.failed + (o.onLowBase === 'fail' ? result.summary.lowBase : 0);
  const stale = result.summary.outcomes?.find((x) => x.code === 'stale' && x.status === 'fail');
  return failed === 0 && stale ? stale.message : `${failed} check${failed === 1 ? '' : 's'} failed`;
}

export async function check(files: readonly string[], options: CheckOptions = {}, context: RunContext = {}): Promise<CheckVerdicts> {
  const o = parseCheckOptions(fileList('check', files), flagValues('check', options));
  const result = await runCheck(o, context);
  const verdicts = finish(checkJson(result), o);
  return { ...verdicts, exitCode: checkFailure(result, o) === null ? 0 : 1 };
}
