/**
 * Every hostile input ends with exit 0 and warnings naming the lines, or exit 2 and one line naming
 * the file (and the line where there is one) — in every command, from a file and from standard input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers.js';
import { expectedStderr, HOSTILE, writeHostileFiles } from './files.js';

const dir = writeHostileFiles();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 0 (or 1, a failed check), or exit 2 with an error line (and at most a hint line); never a stack, never exit 3. */
function expectCleanEnd(r: CliRun, file: string): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  if (r.code === 0 || r.code === 1) return;
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0].startsWith(`cxm: ${file}`) || lines[0].startsWith('cxm: --') || lines[0].startsWith('cxm: no ')).toBe(true);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines.length === 2) expect(lines[1]).toMatch(/^hint: /);
}

describe('hostile inputs: cxm score', () => {
  for (const h of HOSTILE) {
    it(`${h.name}: exit ${h.code}`, async () => {
      const file = path.join(dir, h.file);
      const r = await runCli(['score', file, '--format', 'json']);
      expect(r.code, r.stderr).toBe(h.code);
      expect(r.stderr).toMatch(expectedStderr(h, file));
      expectCleanEnd(r, file);
      if (h.code === 2) expect(r.stdout).toBe('');
      else expect(JSON.parse(r.stdout).command).toBe('score');
    });
  }

  for (const h of HOSTILE.filter((x) => !x.heavy)) {
    it(`${h.name}, from standard input: the same`, async () => {
      const r = await runCli(['score', '-', '--format', 'json'], { stdin: readFileSync(path.join(dir, h.file)) });
      expect(r.code, r.stderr).toBe(h.code);
      expect(r.stderr).toMatch(expectedStderr(h, 'stdin'));
    });
  }
});

