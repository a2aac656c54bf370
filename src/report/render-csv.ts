/**
 * CSV output with a fixed column list per command (never taken from whichever row came first), via
 * csv-stringify. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with a quote; plain negative numbers are left alone. Control
 * characters other than tab and line breaks are removed, so `cat`ing the file cannot drive the
 * terminal. Every CSV cxm writes goes through here.
 */
import { STRIPPED_MARK } from './format.js';
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;
// eslint-disable-next-line no-control-regex
// control characters and bidirectional marks and overrides (U+202E shows a cell reversed)
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value.replace(CONTROL, STRIPPED_MARK);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) return `'${text}`;
  return text;
}

export function renderCsv(columns: string[], rows: CsvValue[][]): string {
  // a lone CR must be quoted too, or a reader takes it for a line end
  return stringify([columns.map(safeCsvCell), ...rows.map((r) => r.map(safeCsvCell))], { record_delimiter: '\n', quoted_match: '\r' });
}
