/**
 * CSV round trips through cxm's parser (src/io/csv-scanner.ts) and printer (src/report/render-csv.ts).
 * What they cover, precisely: cells holding anything — delimiters, quotes, CR, LF, CRLF, non-ASCII —
 * except what the printer changes by design (a cell starting like a formula, = + - @ tab CR, gets a
 * `'`; control characters other than tab and line breaks are removed), and except a record that is a
 * single empty field, which prints as a blank line and blank lines are not records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvText } from '../../src/io/csv-scanner.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { fuzzParameters } from './fuzz.js';

const CHARS = ['a', 'b', 'Z', '1', ' ', ',', ';', '"', '\n', '\r', '\r\n', 'é', 'ü', '—', '😀', '\t', "'", '|'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((a) => a.join(''));
const cell = text.filter((c) => !/^[=+\-@\t\r]/.test(c));
const table = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
  .filter((rows) => rows.every((r) => !(r.length === 1 && r[0] === '')));

const print = (rows: string[][]) => renderCsv(rows[0], rows.slice(1));

describe('CSV round trip', () => {
  it('print then parse gives the table back', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsvText(print(rows))).toEqual(rows);
      }),
      fuzzParameters(500),
    );
  });

  it('parse then print then parse gives what the first parse gave (lenient input included)', () => {
    const csvText = fc.array(fc.constantFrom(...CHARS, '"', '""', ',"', '",'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(csvText, (input) => {
        let rows: string[][];
        try {
          rows = parseCsvText(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError); // an unclosed quote: the one way to fail
          return;
        }
        fc.pre(rows.length > 0 && rows.every((r) => !(r.length === 1 && r[0] === '') && r.every((c) => !/^[=+\-@\t\r]/.test(c))));
        expect(parseCsvText(print(rows))).toEqual(rows);
      }),
      fuzzParameters(500),
    );
  });

  it('what the printer changes by design it changes the same way every time', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const once = parseCsvText(print(rows));
        expect(parseCsvText(print(once))).toEqual(once);
        for (const c of once.flat()) expect(/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(c)).toBe(false);
      }),
      fuzzParameters(300),
    );
  });
});
