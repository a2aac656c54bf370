/**
 * Validates a confidence level and returns it.
 *
 * A level is the two-sided coverage 1 − α of an interval and must lie strictly between
 * 0 and 1 (0.90, 0.95, 0.99 are typical). Anything else is a programmer error, so this
 * throws instead of returning a `null` estimate.
 *
 * @param level confidence level, e.g. 0.95
 * @returns the same level
 * @throws {RangeError} if `level` is not a finite number in (0, 1)
 * @example
 * checkLevel(0.95); // => 0.95
 */
export function checkLevel(level: number): number {
  if (!(Number.isFinite(level) && level > 0 && level < 1)) {
    throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  }
  return level;
}
