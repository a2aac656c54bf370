/** `trend`: scores per day, week, month, quarter or year, with the change between periods. */
import type { Loaded } from '../fold/load.js';
import type { TrendResult } from '../analysis/trend.js';
import { parseTrendOptions, periodRequest, withTallyPeriod, type TrendOptions as ParsedTrendOptions } from '../options/trend-options.js';
import type { TallyPeriod } from '../model/tally-file.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type TrendOptions = OptionsOf<typeof COMMAND_OPTIONS.trend>;

/**
 * The data set counted by period; from tally files, the options take the period settings the tallies
 * were counted with (`o` is returned with them), and `period` says what they are for --emit tallies.
 */
export async function loadTrend(o: ParsedTrendOptions, context: RunContext): Promise<{ loaded: Loaded; o: ParsedTrendOptions; period: TallyPeriod }> {
  const grouping = { kind: 'period' as const, every: o.every, weekStart: o.weekStart, first: o.first, last: o.last };
  const loaded = await loadInput(o, context, { date: { column: o.dateColumn, timeZone: o.timeZone, format: o.dateFormat, name: 'period', grouping }, period: periodRequest(o) });
  if (loaded.period) o = withTallyPeriod(o, loaded.period);
  const period = { every: o.every, weekStart: o.weekStart, timeZone: o.timeZone, date: loaded.date?.column ?? '', formats: loaded.date?.formats ?? [], since: o.since, until: o.until };
  return { loaded, o, period };
}

export async function runTrend(o: ParsedTrendOptions, context: RunContext): Promise<TrendResult> {
  const { trendResult } = await import('../analysis/trend.js');
  const trend = await loadTrend(o, context);
  return trendResult(trend.loaded, trend.o);
}

export async function trend(files: readonly string[], options: TrendOptions = {}, context: RunContext = {}): Promise<TrendResult> {
  const o = parseTrendOptions(fileList('trend', files), flagValues('trend', options));
  return finish(await runTrend(o, context), o);
}
