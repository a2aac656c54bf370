/**
 * Delivering a command's output: the rendered text to stdout or, with -o, atomically to a file; the
 * run summary to stderr unless --quiet. With --strict, invalid rows (and rows whose date cannot be
 * read) turn into exit 2 after the output is written, so a pipeline still sees what was computed.
 */
import { writeOutput } from '../io/write-output.js';
import { UsageError } from '../model/errors.js';
import { checkOutputExtension, isStdout, prepareOutputDirectory } from './output-target.js';
import type { InputSummary, Warning } from '../analysis/result.js';
import type { CommonOptions } from '../options/common-options.js';
import { summaryLines } from '../report/summary.js';
import { renderResult, type AnyResult, type RenderOptions } from '../api/render.js';
import { refuseUnlessClean } from '../api/strict.js';
import type { CountedTallies } from '../api/tallies.js';
import { useColor, type CliIo } from './io.js';

export interface Emission {
  text: string;
  output: string | undefined;
  input: InputSummary;
  warnings: Warning[];
  quiet: boolean;
  strict: boolean;
  /** the format written, to refuse an -o file of another format's extension */
  format?: string;
  /** false with --no-mkdir: a missing output directory is an error */
  mkdir?: boolean;
}

export async function emit(io: CliIo, e: Emission): Promise<void> {
  if (e.output && !isStdout(e.output)) {
    checkOutputExtension(e.output, e.format);
    prepareOutputDirectory(e.output, e.mkdir ?? true);
    await writeOutput(e.output, e.text);
  } else io.stdout.write(e.text);
  if (!e.quiet) io.stderr.write(`${summaryLines(e.input, e.warnings).join('\n')}\n`);
  if (e.strict) refuseUnlessClean(e.input, e.warnings);
}

/** A result in the --format asked for, delivered. */
export async function writeResult(io: CliIo, result: AnyResult, o: Pick<CommonOptions, 'format' | 'output' | 'quiet' | 'strict' | 'color' | 'mkdir'>, view: RenderOptions = {}): Promise<void> {
  const text = await renderResult(result, o.format, useColor(io, o.color), view);
  await emit(io, { text, output: o.output, input: result.input, warnings: result.warnings, quiet: o.quiet, strict: o.strict, format: o.format, mkdir: o.mkdir });
}

/** `--emit tallies`: the data set's Tallies as CSV (the default) or JSON, then the usual summary. */
export async function emitTallies(io: CliIo, o: CommonOptions, counted: CountedTallies): Promise<void> {
  const format = o.given.includes('format') ? o.format : 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--emit tallies writes csv or json, not ${format}`, 'use --format csv (the default) or --format json');
  const { renderTallies } = await import('../report/render-tallies.js');
  await emit(io, { text: renderTallies(counted.table, format), output: o.output, input: counted.input, warnings: counted.warnings, quiet: o.quiet, strict: o.strict, format, mkdir: o.mkdir });
}
