/** `drivers`: which segments (and comment tags) pull the score up or down: share, score, impact on the total. */
import type { DriversResult } from '../analysis/drivers.js';
import type { CommonOptions } from '../options/common-options.js';
import { parseDriversOptions } from '../options/drivers-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import type { RunContext } from './context.js';
import { loadInput } from './load-input.js';
import { finish } from './result-json.js';

export type DriversOptions = OptionsOf<typeof COMMAND_OPTIONS.drivers>;

export async function runDrivers(o: CommonOptions, context: RunContext): Promise<DriversResult> {
  const { driversResult } = await import('../analysis/drivers.js');
  return driversResult(await loadInput(o, context), o);
}

export async function drivers(files: readonly string[], options: DriversOptions = {}, context: RunContext = {}): Promise<DriversResult> {
  const o = parseDriversOptions(fileList('drivers', files), flagValues('drivers', options));
  return finish(await runDrivers(o, context), o);
}
