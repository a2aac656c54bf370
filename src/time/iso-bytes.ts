/**
 * The common ISO 8601 shapes read straight from a field's bytes, for the per-row path of trends:
 * `YYYY-MM-DD`, and `YYYY-MM-DD[T ]HH:MM[:SS[.fff…]]` followed by nothing, `Z`, `±HH:MM` or `±HHMM`.
 * Anything else (and years around the placeholder dates, 1899–1900 and 1969–1970) returns NaN so the
 * text parser in dates.ts decides, and reports, as usual.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY } from './calendar.js';

/** Out-parameter of parseIsoBytes: whether the last value carried a zone (an instant). */
export const isoBytesResult = { zoned: false };

let lastYear = -1;
let lastMonth = -1;
let lastDay = -1;
let lastDays = 0;

function d2(b: Uint8Array, i: number): number {
  const x = b[i] - 48;
  const y = b[i + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/**
 * Milliseconds since the epoch (an instant when zoned, else wall-clock milliseconds), or NaN when
 * the bytes are not one of the common shapes or not a real date-time.
 */
export function parseIsoBytes(b: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 10 || b[start + 4] !== 45 || b[start + 7] !== 45) return Number.NaN;
  const hi = d2(b, start);
  const lo = d2(b, start + 2);
  const month = d2(b, start + 5);
  const day = d2(b, start + 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = hi * 100 + lo;
  // the placeholder years and those outside MIN_YEAR–MAX_YEAR take the full parser, which decides
  if (year === 1969 || year === 1970 || year <= 1900 || year >= 2200) return Number.NaN;
  let days: number;
  if (year === lastYear && month === lastMonth && day === lastDay) days = lastDays;
  else {
    if (day > daysInMonth(year, month)) return Number.NaN;
    days = daysFromCivil(year, month, day);
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastDays = days;
  }
  if (n === 10) {
    isoBytesResult.zoned = false;
    return days * MS_PER_DAY;
  }
  const sep = b[start + 10];
  if ((sep !== 84 && sep !== 32 && sep !== 116) || n < 16 || b[start + 13] !== 58) return Number.NaN;
  const hour = d2(b, start + 11);
  const minute = d2(b, start + 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = start + 16;
  let second = 0;
  let millis = 0;
  if (i < end && b[i] === 58) {
    second = d2(b, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (i < end && (b[i] === 46 || b[i] === 44)) {
      // a fraction: milliseconds from its first three digits
      let scale = 100;
      i++;
      const from = i;
      while (i < end && b[i] >= 48 && b[i] <= 57) {
        if (scale >= 1) millis += (b[i] - 48) * scale;
        scale /= 10;
        i++;
      }
      if (i === from) return Number.NaN;
      millis = Math.floor(millis);
    }
  }
  const ms = days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  if (i === end) {
    isoBytesResult.zoned = false;
    return ms;
  }
  const c = b[i];
  if ((c === 90 || c === 122) && i + 1 === end) {
    isoBytesResult.zoned = true;
    return ms;
  }
  if (c !== 43 && c !== 45) return Number.NaN;
  const oh = d2(b, i + 1);
  if (oh < 0 || oh > 18) return Number.NaN;
  const rest = end - i - 3;
  let om = 0;
  if (rest === 3 && b[i + 3] === 58) om = d2(b, i + 4);
  else if (rest === 2) om = d2(b, i + 3);
  else if (rest !== 0) return Number.NaN;
  if (om < 0 || om > 59) return Number.NaN;
  isoBytesResult.zoned = true;
  return ms - (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}
