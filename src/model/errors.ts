/**
 * The one error union of cxm. Only `src/cli/main.ts` turns these into stderr lines and exit codes:
 * usage and input errors exit 2, a failed check exits 1, anything else is an internal error (exit 3).
 */

/** Where in the input something happened; `line` is the physical line (the header is line 1). */
export interface Place {
  file: string;
  line?: number;
  column?: string;
}

abstract class CxmErrorBase extends Error {
  abstract readonly exitCode: number;
  /** A second line that helps, printed as `hint: …`. */
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** A bad flag, value or combination of options: the user can fix the command line. */
export class UsageError extends CxmErrorBase {
  readonly exitCode = 2;
  override readonly name = 'UsageError';
}

/** The input cannot be read as asked: missing file, no header, no score column, unclosed quote… */
export class InputError extends CxmErrorBase {
  readonly exitCode = 2;
  override readonly name = 'InputError';
  readonly place?: Place;
  constructor(message: string, place?: Place, hint?: string) {
    super(message, hint);
    this.place = place;
  }
}

/** A `check` that failed: exit 1, the report has already been written. */
export class CheckFailed extends CxmErrorBase {
  readonly exitCode = 1;
  override readonly name = 'CheckFailed';
}

export type CxmError = UsageError | InputError | CheckFailed;

export function isCxmError(error: unknown): error is CxmError {
  return error instanceof UsageError || error instanceof InputError || error instanceof CheckFailed;
}

/** `file:line: ` prefix of an error or issue message. */
export function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  return place.line === undefined ? `${place.file}: ` : `${place.file}:${place.line}: `;
}
