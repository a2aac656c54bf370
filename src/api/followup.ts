/** `followup`: the close-the-loop list — the respondents to call back, newest first. */
import type { FollowupResult } from '../analysis/followup.js';
import { parseFollowupOptions, type FollowupOptions as ParsedFollowupOptions } from '../options/followup-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import { stdinOf, type RunContext } from './context.js';
import { finish } from './result-json.js';

export type FollowupOptions = OptionsOf<typeof COMMAND_OPTIONS.followup>;

export async function runFollowup(o: ParsedFollowupOptions, context: RunContext): Promise<FollowupResult> {
  const [{ openSource }, { openOptions, rowScope }, followup] = await Promise.all([import('../io/read-source.js'), import('../fold/load.js'), import('../analysis/followup.js')]);
  const sources = [];
  for (const file of o.files) sources.push(await openSource(file, openOptions({ ...o, stdin: stdinOf(context, o.files) })));
  const scope = await rowScope(o, sources[0]);
  const { columns, settings } = followup.planFollowup(sources, o, scope);
  const collector = new followup.FollowupCollector(columns, settings, scope);
  await collector.read(sources);
  return followup.followupResult(sources, collector, columns, settings, scope);
}

export async function followup(files: readonly string[], options: FollowupOptions = {}, context: RunContext = {}): Promise<FollowupResult> {
  const o = parseFollowupOptions(fileList('followup', files), flagValues('followup', options));
  return finish(await runFollowup(o, context), o);
}