describe('hostile inputs: the counts stay honest', () => {
  it('objects and arrays where scores should be are invalid values of the score column, row by row', async () => {
    const r = await runCli(['score', path.join(dir, 'objects.json'), '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.settings.columns).toEqual({ nps: 'nps' });
    expect(out.input).toMatchObject({ rows: 6, used: 2, invalid: 4 });
    expect(out.rows[0]).toMatchObject({ n: 2, counts: { promoters: 1, passives: 1, detractors: 0 } });
  });

  it('rows with NUL bytes are read, counted and listed', async () => {
    const r = await runCli(['score', path.join(dir, 'nul.csv'), '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.input).toMatchObject({ rows: 3, used: 2, invalid: 1 });
    expect(out.warnings.filter((w: { code: string }) => w.code === 'nul-byte').map((w: { line: number }) => w.line)).toEqual([3, 4]);
  });

  it('in a run of several files, only all of them empty is an error', async () => {
    const header = `${readFileSync('fixtures/responses.csv', 'utf8').split('\n')[0]}\n`;
    const empty = path.join(dir, 'responses-header.csv');
    writeFileSync(empty, header);
    const r = await runCli(['score', 'fixtures/responses.csv', empty, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toContainEqual({ code: 'read-note', file: empty, message: 'no data rows: the file has a header and nothing after it' });
    // two header-only files (the same file twice is refused before reading: issue 13)
    const other = path.join(dir, 'responses-header-2.csv');
    writeFileSync(other, header);
    const both = await runCli(['score', empty, other]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^cxm: .*: no data rows in any of the 2 files/);
  });

  it('inspect shows a header-only file instead of stopping', async () => {
    const r = await runCli(['inspect', path.join(dir, 'header.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].issues).toContainEqual(expect.objectContaining({ message: 'no data rows: the file has a header and nothing after it' }));
  });
});

describe('hostile inputs: every command ends cleanly', () => {
  const commands: [string, (file: string) => string[]][] = [
    ['inspect', (f) => ['inspect', f]],
    ['crosstab', (f) => ['crosstab', f, '--rows', 'region', '--cols', 'id']],
    ['trend', (f) => ['trend', f, '--every', 'month']],
    ['compare', (f) => ['compare', f, 'fixtures/responses.csv']],
    ['compare --period', (f) => ['compare', f, '--period', '2026-Q2', '--against', '2026-Q1']],
    ['check', (f) => ['check', f, '--min', 'nps=30']],
    ['check --every', (f) => ['check', f, '--max-drop', 'nps=5', '--every', 'month']],
    ['report', (f) => ['report', f, '--every', 'month']],
    ['followup', (f) => ['followup', f]],
    ['score --tallies', (f) => ['score', '--tallies', f]],
    ['drivers', (f) => ['drivers', f, '--by', 'region']],
    // the hostile file as the customer file of a join: read whole, with the same reader
    ['score --join', (f) => ['score', 'fixtures/responses.csv', '--join', f, '--on', 'email=id', '--by', 'region']],
  ];
  for (const h of HOSTILE.filter((x) => !x.heavy)) {
    it(h.name, async () => {
      const file = path.join(dir, h.file);
      for (const [name, argv] of commands) {
        const r = await runCli([...argv(file), '--format', name === 'report' ? 'html' : 'table']);
        if (r.code === 1) expect(name).toMatch(/^check/);
        expectCleanEnd(r, file);
      }
    });
  }
});

describe('hostile inputs: a damaged tally file is an error, never read as it is', () => {
  const tallyDir = mkdtempSync(path.join(tmpdir(), 'cxm-damaged-tallies-'));
  afterAll(() => rmSync(tallyDir, { recursive: true, force: true }));
  const tallies = path.join(tallyDir, 'tallies.csv');
  const responses = path.join(tallyDir, 'responses.csv');
  writeFileSync(responses, 'nps,region\n9,a\n3,b\n7,a\n');

  it.each([
    ['text after a closing quote', (row: string) => row.replace(/^b,/, '"b"x,'), /:\d+: a quoted field has text after its closing quote/],
    ['a NUL byte', (row: string) => row.replace(/^b,/, 'b\u0000,'), /:\d+: the row holds NUL bytes/],
    ['a missing field', (row: string) => row.replace(/,answers,$/, ',answers'), /:\d+: 7 fields where the header has 8/],
  ])('%s', async (_, damage, message) => {
    const emitted = await runCli(['score', responses, '--by', 'region', '--emit', 'tallies', '-o', tallies]);
    expect(emitted.code, emitted.stderr).toBe(0);
    const lines = readFileSync(tallies, 'utf8').split('\n');
    const b = lines.findIndex((l) => l.startsWith('b,nps,3,'));
    expect(b).toBeGreaterThan(0);
    lines[b] = damage(lines[b]);
    writeFileSync(tallies, lines.join('\n'));
    const r = await runCli(['score', '--tallies', tallies, '--by', 'region']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`${tallies}:${b + 1}:`);
  });
});

describe('hostile inputs: the bad rows of a --join file are counted, with the first line', () => {
  const joinDir = mkdtempSync(path.join(tmpdir(), 'cxm-bad-join-'));
  afterAll(() => rmSync(joinDir, { recursive: true, force: true }));

  it.each([
    ['cust.csv', 'email,plan\na@x,pro\nb@x,"free"x\nc@x\n', ['1 row with the wrong number of fields (the first on line 4)', '1 row with text after a closing quote (the first on line 3)']],
    ['cust.csv', 'email,plan\na@x,pro\nb@x,fr\u0000ee\n', ['1 row holding NUL bytes (the first on line 3)']],
    ['cust.ndjson', '{"email":"a@x","plan":"pro"}\n[1]\n{"email":"b@x","plan":"free"}\n[2]\n', ['2 rows unreadable, ignored (the first on line 2)']],
  ])('%s: %j', async (name, text, notes) => {
    const responses = path.join(joinDir, 'responses.csv');
    const customers = path.join(joinDir, name);
    writeFileSync(responses, 'email,nps\na@x,9\nb@x,3\n');
    writeFileSync(customers, text);
    const r = await runCli(['score', responses, '--join', customers, '--on', 'email', '--by', 'plan']);
    expect(r.code, r.stderr).toBe(0);
    for (const note of notes) expect(r.stderr).toContain(`${customers}: ${note}`);
  });
});
