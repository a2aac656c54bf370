/**
 * `--as-of DATE`: the day a report or a check is written for, instead of "today" (cxm never reads the
 * clock, so the same command gives the same output). Without it, the latest date in the data is used.
 */
import { UsageError } from '../model/errors.js';
import { parsePeriod } from '../time/period.js';

/** `2026-06-28` → its day number; undefined → null (take the latest date in the data). */
export function parseAsOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const parsed = parsePeriod(value);
  if (parsed?.every !== 'day') {
    throw new UsageError(`--as-of takes a date like 2026-06-28 (got ${JSON.stringify(value)})`, 'in a crontab: --as-of $(date +\\%F)');
  }
  return parsed.index;
}
