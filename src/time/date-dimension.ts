/**
 * Dimensions computed from a date column: the period of a trend (`2026-W05`), or which of two date
 * windows a row falls in (compare --period/--against). A row whose date is blank, does not parse or is
 * a placeholder (1970-01-01) gets no key: the Folder counts it as excluded, and it is logged here as a
 * `bad-date` or `placeholder-date` issue with its line. Rows outside --since/--until get no key either,
 * without an issue (they were left out on purpose).
 *
 * Exports are usually sorted by time, so the last date text and the last day are cached: a run of
 * rows from one day costs one parse and one comparison each.
 */
import type { IssueLog } from '../model/issues.js';
import type { SourceRecord } from '../io/record.js';
import { createDateParser, placeholderReason } from './dates.js';
import { isoBytesResult, parseIsoBytes } from './iso-bytes.js';
import { MS_PER_DAY } from './calendar.js';
import { periodIndex, periodLabel, type Every, type WeekStart } from './period.js';
import { createLocalDay, createWallClockInstant } from './time-zone.js';

/** Where a row's date is and how to read it (decided per source from sample values). */
export interface DateSource {
  column: string;
  index: number;
  /** recogniser names, best first (time/dates.ts) */
  formats: string[];
  /** IANA zone for instants; wall-clock times without a zone are taken as they are */
  timeZone: string;
  /** the zone the export says its wall-clock times are in (Qualtrics header row 3), if any */
  valueZone?: string;
}

/** The period of each row: `2026-W05`, `2026-01`… Days outside first..last give no key. */
export interface PeriodDimension {
  kind: 'period';
  name: string;
  date: DateSource;
  every: Every;
  weekStart: WeekStart;
  first: number | null;
  last: number | null;
}

/** Named, non-overlapping day ranges (compare's current and baseline periods); other days give no key. */
export interface DateWindowDimension {
  kind: 'date-window';
  name: string;
  date: DateSource;
  windows: { label: string; first: number; last: number }[];
}

export interface DateReaderContext {
  file: string;
  issues: IssueLog;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A record's local day number in the source's zone, or null (logged) when it has no usable date. */
export function createDayReader(date: DateSource, context: DateReaderContext): (record: SourceRecord) => number | null {
  const parse = createDateParser(date.formats);
  const localDay = createLocalDay(date.timeZone);
  const wallToInstant = date.valueZone && date.valueZone !== date.timeZone ? createWallClockInstant(date.valueZone) : null;
  const column = JSON.stringify(date.column);
  let lastKey: string | null = null;
  let lastDay: number | null = null;
  let lastProblem: { code: 'bad-date' | 'placeholder-date'; message: string } | null = null;

  const read = (key: string, record: SourceRecord): void => {
    lastKey = key;
    lastDay = null;
    lastProblem = null;
    let parsed = parse(key);
    if (parsed === null && NON_ASCII.test(key)) parsed = parse(record.keyText(key));
    if (parsed === null) {
      const text = record.keyText(key).trim();
      lastProblem = { code: 'bad-date', message: text === '' ? `column ${column}: no date` : `column ${column}: ${JSON.stringify(text)} is not a date cxm can read` };
      return;
    }
    const placeholder = placeholderReason(parsed);
    if (placeholder !== null) {
      lastProblem = { code: 'placeholder-date', message: `column ${column}: ${JSON.stringify(record.keyText(key).trim())} looks like a placeholder date (${placeholder}); left out of the periods` };
      return;
    }
    // a wall-clock time is a day as written, unless the export names the zone it was written in
    lastDay = parsed.zoned ? localDay(parsed.ms) : wallToInstant ? localDay(wallToInstant(parsed.ms)) : Math.floor(parsed.ms / MS_PER_DAY);
  };

  // the common ISO shapes straight from the bytes: no string per row (the text path handles the rest)
  const fast = date.formats[0] === 'iso-8601';
  const index = date.index;
  return (record) => {
    if (fast) {
      const ms = record.parseBytes(index, parseIsoBytes);
      if (!Number.isNaN(ms)) return isoBytesResult.zoned ? localDay(ms) : wallToInstant ? localDay(wallToInstant(ms)) : Math.floor(ms / MS_PER_DAY);
    }
    const key = record.key(index);
    if (key !== lastKey) read(key, record);
    if (lastProblem !== null) {
      context.issues.add({ code: lastProblem.code, file: context.file, line: record.line, column: date.column, value: record.keyText(key), message: lastProblem.message });
    }
    return lastDay;
  };
}

/** The period label of each row (the dimension key), cached per day. */
export function createPeriodKey(plan: PeriodDimension, context: DateReaderContext): (record: SourceRecord) => string | null {
  const dayOf = createDayReader(plan.date, context);
  const labels = new Map<number, string>();
  const first = plan.first ?? Number.NEGATIVE_INFINITY;
  const last = plan.last ?? Number.POSITIVE_INFINITY;
  return (record) => {
    const day = dayOf(record);
    if (day === null || day < first || day > last) return null;
    let label = labels.get(day);
    if (label === undefined) {
      label = periodLabel(periodIndex(day, plan.every, plan.weekStart), plan.every, plan.weekStart);
      labels.set(day, label);
    }
    return label;
  };
}

/** The window label of each row, or null outside every window. */
export function createWindowKey(plan: DateWindowDimension, context: DateReaderContext): (record: SourceRecord) => string | null {
  const dayOf = createDayReader(plan.date, context);
  return (record) => {
    const day = dayOf(record);
    if (day === null) return null;
    for (const w of plan.windows) if (day >= w.first && day <= w.last) return w.label;
    return null;
  };
}
