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
import { createDateParser, placeholderReason } from '../io/dates.js';
import { isoBytesResult, parseIsoBytes } from '../io/iso-bytes.js';
import { MS_PER_DAY } from '../model/calendar.js';
import { periodIndex, periodLabel, type Every, type WeekStart } from './period.js';
import { createLocalDay } from './time-zone.js';

/** Where a row's date is and how to read it (decided per source from sample values). */
export interface DateSource {
  column: string;
  index: number;
  /** recogniser names, best first (io/dates.ts) */
  formats: string[];
  /** IANA zone for instants; wall-clock times without a zone are taken as they are */
  timeZone: string;
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
  const moment = new MomentReader(date, context);
  const localDay = createLocalDay(date.timeZone);
  return (record) => {
    const ms = moment.read(record);
    if (ms !== ms) return null;
    return moment.zoned ? localDay(ms) : Math.floor(ms / MS_PER_DAY);
  };
}

/**
 * A record's time in ms (an instant, or a wall-clock time when the value has no zone), or null (logged)
 * when it has no usable date: what orders answers for `--per-rule latest`.
 */
export function createInstantReader(date: DateSource, context: DateReaderContext): (record: SourceRecord) => number | null {
  const moment = new MomentReader(date, context);
  return (record) => {
    const ms = moment.read(record);
    return ms === ms ? ms : null;
  };
}

/**
 * The parsed date of a record in ms, NaN (logged as bad-date or placeholder-date) when unusable; `zoned`
 * says whether the last one read was an instant. Exports are usually sorted by time, so the last text
 * and its result are cached.
 */
class MomentReader {
  zoned = false;
  private readonly parse: ReturnType<typeof createDateParser>;
  private readonly column: string;
  private readonly fast: boolean;
  private readonly index: number;
  private lastKey: string | null = null;
  private lastMs = Number.NaN;
  private lastZoned = false;
  private lastProblem: { code: 'bad-date' | 'placeholder-date'; message: string } | null = null;

  constructor(
    private readonly date: DateSource,
    private readonly context: DateReaderContext,
  ) {
    this.parse = createDateParser(date.formats);
    this.column = JSON.stringify(date.column);
    // the common ISO shapes straight from the bytes: no string per row (the text path handles the rest)
    this.fast = date.formats[0] === 'iso-8601';
    this.index = date.index;
  }

  read(record: SourceRecord): number {
    if (this.fast) {
      const ms = record.parseBytes(this.index, parseIsoBytes);
      if (ms === ms) {
        this.zoned = isoBytesResult.zoned;
        return ms;
      }
    }
    const key = record.key(this.index);
    if (key !== this.lastKey) this.decode(key, record);
    if (this.lastProblem !== null) {
      const { code, message } = this.lastProblem;
      this.context.issues.add({ code, file: this.context.file, line: record.line, column: this.date.column, value: record.keyText(key), message });
    }
    this.zoned = this.lastZoned;
    return this.lastMs;
  }

  private decode(key: string, record: SourceRecord): void {
    this.lastKey = key;
    this.lastMs = Number.NaN;
    this.lastProblem = null;
    let parsed = this.parse(key);
    if (parsed === null && NON_ASCII.test(key)) parsed = this.parse(record.keyText(key));
    if (parsed === null) {
      const text = record.keyText(key).trim();
      this.lastProblem = { code: 'bad-date', message: text === '' ? `column ${this.column}: no date` : `column ${this.column}: ${JSON.stringify(text)} is not a date cxm can read` };
      return;
    }
    const placeholder = placeholderReason(parsed);
    if (placeholder !== null) {
      this.lastProblem = { code: 'placeholder-date', message: `column ${this.column}: ${JSON.stringify(record.keyText(key).trim())} looks like a placeholder date (${placeholder}); left out of the periods` };
      return;
    }
    this.lastMs = parsed.ms;
    this.lastZoned = parsed.zoned;
  }
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
