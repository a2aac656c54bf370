/**
 * A row's date when the row itself is kept (the close-the-loop list): its calendar day in the --tz zone,
 * for --since/--until, and its time, to put the newest first. Reads like the trend's day reader
 * (date-dimension.ts), ISO shapes from the bytes and anything else through the column's recognisers,
 * and logs unreadable and placeholder dates the same way.
 */
import type { SourceRecord } from '../io/record.js';
import { createDateParser, placeholderReason } from './dates.js';
import { isoBytesResult, parseIsoBytes } from './iso-bytes.js';
import { MS_PER_DAY } from './calendar.js';
import type { DateReaderContext, DateSource } from './date-dimension.js';
import { createLocalDay, createWallClockInstant } from './time-zone.js';

export interface RowDate {
  /** local day number in the zone */
  day: number;
  /** milliseconds: an instant, or a wall-clock time for dates written without a zone */
  ms: number;
}

export function createRowDateReader(date: DateSource, context: DateReaderContext): (record: SourceRecord) => RowDate | null {
  const parse = createDateParser(date.formats);
  const localDay = createLocalDay(date.timeZone);
  const column = JSON.stringify(date.column);
  // a wall-clock time is a day as written, unless the export names the zone it was written in
  const wallToInstant = date.valueZone && date.valueZone !== date.timeZone ? createWallClockInstant(date.valueZone) : null;
  const dayOf = (ms: number, zoned: boolean) => (zoned ? localDay(ms) : wallToInstant ? localDay(wallToInstant(ms)) : Math.floor(ms / MS_PER_DAY));
  return (record) => {
    if (date.formats[0] === 'iso-8601') {
      const ms = record.parseBytes(date.index, parseIsoBytes);
      if (!Number.isNaN(ms)) return { day: dayOf(ms, isoBytesResult.zoned), ms };
    }
    const text = record.text(date.index).trim();
    const parsed = text === '' ? null : parse(text);
    const problem = parsed === null ? null : placeholderReason(parsed);
    if (parsed === null || problem !== null) {
      const message =
        parsed === null
          ? text === ''
            ? `column ${column}: no date`
            : `column ${column}: ${JSON.stringify(text)} is not a date cxm can read`
          : `column ${column}: ${JSON.stringify(text)} looks like a placeholder date (${problem})`;
      context.issues.add({ code: parsed === null ? 'bad-date' : 'placeholder-date', file: context.file, line: record.line, column: date.column, value: text, message });
      return null;
    }
    return { day: dayOf(parsed.ms, parsed.zoned), ms: parsed.ms };
  };
}
