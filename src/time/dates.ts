/**
 * Date cells: a list of recognisers, each reading one family of layouts, and a per-column decision
 * that picks, from sample values, which recognisers a column uses and in which order.
 *
 * A parsed date is either an instant (the text carried a zone or offset, or is unix time) or a
 * wall-clock time with no zone, which the caller reads in the time zone the user gave (--tz).
 *
 * Adding a layout means adding a recogniser to DATE_RECOGNIZERS. Layouts that read the same text two
 * ways (03/04/2024: March 4 or 3 April) share an `ambiguityGroup`: a column uses at most one member
 * of a group, the one that reads the most sample values (a day above 12 settles it); a tie is
 * reported as ambiguous so the caller can ask the user.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY } from './calendar.js';
import { ZONE_WORDS } from './zone-words.js';

export interface ParsedDate {
  /**
   * zoned: milliseconds since 1970-01-01T00:00Z (an instant);
   * not zoned: milliseconds since 1970-01-01T00:00 of the wall clock (read in the user's zone)
   */
  ms: number;
  zoned: boolean;
}

export interface DateRecognizer {
  /** stable name (settings, plans sent to worker threads) */
  name: string;
  /** what it reads, for messages and docs */
  example: string;
  /** recognisers that read the same text differently; a column uses one member at most */
  ambiguityGroup?: string;
  /** the date, or null when the text is not in this layout or is not a real date */
  parse(text: string): ParsedDate | null;
}

/** The years a date may have (see dateFromParts). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** The last date turned into a day number: rows of one day in a row cost one comparison. */
let lastCivil = { year: 0, month: 0, day: 0, days: 0 as number | null };

/** Day number of a civil date, or null when the date does not exist (31 April). */
function dayNumber(year: number, month: number, day: number): number | null {
  const c = lastCivil;
  if (c.day === day && c.month === month && c.year === year) return c.days;
  const days = month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ? null : daysFromCivil(year, month, day);
  lastCivil = { year, month, day, days };
  return days;
}

/** Builds a date from parts, or null when a part is out of range (month 13, 31 April, 25:00). */
export function dateFromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  offsetMinutes: number | null = null,
): ParsedDate | null {
  if (hour > 23 || minute > 59 || second > 60) return null;
  // a year outside MIN_YEAR–MAX_YEAR is no survey answer's (0000 and 9999 are placeholders) and has no
  // four-digit period label in every zone: an unreadable date, counted with its line
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const days = dayNumber(year, month, day);
  if (days === null) return null;
  // a leap second (23:59:60) is read as the last moment of its minute
  const secondMs = second === 60 ? 59_999 : second * 1000 + millisecond;
  const ms = days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + secondMs;
  if (offsetMinutes === null) return { ms, zoned: false };
  return { ms: ms - offsetMinutes * 60_000, zoned: true };
}

/**
 * `Z`, `+01:00`, `+0100`, `-05`, `UTC`, `GMT`, `GMT+1`, `UTC-03:30`, and abbreviations such as `CET`,
 * `EST`, `AST` (zone-words.ts) → minutes east of UTC; undefined when not a zone.
 */
export function parseZone(zone: string): number | undefined {
  if (zone === '') return undefined;
  const word = ZONE_WORDS.get(zone.toUpperCase());
  if (word !== undefined) return word;
  const m = /^(?:(?:UTC|GMT|Z)\s*)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(zone);
  if (!m) return undefined;
  if (m[1] === undefined) return /^(Z|UTC|GMT)$/i.test(zone) ? 0 : undefined;
  // a bare offset must have two hour digits (+01, +0100, +01:00); after UTC/GMT one is enough (GMT+1)
  if (!/^(UTC|GMT)/i.test(zone) && m[2].length !== 2) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 18 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** A matched zone group: null when there is none, undefined when it is there but not a zone. */
function optionalZone(text: string | undefined): number | null | undefined {
  return text === undefined ? null : parseZone(text.replace(/\s+/g, ''));
}

/** The digits after a decimal point of seconds, as milliseconds (`250` → 250, `5` → 500, `123456` → 123). */
function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([zZ]|[+-][\d:]{2,5}|(?:UTC|GMT)(?:\s*[+-][\d:]{1,5})?|[A-Z]{2,4})?)?$/i;

