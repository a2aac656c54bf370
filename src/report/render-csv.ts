/**
 * CSV output with a fixed column list per command (never taken from whichever row came first), via
 * csv-stringify. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with a quote; plain negative numbers are left alone.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;

export function safeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (FORMULA_START.test(value) && !NUMBER.test(value)) return `'${value}`;
  return value;
}

export function renderCsv(columns: string[], rows: CsvValue[][]): string {
  return stringify([columns.map(safeCsvCell), ...rows.map((r) => r.map(safeCsvCell))], { record_delimiter: '\n' });
}
