/**
 * The time of each row for `--per-rule latest`: which of an entity's answers is the latest. Reads the
 * date column like the trend's day reader (the same layouts, the same bad-date and placeholder-date
 * issues) but keeps the instant, not the day. Wall-clock times are taken in the zone the export names
 * for them, else as written (the order of answers within one file is what matters here).
 */
import { createDateParser, placeholderReason } from './dates.js';
import type { SourceRecord } from '../io/record.js';
import type { DateReaderContext, DateSource } from './date-dimension.js';
import { createWallClockInstant } from './time-zone.js';

/** A record's time in ms, or null (logged) when it has no usable date. */
export function createInstantReader(date: DateSource, context: DateReaderContext): (record: SourceRecord) => number | null {
  const parse = createDateParser(date.formats);
  const wallToInstant = date.valueZone ? createWallClockInstant(date.valueZone) : null;
  const column = JSON.stringify(date.column);
  let lastKey: string | null = null;
  let lastMs: number | null = null;
  let lastProblem: { code: 'bad-date' | 'placeholder-date'; message: string } | null = null;
  return (record) => {
    const key = record.key(date.index);
    if (key !== lastKey) {
      lastKey = key;
      lastMs = null;
      lastProblem = null;
      const text = record.keyText(key).trim();
      const parsed = parse(text);
      const placeholder = parsed === null ? null : placeholderReason(parsed);
      if (parsed === null) lastProblem = { code: 'bad-date', message: text === '' ? `column ${column}: no date` : `column ${column}: ${JSON.stringify(text)} is not a date cxm can read` };
      else if (placeholder !== null) lastProblem = { code: 'placeholder-date', message: `column ${column}: ${JSON.stringify(text)} looks like a placeholder date (${placeholder}); the row is left out` };
      else lastMs = parsed.zoned || !wallToInstant ? parsed.ms : wallToInstant(parsed.ms);
    }
    if (lastProblem !== null) context.issues.add({ ...lastProblem, file: context.file, line: record.line, column: date.column, value: record.keyText(key) });
    return lastMs;
  };
}
