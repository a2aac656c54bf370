/**
 * Dates in a workbook are numbers with a date format: days since the epoch of the workbook's date
 * system (ECMA-376 Part 1, 18.17.4). 1900 system: serial 1 is 1900-01-01 and Lotus 1-2-3's phantom
 * 1900-02-29 is serial 60, so from serial 61 on the epoch is 1899-12-30; 1904 system: serial 0 is
 * 1904-01-01. The fraction is the time of day. A cell's date carries no zone: it is written as the
 * wall-clock ISO date (`2026-01-05`) or date and time (`2026-01-05T08:13:00`), rounded to the second.
 */

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ids). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATES.has(id)) return true;
  if (code === undefined) return false;
  // leave out quoted text, escaped characters, colours and conditions ([Red], [>=100]) but not elapsed time ([h])
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToText(serial: number, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return String(serial);
  const day = Math.floor(serial);
  let epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  // before 1900-03-01 the 1900 system counts the phantom 29 February: one day less
  if (!date1904 && day < 61) epoch += DAY_MS;
  const seconds = Math.round((serial - day) * 86_400);
  const ms = epoch + day * DAY_MS + seconds * 1000;
  const iso = new Date(ms).toISOString();
  if (serial < 1 && !date1904) return iso.slice(11, 19);
  return seconds === 0 && serial === day ? iso.slice(0, 10) : iso.slice(0, 19);
}
