/**
 * Dates in SQL the way cxm reads them (time/dates.ts, time/date-dimension.ts, time/period.ts):
 * a date column's text — what any engine writes for a DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE, or
 * text in the column — read as ISO 8601 (a date; a date-time without zone is a wall-clock time, its day
 * as written; with `Z`, an offset, `UTC`/`GMT` it is an instant, put on the calendar of `--tz`) or as
 * unix time; impossible dates, unknown zones and the placeholder days 1970-01-01 and 1900-01-01 give
 * no day (the row is excluded). Each step is a list of named column expressions for one query stage.
 */
import type { Dialect } from './dialect.js';
import { WS } from './cells.js';
import type { Every, WeekStart } from '../time/period.js';

export type SqlDateFormat = 'iso-8601' | 'unix-seconds' | 'unix-milliseconds';

export type Columns = [name: string, expr: string][];

const PREFIX = `^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?[${WS}]*`;
const ZONE = `^([Zz]|[+-][0-9]{2}(:?[0-9]{2})?|([Uu][Tt][Cc]|[Gg][Mm][Tt])([${WS}]*[+-][0-9]{1,2}(:?[0-9]{2})?)?)?$`;

/** Stage 1, from the trimmed text `dt`: its shape (`date`, `date-time` or `unix`) and its parts. */
export function dateParts(d: Dialect, dt: string, format: SqlDateFormat): Columns {
  const int = (expr: string) => `CAST(${expr} AS ${d.int})`;
  if (format !== 'iso-8601') {
    const shape = format === 'unix-seconds' ? '^[0-9]{10}([.][0-9]+)?$' : '^[0-9]{13}$';
    return [
      ['cxm_date_shape', `CASE WHEN ${d.matches(dt, shape)} THEN 'unix' END`],
      ['cxm_unix_seconds', `CASE WHEN ${d.matches(dt, shape)} THEN CAST(substr(${dt}, 1, 10) AS ${d.bigint}) END`],
    ];
  }
  const kind = `CASE WHEN ${d.matches(dt, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')} THEN 'date' WHEN ${d.matches(dt, PREFIX)} THEN 'date-time' END`;
  const whenDate = (expr: string) => `CASE WHEN ${d.matches(dt, '^[0-9]{4}-[0-9]{2}-[0-9]{2}($|[Tt ][0-9]{2}:[0-9]{2})')} THEN ${expr} END`;
  const whenTime = (expr: string, otherwise = 'NULL') => `CASE WHEN ${d.matches(dt, PREFIX)} THEN ${expr} ELSE ${otherwise} END`;
  return [
    ['cxm_date_shape', kind],
    ['cxm_year', whenDate(int(`substr(${dt}, 1, 4)`))],
    ['cxm_month', whenDate(int(`substr(${dt}, 6, 2)`))],
    ['cxm_day_of_month', whenDate(int(`substr(${dt}, 9, 2)`))],
    ['cxm_hour', whenTime(int(`substr(${dt}, 12, 2)`), '0')],
    ['cxm_minute', whenTime(int(`substr(${dt}, 15, 2)`), '0')],
    ['cxm_second', `CASE WHEN ${d.matches(dt, '^.{16}:[0-9]{2}')} THEN ${int(`substr(${dt}, 18, 2)`)} ELSE 0 END`],
    ['cxm_zone', whenTime(d.replace(dt, PREFIX, ''), "''")],
    ['cxm_date', whenDate(`substr(${dt}, 1, 10)`)],
  ];
}

/** Stage 2: is the date real, and the zone's offset in minutes (NULL: no zone, a wall-clock time). */
export function dateChecks(d: Dialect, format: SqlDateFormat): Columns {
  if (format !== 'iso-8601') return [];
  const leap = '((MOD(cxm_year, 4) = 0 AND MOD(cxm_year, 100) <> 0) OR MOD(cxm_year, 400) = 0)';
  const days = `CASE cxm_month WHEN 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END`;
  const off = d.extract('cxm_zone', '([+-][0-9:]+)$');
  return [
    [
      'cxm_real_date',
      `(cxm_date_shape IS NOT NULL AND cxm_month BETWEEN 1 AND 12 AND cxm_day_of_month BETWEEN 1 AND ${days}` +
        ` AND cxm_hour <= 23 AND cxm_minute <= 59 AND cxm_second <= 60 AND ${d.matches('cxm_zone', ZONE)})`,
    ],
    ['cxm_offset_sign', `CASE WHEN substr(cxm_zone, 1, 1) = '-' OR ${d.matches('cxm_zone', '-[0-9:]+$')} THEN -1 ELSE 1 END`],
    ['cxm_offset_digits', `NULLIF(${d.replace(`COALESCE(${off}, '')`, '[-+:]', '')}, '')`],
  ];
}

