/** `score`: NPS, CSAT and CES with intervals, overall and per segment of --by. */
import type { ScoreResult } from '../analysis/score.js';
import { parseCommonOptions, type CommonOptions } from '../options/common-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type ScoreOptions = OptionsOf<typeof COMMAND_OPTIONS.score>;

/** The command's work on parsed options (the command line calls this). */
export async function runScore(o: CommonOptions, context: RunContext): Promise<ScoreResult> {
  const { scoreResult } = await import('../analysis/score.js');
  return scoreResult(await loadInput(o, context), o);
}

/** `score(['responses.csv'], { by: ['region'], metric: ['nps'], level: 0.9 })` → the schema-v1 object. */
export async function score(files: readonly string[], options: ScoreOptions = {}, context: RunContext = {}): Promise<ScoreResult> {
  const o = parseCommonOptions(fileList('score', files), flagValues('score', options));
  return finish(await runScore(o, context), o);
}
