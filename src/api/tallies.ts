/**
 * `readTallies`: a data set's Tallies — responses counted, or tally files merged — as the rows that
 * `--emit tallies --format json` writes (one object per tally-file row, docs/tallies.md). With
 * `every`, they are counted by period as `cxm trend --emit tallies` counts them.
 */
import type { Loaded } from '../fold/load.js';
import { inputSummary, loadWarnings, type InputSummary, type Warning } from '../analysis/result.js';
import { tallyTable, type TallyCell, type TallyTable } from '../analysis/tally-export.js';
import type { TallyPeriod } from '../model/tally-file.js';
import { parseCommonOptions, type CommonOptions } from '../options/common-options.js';
import { parseTrendOptions } from '../options/trend-options.js';
import { renderTallies } from '../report/render-tallies.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { refuseUnlessClean } from './strict.js';
import { loadTrend } from './trend.js';

export type TalliesOptions = OptionsOf<typeof COMMAND_OPTIONS.tallies>;

/** One row of a tally file: the group columns, then metric, point, count, weight sums, kind, meta. */
export type TallyRow = Record<string, TallyCell>;

export interface CountedTallies {
  table: TallyTable;
  input: InputSummary;
  warnings: Warning[];
}

/** The Tallies of a loaded data set, with what the run summary says about the reading. */
export function countedTallies(loaded: Loaded, period: TallyPeriod | null): CountedTallies {
  return { table: tallyTable(loaded, period), input: inputSummary(loaded.sources, loaded.fold.counts), warnings: loadWarnings(loaded) };
}

/** The Tallies of score's (or crosstab's) data set: no periods. */
export async function runTallies(o: CommonOptions, context: RunContext): Promise<CountedTallies> {
  return countedTallies(await loadInput(o, context), null);
}

export async function readTallies(files: readonly string[], options: TalliesOptions = {}, context: RunContext = {}): Promise<TallyRow[]> {
  const list = fileList('tallies', files);
  const { every, ...rest } = flagValues('tallies', options);
  let counted: CountedTallies;
  let strict: boolean;
  if (every === undefined) {
    const o = parseCommonOptions(list, rest);
    counted = await runTallies(o, context);
    strict = o.strict;
  } else {
    const o = parseTrendOptions(list, { ...rest, every });
    const trend = await loadTrend(o, context);
    counted = countedTallies(trend.loaded, trend.period);
    strict = o.strict;
  }
  if (strict) refuseUnlessClean(counted.input, counted.warnings);
  // the same text --emit tallies --format json writes, read back
  return JSON.parse(renderTallies(counted.table, 'json')) as TallyRow[];
}
