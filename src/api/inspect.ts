/** `inspect`: what cxm sees in a file — layout, encoding, delimiter, header rows, row counts and the issues found. */
import type { InspectResult } from '../analysis/inspect.js';
import { parseCommonOptions, type CommonOptions } from '../options/common-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import { stdinOf, type RunContext } from './context.js';
import { asJson } from './result-json.js';
import { refuseUnlessClean } from './strict.js';

export type InspectOptions = OptionsOf<typeof COMMAND_OPTIONS.inspect>;

export async function runInspect(o: CommonOptions, context: RunContext): Promise<InspectResult> {
  const { inspect } = await import('../analysis/inspect.js');
  return inspect({ ...o, stdin: stdinOf(context, o.files) });
}

export async function inspect(files: readonly string[], options: InspectOptions = {}, context: RunContext = {}): Promise<InspectResult> {
  const o = parseCommonOptions(fileList('inspect', files), flagValues('inspect', options));
  const result = await runInspect(o, context);
  // the issues are the result itself: strict looks at the invalid rows only
  if (o.strict) refuseUnlessClean(result.input, []);
  return asJson(result);
}
