/**
 * `report`: the scheduled report of the last complete period — scores, changes, segments, history and a
 * sample of comments, with the inputs' hashes. Standard input is read once: hashed and copied on the
 * way, for the comment sample's second pass.
 */
import fs from 'node:fs';
import { InputError } from '../model/errors.js';
import type { ReportResult } from '../analysis/period-report.js';
import { parseReportOptions, type ReportOptions as ParsedReportOptions } from '../options/report-options.js';
import { type COMMAND_OPTIONS, fileList, flagValues, type OptionsOf } from './api-options.js';
import { stdinOf, type RunContext } from './context.js';
import { finish } from './result-json.js';
import { version } from './version.js';

export type ReportOptions = OptionsOf<typeof COMMAND_OPTIONS.report>;

export async function runReport(o: ParsedReportOptions, context: RunContext): Promise<ReportResult> {
  const [{ load, openOptions }, report, { dayRequest, pickPeriods }, { openSource }, hash] = await Promise.all([
    import('../fold/load.js'),
    import('../analysis/period-report.js'),
    import('../fold/period-select.js'),
    import('../io/read-source.js'),
    import('../io/input-hash.js'),
  ]);
  for (const file of o.files) if (file !== '-' && isStream(file)) throw new InputError('cxm report reads its data twice (the comment sample), and a pipe or FIFO can be read only once', { file }, 'give a file, or pipe it to standard input: … | cxm report -');
  const stdin = stdinOf(context, o.files);
  const copy = o.files.includes('-') && stdin ? new hash.StdinCopy(stdin) : null;
  try {
    const loaded = await load({ ...o, stdin: copy?.stream ?? stdin, ...(context.progress ? { progressDisplay: context.progress } : {}), date: dayRequest(o, o.asOf) });
    const pick = pickPeriods(loaded.fold, o.every, o.weekStart, o.asOf, loaded.sources[0].input.name);
    const hashes = [];
    for (const file of o.files) hashes.push({ file: file === '-' ? 'stdin' : file, ...(file === '-' ? copy!.finish() : await hash.sha256File(file)) });
    const again = [];
    for (const file of o.files) again.push(await openSource(file === '-' ? copy!.path : file, openOptions({ ...o, stdin: undefined })));
    const { sample, warnings } = await report.commentSample(again, loaded, pick, { timeZone: o.timeZone, dateFormat: o.dateFormat, limit: o.comments, comment: o.comment, first: o.first, last: o.last });
    for (const row of sample?.rows ?? []) if (row.file === copy?.path) row.file = 'stdin';
    const result = report.reportResult(loaded, pick, o, { hashes, comments: sample, version: version() });
    result.warnings.push(...warnings);
    return result;
  } finally {
    copy?.dispose();
  }
}

/** `report(['responses.csv'], { every: 'week', asOf: '2026-06-28' })`, or `report([], { config: 'weekly.json' })`. */
export async function report(files: readonly string[], options: ReportOptions = {}, context: RunContext = {}): Promise<ReportResult> {
  const o = parseReportOptions(fileList('report', files), flagValues('report', options));
  return finish(await runReport(o, context), o);
}

/** A path that names a pipe, FIFO or device (read once), not a regular file; missing paths fail later. */
function isStream(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}
