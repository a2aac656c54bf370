/** `plan`: margin of error, answers needed, the detectable change and invitations, from a file or figures. */
import type { PlanResult } from '../analysis/plan.js';
import { parsePlanOptions, type PlanOptions as PlanSettingsParsed } from '../options/plan-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type PlanOptions = OptionsOf<typeof COMMAND_OPTIONS.plan>;

export async function runPlan(o: PlanSettingsParsed, context: RunContext): Promise<PlanResult> {
  const { planFromData, planFromFigures } = await import('../analysis/plan.js');
  if (o.files.length === 0) return planFromFigures(o);
  return planFromData(await loadInput(o, context), o);
}

/** `plan([], { promoters: 50, detractors: 20, margin: 5 })` or `plan(['responses.csv'], { n2: 400 })` → the schema-v1 object. */
export async function plan(files: readonly string[], options: PlanOptions = {}, context: RunContext = {}): Promise<PlanResult> {
  const o = parsePlanOptions(fileList('plan', files), flagValues('plan', options));
  return finish(await runPlan(o, context), o);
}
