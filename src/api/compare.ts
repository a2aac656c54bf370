/** `compare`: the change from a baseline to the current data (two files, two sets, or two periods). */
import type { CompareResult } from '../analysis/compare.js';
import { parseCompareOptions, type CompareOptions as ParsedCompareOptions } from '../options/compare-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type CompareOptions = OptionsOf<typeof COMMAND_OPTIONS.compare>;

export async function runCompare(o: ParsedCompareOptions, context: RunContext): Promise<CompareResult> {
  const compare = await import('../analysis/compare.js');
  if (o.mode === 'files') {
    const current = await loadInput(o, context, { files: o.current });
    const baseline = await loadInput(o, context, { files: o.baseline });
    return compare.compareFilesResult(current, baseline, o);
  }
  const windows = [
    { label: compare.WINDOW_KEYS.current, first: o.current.first, last: o.current.last },
    { label: compare.WINDOW_KEYS.baseline, first: o.baseline.first, last: o.baseline.last },
  ];
  const loaded = await loadInput(o, context, { date: { column: o.dateColumn, timeZone: o.timeZone, format: o.dateFormat, name: '(compared period)', grouping: { kind: 'date-window', windows } } });
  return compare.comparePeriodsResult(loaded, { current: o.current, baseline: o.baseline, timeZone: o.timeZone }, o);
}

/** `compare(['now.csv', 'before.csv'])`, `compare([], { current, baseline })` or `compare(['r.csv'], { period, against })`. */
export async function compare(files: readonly string[], options: CompareOptions = {}, context: RunContext = {}): Promise<CompareResult> {
  const o = parseCompareOptions(fileList('compare', files), flagValues('compare', options));
  return finish(await runCompare(o, context), o);
}