/** Stage 3: the instant in UTC (a timestamp without zone), or the wall-clock day. */
export function dateInstant(d: Dialect, format: SqlDateFormat): Columns {
  if (format !== 'iso-8601') return [['cxm_utc_instant', `CASE WHEN cxm_date_shape = 'unix' THEN ${d.epochPlusSeconds('cxm_unix_seconds')} END`], ['cxm_wall_day', 'CAST(NULL AS DATE)']];
  const len = 'length(cxm_offset_digits)';
  const hours = `CAST(CASE WHEN ${len} <= 2 THEN cxm_offset_digits ELSE substr(cxm_offset_digits, 1, ${len} - 2) END AS ${d.int})`;
  const minutes = `CASE WHEN ${len} <= 2 THEN 0 ELSE CAST(substr(cxm_offset_digits, ${len} - 1, 2) AS ${d.int}) END`;
  const offset = `CASE WHEN cxm_offset_digits IS NULL THEN 0 WHEN ${hours} <= 18 AND ${minutes} <= 59 THEN cxm_offset_sign * (${hours} * 60 + ${minutes}) END`;
  const pad = (expr: string) => `lpad(CAST(${expr} AS ${d.text}), 2, '0')`;
  const wall = d.wallTimestamp(`cxm_date || ' ' || ${pad('cxm_hour')} || ':' || ${pad('cxm_minute')} || ':' || ${pad('LEAST(cxm_second, 59)')}`);
  return [
    ['cxm_utc_instant', `CASE WHEN cxm_real_date AND cxm_zone <> '' THEN ${d.minusMinutes(wall, offset)} END`],
    ['cxm_wall_day', `CASE WHEN cxm_real_date AND cxm_zone = '' THEN CAST(cxm_date AS DATE) END`],
  ];
}

/** Stage 4: the calendar day in `zone`, leaving out placeholder days. */
export function localDay(d: Dialect, zone: string): string {
  const ts = (text: string) => d.wallTimestamp(d.str(text));
  const near = (day: string, next: string) => `(cxm_utc_instant >= ${ts(`${day} 10:00:00`)} AND cxm_utc_instant < ${ts(`${next} 14:00:00`)})`;
  const placeholderInstant = `(${near('1969-12-31', '1970-01-02')} OR ${near('1899-12-31', '1900-01-02')})`;
  const notPlaceholderDay = `cxm_wall_day NOT IN (${d.dateLiteral('1970-01-01')}, ${d.dateLiteral('1900-01-01')})`;
  return (
    `CASE WHEN cxm_utc_instant IS NOT NULL AND NOT ${placeholderInstant} THEN ${d.localDate('cxm_utc_instant', zone)}` +
    ` WHEN cxm_wall_day IS NOT NULL AND ${notPlaceholderDay} THEN cxm_wall_day END`
  );
}

/** The period label of a day: `2026-01-05`, `2026-W02`, `2026-01`, `2026-Q1`, `2026`. */
export function periodLabel(d: Dialect, day: string, every: Every, weekStart: WeekStart): string {
  const pad = (expr: string, width: number) => `lpad(CAST(${expr} AS ${d.text}), ${width}, '0')`;
  const part = (unit: string, of = day) => `CAST(EXTRACT(${unit} FROM ${of}) AS ${d.int})`;
  switch (every) {
    case 'day':
      return `${pad(part('YEAR'), 4)} || '-' || ${pad(part('MONTH'), 2)} || '-' || ${pad(part('DAY'), 2)}`;
    case 'month':
      return `${pad(part('YEAR'), 4)} || '-' || ${pad(part('MONTH'), 2)}`;
    case 'quarter':
      return `${pad(part('YEAR'), 4)} || '-Q' || CAST(${part('QUARTER')} AS ${d.text})`;
    case 'year':
      return pad(part('YEAR'), 4);
    case 'week': {
      if (weekStart === 'monday') return `${pad(d.isoYear(day), 4)} || '-W' || ${pad(d.isoWeek(day), 2)}`;
      // Sunday weeks belong to the year of their Wednesday, numbered from that year's first Wednesday
      const wednesday = d.addDays(day, `3 - ${d.sundayDow(day)}`);
      return `${pad(part('YEAR', wednesday), 4)} || '-W' || ${pad(`CAST(FLOOR((${d.dayOfYear(wednesday)} - 1) / 7) AS ${d.int}) + 1`, 2)}`;
    }
  }
}