/** ISO 8601 dates and date-times, with `T` or a space, fractions, `Z`, offsets or UTC/GMT words. */
const isoRecognizer: DateRecognizer = {
  name: 'iso-8601',
  example: '2026-01-05, 2026-01-05T14:03:30Z, 2026-01-05 14:03:30.250+01:00, 2026-01-05 14:03:30 UTC',
  parse(text) {
    const fast = parseIsoFast(text);
    if (fast !== undefined) return fast;
    const m = ISO.exec(text);
    if (!m) return null;
    const offset = optionalZone(m[8]);
    if (offset === undefined) return null;
    return dateFromParts(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 0 : Number(m[4]), m[5] === undefined ? 0 : Number(m[5]), m[6] === undefined ? 0 : Number(m[6]), fractionMs(m[7]), offset);
  },
};

/** Two ASCII digits at i as a number, or -1. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The common shapes without a regular expression (exports have one per row): `YYYY-MM-DD`,
 * `YYYY-MM-DD[T ]HH:MM[:SS]` then nothing, `Z`, `±HH:MM`, `±HHMM` or `±HH`. Undefined for any other
 * shape (the full pattern decides), null for a real shape with impossible values.
 */
function parseIsoFast(text: string): ParsedDate | null | undefined {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const hi = digits2(text, 0);
  const lo = digits2(text, 2);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  if (hi < 0 || lo < 0 || month < 0 || day < 0) return undefined;
  const year = hi * 100 + lo;
  if (n === 10) return dateFromParts(year, month, day);
  const sep = text.charCodeAt(10);
  if ((sep !== 84 && sep !== 32 && sep !== 116) || n < 16 || text.charCodeAt(13) !== 58) return undefined;
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  if (hour < 0 || minute < 0) return undefined;
  let i = 16;
  let second = 0;
  if (i < n && text.charCodeAt(i) === 58) {
    second = digits2(text, i + 1);
    if (second < 0) return undefined;
    i += 3;
  }
  if (i === n) return dateFromParts(year, month, day, hour, minute, second);
  const c = text.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === n) return dateFromParts(year, month, day, hour, minute, second, 0, 0);
  if (c !== 43 && c !== 45) return undefined;
  const oh = digits2(text, i + 1);
  if (oh < 0) return undefined;
  let om = 0;
  const rest = n - i - 3;
  if (rest === 3 && text.charCodeAt(i + 3) === 58) om = digits2(text, i + 4);
  else if (rest === 2) om = digits2(text, i + 3);
  else if (rest !== 0) return undefined;
  if (om < 0 || oh > 18 || om > 59) return undefined;
  return dateFromParts(year, month, day, hour, minute, second, 0, (c === 45 ? -1 : 1) * (oh * 60 + om));
}

/** Unix time in seconds: 10 digits (2001-09-09 to 2286), optionally with a fraction. */
const unixSecondsRecognizer: DateRecognizer = {
  name: 'unix-seconds',
  example: '1767225600',
  parse(text) {
    if (!/^\d{10}(\.\d+)?$/.test(text)) return null;
    return { ms: Math.floor(Number(text) * 1000), zoned: true };
  },
};

/** Unix time in milliseconds: 13 digits. */
const unixMillisecondsRecognizer: DateRecognizer = {
  name: 'unix-milliseconds',
  example: '1767225600000',
  parse(text) {
    if (!/^\d{13}$/.test(text)) return null;
    return { ms: Number(text), zoned: true };
  },
};

/**
 * The time after a regional date: `14:03`, `14:03:30`, `2:03:30 PM`, `2:03 p.m.`, then an optional
 * zone (`GMT+1`, `UTC`, `AST`, `+01:00`). Returns [hour, minute, second, millisecond, offset or null],
 * or null when the text is not a time.
 */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(\S.*))?$/;

