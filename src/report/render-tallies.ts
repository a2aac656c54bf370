/**
 * A tally file as text: CSV (the spreadsheet-safe writer every CSV output uses), or JSON — an array of
 * flat row objects, one per line, with the CSV's column names and null for empty cells (the shape a
 * warehouse's JSON export has, so both read back the same way).
 */
import type { TallyTable } from '../analysis/tally-export.js';
import { renderCsv } from './render-csv.js';
import { safeJsonText } from './render-json.js';
import { dataRecord } from '../model/data-record.js';

export function renderTallies(table: TallyTable, format: 'csv' | 'json'): string {
  if (format === 'csv') return renderCsv(table.columns, table.rows);
  const lines = table.rows.map((row) => {
    const object = dataRecord<string | number | null>();
    table.columns.forEach((c, i) => (object[c] = row[i]));
    return safeJsonText(JSON.stringify(object));
  });
  return `[\n${lines.join(',\n')}\n]\n`;
}
