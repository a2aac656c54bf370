/**
 * Validates a count (or an effective, possibly non-integer, count) and returns it.
 *
 * Counts in `src/stats` may be non-integer because weighted data passes effective counts
 * `share × nEff`; they must be finite and non-negative. A negative or non-finite count is
 * a programmer error (the reader layer rejects bad rows before they get here).
 *
 * @param value the count
 * @param name what the count is, used in the error message (e.g. "promoters")
 * @returns the same value
 * @throws {RangeError} if `value` is negative, NaN or infinite
 * @example
 * checkCount(12.5, 'promoters'); // => 12.5
 */
export function checkCount(value: number, name: string): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite non-negative count, got ${value}`);
  }
  return value;
}