function parseTime(text: string): [number, number, number, number, number | null] | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  if (m[5] !== undefined) {
    // 12-hour clock: 12 AM is midnight, 12 PM noon
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[5].toLowerCase() === 'p' ? 12 : 0);
  }
  const offset = optionalZone(m[6]);
  if (offset === undefined) return null;
  return [hour, Number(m[2]), m[3] === undefined ? 0 : Number(m[3]), fractionMs(m[4]), offset];
}

/** A two-digit year as spreadsheets read it: 00–29 are 2000–2029, 30–99 are 1930–1999. */
export function fullYear(digits: string): number {
  const y = Number(digits);
  return digits.length > 2 ? y : y <= 29 ? 2000 + y : 1900 + y;
}

/** Splits `1/14/26 19:06:23` into the date and the rest (time, zone), at the first space, comma or `T`. */
const REGIONAL = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:(?:,?\s+|T)(.+))?$/;

/** A regional date in the given field order; the separators each order accepts are `separators`. */
function regionalDate(order: 'mdy' | 'dmy' | 'ymd', separators: string): (text: string) => ParsedDate | null {
  return (text) => {
    const m = REGIONAL.exec(text);
    if (!m || !separators.includes(m[2])) return null;
    const [a, b, c] = [m[1], m[3], m[4]];
    let year: string;
    let month: number;
    let day: number;
    if (order === 'ymd') {
      if (a.length !== 4 || c.length > 2) return null;
      [year, month, day] = [a, Number(b), Number(c)];
    } else {
      if (a.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
      year = c;
      [month, day] = order === 'mdy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    }
    if (m[5] === undefined) return dateFromParts(fullYear(year), month, day);
    const time = parseTime(m[5].trim());
    if (!time) return null;
    return dateFromParts(fullYear(year), month, day, ...time);
  };
}

/** Google Forms' CSV and some spreadsheets: the year first with slashes or dots, `2022/06/22 11:07:29 AM GMT+1`. */
const yearMonthDayRecognizer: DateRecognizer = {
  name: 'year-month-day',
  example: '2022/06/22 11:07:29 AM GMT+1',
  parse: regionalDate('ymd', '/.'),
};

/** US order: `6/22/2022`, `01/14/2026 11:07:29 AM`, `1/14/26 19:06` (Microsoft Forms, SurveyMonkey, Sheets en_US). */
const monthDayYearRecognizer: DateRecognizer = {
  name: 'month-day-year',
  example: '1/14/2026 11:07:29 AM, 1/14/26 19:06',
  ambiguityGroup: 'day-month-order',
  parse: regionalDate('mdy', '/-'),
};

/** Day first: `22/06/2022` (Sheets en_GB), `14.01.2026 12:07` (European Excel), `13-03-2015`. */
const dayMonthYearRecognizer: DateRecognizer = {
  name: 'day-month-year',
  example: '22/06/2022, 14.01.2026 12:07',
  ambiguityGroup: 'day-month-order',
  parse: regionalDate('dmy', '/.-'),
};

/** Every layout cxm reads, in the order tried when samples do not decide. */
export const DATE_RECOGNIZERS: readonly DateRecognizer[] = [
  isoRecognizer,
  unixSecondsRecognizer,
  unixMillisecondsRecognizer,
  yearMonthDayRecognizer,
  monthDayYearRecognizer,
  dayMonthYearRecognizer,
];

/** `--date-format` spellings: a recogniser's name, or a short one. */
export const DATE_FORMAT_ALIASES: Record<string, string> = {
  iso: 'iso-8601',
  unix: 'unix-seconds',
  'unix-ms': 'unix-milliseconds',
  ymd: 'year-month-day',
  mdy: 'month-day-year',
  dmy: 'day-month-year',
  us: 'month-day-year',
};

/** The recogniser a `--date-format` value names, or null. */
export function dateFormatNamed(name: string): string | null {
  const key = name.trim().toLowerCase();
  const resolved = DATE_FORMAT_ALIASES[key] ?? key;
  return DATE_RECOGNIZERS.some((r) => r.name === resolved) ? resolved : null;
}

export interface DateFormatDecision {
  /** recogniser names to try, best first */
  formats: string[];
  /** non-blank samples and how many the first format read */
  samples: number;
  read: number;
  /** an ambiguity group no sample settles (e.g. all of 03/04/2024, 05/06/2024): the user must say */
  ambiguous: string[] | null;
}

/**
 * Which recognisers a column uses, from sample values: those that read at least one sample, the one
 * reading the most first; of an ambiguity group only its best member. With no readable sample, all
 * unambiguous recognisers in their default order (bad values are then reported row by row).
 * `forced` names one recogniser (a --date-format flag): it alone is used.
 */
export function decideDateFormat(samples: string[], forced?: string, recognizers: readonly DateRecognizer[] = DATE_RECOGNIZERS): DateFormatDecision {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (forced !== undefined) {
    const r = recognizers.find((x) => x.name === forced);
    if (!r) throw new Error(`unknown date format ${forced}`);
    return { formats: [r.name], samples: values.length, read: values.filter((v) => r.parse(v) !== null).length, ambiguous: null };
  }
  const scored = recognizers.map((r, order) => ({ r, order, read: values.filter((v) => r.parse(v) !== null).length }));
  const groups = new Map<string, typeof scored>();
  for (const s of scored) if (s.r.ambiguityGroup) groups.set(s.r.ambiguityGroup, [...(groups.get(s.r.ambiguityGroup) ?? []), s]);
  let ambiguous: string[] | null = null;
  const losers = new Set<DateRecognizer>();
  for (const members of groups.values()) {
    const best = Math.max(...members.map((m) => m.read));
    const top = members.filter((m) => m.read === best);
    if (best > 0 && top.length > 1) ambiguous = top.map((m) => m.r.name);
    for (const m of members) if (m !== top[0] || best === 0) losers.add(m.r);
  }
  const readable = scored.filter((s) => s.read > 0 && !losers.has(s.r));
  if (readable.length === 0) {
    return { formats: scored.filter((s) => !s.r.ambiguityGroup).map((s) => s.r.name), samples: values.length, read: 0, ambiguous };
  }
  readable.sort((a, b) => b.read - a.read || a.order - b.order);
  return { formats: readable.map((s) => s.r.name), samples: values.length, read: readable[0].read, ambiguous };
}

/** A parser that tries the column's recognisers in order (see decideDateFormat). */
export function createDateParser(formats: string[], recognizers: readonly DateRecognizer[] = DATE_RECOGNIZERS): (text: string) => ParsedDate | null {
  const chain = formats.map((name) => {
    const r = recognizers.find((x) => x.name === name);
    if (!r) throw new Error(`unknown date format ${name}`);
    return r;
  });
  if (chain.length === 1) {
    const only = chain[0];
    return (text) => only.parse(text.trim());
  }
  return (text) => {
    const t = text.trim();
    for (const r of chain) {
      const d = r.parse(t);
      if (d !== null) return d;
    }
    return null;
  };
}

/** Placeholder dates that stand for "unknown": the unix epoch and Excel's day zero. */
const PLACEHOLDER_DAYS = new Map([
  [0, 'the unix epoch'],
  [daysFromCivil(1900, 1, 1), 'a common spreadsheet default'],
]);

const FOURTEEN_HOURS = 14 * 3_600_000;

/**
 * Why a date looks like a placeholder rather than a real answer time, or null. An instant counts when
 * it falls on a placeholder day in UTC or in any zone (offsets reach ±14 hours), so `1970-01-01T00:00+05:00`
 * and the epoch written as `1969-12-31T19:00-05:00` are both caught.
 */
export function placeholderReason(date: ParsedDate): string | null {
  if (!date.zoned) return PLACEHOLDER_DAYS.get(Math.floor(date.ms / MS_PER_DAY)) ?? null;
  for (const shift of [0, -FOURTEEN_HOURS, FOURTEEN_HOURS]) {
    const reason = PLACEHOLDER_DAYS.get(Math.floor((date.ms + shift) / MS_PER_DAY));
    if (reason) return reason;
  }
  return null;
}
