/** `crosstab`: scores over two segment columns with totals, each cell tested against the rest. */
import type { CrosstabResult } from '../analysis/crosstab.js';
import { parseCrosstabOptions, type CrosstabOptions as ParsedCrosstabOptions } from '../options/crosstab-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type CrosstabOptions = OptionsOf<typeof COMMAND_OPTIONS.crosstab>;

export async function runCrosstab(o: ParsedCrosstabOptions, context: RunContext): Promise<CrosstabResult> {
  const { crosstabResult } = await import('../analysis/crosstab.js');
  return crosstabResult(await loadInput(o, context), o);
}

export async function crosstab(files: readonly string[], options: CrosstabOptions = {}, context: RunContext = {}): Promise<CrosstabResult> {
  const o = parseCrosstabOptions(fileList('crosstab', files), flagValues('crosstab', options));
  return finish(await runCrosstab(o, context), o);
}
