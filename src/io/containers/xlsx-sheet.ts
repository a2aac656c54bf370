/**
 * A worksheet's rows, streamed from its XML: each `<row>` becomes the text of its cells by column,
 * as Excel's own "Save as CSV" writes them — shared and inline strings, numbers (shortest round-trip
 * form), booleans TRUE/FALSE, error values (#N/A), dates as ISO text, the cached value of a formula
 * (formulas are never evaluated). A merged range holds its value in its first cell and blanks in the
 * others, as in the CSV. Rows with no value are skipped; each row keeps its sheet row number as its line.
 * Memory: the shared strings and one chunk of rows, whatever the number of rows.
 */
import { InputError } from '../../model/errors.js';
import { formatLimit, MAX_COLUMNS, MAX_SHEET_ROWS } from '../limits.js';
import type { TableRow } from './table.js';
import { serialToText } from './xlsx-dates.js';
import { sheetEntry, unescapeText, type SheetInfo, type Workbook } from './xlsx-workbook.js';
import { xmlReader } from './xml-events.js';
import { entryChunks } from './zip-archive.js';

export async function* sheetRows(workbook: Workbook, sheet: SheetInfo, name: string): AsyncGenerator<TableRow> {
  const entry = sheetEntry(workbook, sheet);
  if (!entry) throw new InputError(`sheet ${JSON.stringify(sheet.name)} holds no cells (a chart sheet, or its part is missing)`, { file: name });
  const strings = await workbook.sharedStrings();
  const { date1904, dateStyles } = workbook;
  const ready: TableRow[] = [];
  let cells: string[] = [];
  let rowNumber = 0;
  let filled = false;
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  /** inside <v>, or <t> of an inline string (not its phonetic part) */
  let collecting = false;
  let inPhonetic = false;
  const fail = (message: string) => new InputError(message, { file: name, line: rowNumber });
  const reader = xmlReader(name, {
    open(tag, a) {
      switch (tag) {
        case 'row': {
          const r = a.get('r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          if (!(rowNumber > 0 && rowNumber <= MAX_SHEET_ROWS)) throw fail(`a row numbered ${JSON.stringify(r)}, not 1 to ${formatLimit(MAX_SHEET_ROWS, 'count')}`);
          cells = [];
          filled = false;
          column = -1;
          break;
        }
        case 'c': {
          const ref = a.get('r');
          column = ref ? columnIndex(ref) : column + 1;
          if (column < 0 || column >= MAX_COLUMNS) throw fail(`a cell ${JSON.stringify(ref)} past column ${formatLimit(MAX_COLUMNS, 'count')}, the limit`);
          type = a.get('t') ?? 'n';
          const s = a.get('s');
          style = s ? Number(s) : 0;
          value = '';
          break;
        }
        case 'v':
          collecting = true;
          break;
        case 't':
          if (!inPhonetic) collecting = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
      }
    },
    close(tag) {
      switch (tag) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          const text = cellText(type, value, style);
          if (text !== '') {
            while (cells.length < column) cells.push('');
            cells[column] = text;
            filled = true;
          }
          break;
        }
        case 'row':
          if (filled) ready.push({ line: rowNumber, cells });
          break;
      }
    },
    text(t) {
      if (collecting) value += t;
    },
  });
  const cellText = (t: string, v: string, s: number): string => {
    switch (t) {
      case 's': {
        const i = Number(v);
        if (!(i >= 0 && i < strings.length)) throw fail(`a cell names shared string ${JSON.stringify(v)}, which the workbook does not have`);
        return strings[i];
      }
      case 'inlineStr':
        return unescapeText(v);
      case 'str':
      case 'e':
      case 'd':
        return unescapeText(v);
      case 'b':
        return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
      default: {
        if (v === '') return '';
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return dateStyles[s] ? serialToText(n, date1904) : String(n);
      }
    }
  };
  for await (const chunk of entryChunks(workbook.zip, entry)) {
    reader.write(chunk);
    if (ready.length) yield* ready.splice(0);
  }
  reader.end();
  if (ready.length) yield* ready.splice(0);
}

/** `B12` → 1: the column letters of a cell reference, from 0. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : n - 1;
}
