/**
 * Delivering a command's output: the rendered text to stdout or, with -o, atomically to a file; the
 * run summary to stderr unless --quiet. With --strict, invalid rows (and rows whose date cannot be
 * read) turn into exit 2 after the output is written, so a pipeline still sees what was computed.
 */
import { InputError } from '../model/errors.js';
import { writeFileAtomic } from '../io/write-output.js';
import { checkOutputExtension, isStdout, prepareOutputDirectory } from './output-target.js';
import type { InputSummary, Warning } from '../analysis/result.js';
import { summaryLines } from '../report/summary.js';
import type { CliIo } from './io.js';

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

export function emit(io: CliIo, e: Emission): void {
  if (e.output && !isStdout(e.output)) {
    checkOutputExtension(e.output, e.format);
    prepareOutputDirectory(e.output, e.mkdir ?? true);
    writeFileAtomic(e.output, e.text);
  } else io.stdout.write(e.text);
  if (!e.quiet) io.stderr.write(`${summaryLines(e.input, e.warnings).join('\n')}\n`);
  if (e.strict && e.input.invalid > 0) {
    throw new InputError(`${e.input.invalid} invalid row${e.input.invalid === 1 ? '' : 's'} (--strict)`, undefined, 'see the rows listed above, or drop --strict to count and skip them');
  }
  if (e.strict && e.warnings.some((w) => w.code === 'bad-date')) {
    throw new InputError('rows with a date that cannot be read (--strict)', undefined, 'see the rows listed above, or drop --strict to leave them out of the periods');
  }
}
