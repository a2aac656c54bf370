/** `rank`: a fair league table of one column's values (empirical-Bayes shrinkage, rank intervals, funnel limits). */
import type { RankResult } from '../analysis/rank.js';
import { parseRankOptions, type RankOptions as RankSettingsParsed } from '../options/rank-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type RankOptions = OptionsOf<typeof COMMAND_OPTIONS.rank>;

export async function runRank(o: RankSettingsParsed, context: RunContext): Promise<RankResult> {
  const { rankResult } = await import('../analysis/rank.js');
  return rankResult(await loadInput(o, context), o);
}

/** `rank(['reviews.csv'], { by: 'airline', k: '5' })` → the schema-v1 object. */
export async function rank(files: readonly string[], options: RankOptions = {}, context: RunContext = {}): Promise<RankResult> {
  const o = parseRankOptions(fileList('rank', files), flagValues('rank', options));
  return finish(await runRank(o, context), o);
}
