/**
 * `strict`: invalid rows, and rows whose date cannot be read, make the run an input error. The command
 * line writes its output first and then exits 2, so a pipeline still sees what was computed; a library
 * call rejects instead of resolving.
 */
import { InputError } from '../model/errors.js';
import type { InputSummary, Warning } from '../analysis/result.js';

export function refuseUnlessClean(input: InputSummary, warnings: readonly Warning[]): void {
  if (input.invalid > 0) {
    throw new InputError(`${input.invalid} invalid row${input.invalid === 1 ? '' : 's'} (--strict)`, undefined, 'see the rows listed above, or drop --strict to count and skip them');
  }
  if (warnings.some((w) => w.code === 'bad-date')) {
    throw new InputError('rows with a date that cannot be read (--strict)', undefined, 'see the rows listed above, or drop --strict to leave them out of the periods');
  }
}
