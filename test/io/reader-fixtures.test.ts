import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

/** JSON result of `cxm score FILE --format json …`, with the exit code and stderr. */
async function score(args: string[], stdin?: string) {
  const r = await runCli(['score', ...args, '--format', 'json'], { stdin });
  return { ...r, json: r.code === 0 ? JSON.parse(r.stdout) : null };
}

const overall = (json: { rows: { metric: string; group: object }[] }, metric = 'nps') =>
  json.rows.find((r) => r.metric === metric && Object.keys(r.group).length === 0) as Record<string, unknown>;

describe('reader fixtures', () => {
  it('strips a UTF-8 BOM from the first header', async () => {
    const { json } = await score(['fixtures/reader/bom.csv', '--nps', 'nps', '--by', 'region']);
    expect(json.settings.columns).toEqual({ nps: 'nps' });
    expect(overall(json).counts).toEqual({ promoters: 2, passives: 0, detractors: 1 });
  });

  it.each([
    ['semicolon.csv', ';'],
    ['tab.tsv', 'tab'],
    ['pipe.txt', '|'],
  ])('detects the delimiter of %s', async (file) => {
    const { json } = await score([`fixtures/reader/${file}`, '--by', 'region']);
    expect(json.rows.filter((r: { group: object }) => Object.keys(r.group).length).map((r: { group: { region: string } }) => r.group.region)).toEqual(['APAC', 'EMEA']);
  });

  it('takes --delimiter over detection', async () => {
    const r = await runCli(['score', 'fixtures/reader/semicolon.csv', '--delimiter', ',', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no score column found/);
  });

  it('reads quoted line breaks and reports the right physical line of a bad value', async () => {
    const { json } = await score(['fixtures/reader/quoted-newlines.csv']);
    expect(overall(json).n).toBe(2);
    expect(json.warnings).toContainEqual({ code: 'invalid-value', message: 'column "nps": "eleven" is not a score on 0-10', file: 'fixtures/reader/quoted-newlines.csv', line: 5, column: 'nps' });
  });

  it('reads labels with a leading number, 8.0 as 8, and a question-text header as NPS', async () => {
    const { json } = await score(['fixtures/reader/labels.csv']);
    expect(json.settings.columns.nps).toBe('How likely are you to recommend us?');
    expect(overall(json).counts).toEqual({ promoters: 2, passives: 2, detractors: 1 });
    expect(overall(json, 'csat').counts).toEqual({ satisfied: 2, other: 3 });
  });

  it('counts blank, NA, N/A, null and - as no answer in score columns, but keeps NA as a segment', async () => {
    const { json } = await score(['fixtures/reader/blanks.csv', '--by', 'region']);
    expect(json.input).toMatchObject({ rows: 7, used: 1, skipped: 6, invalid: 0 });
    const groups = json.rows.filter((r: { group: object }) => Object.keys(r.group).length).map((r: { group: { region: string } }) => r.group.region);
    expect(groups).toEqual(['EMEA', 'NA', '(blank)']);
  });

  it('excludes and counts invalid values and lists them with line and column', async () => {
    const { json, stderr } = await score(['fixtures/reader/invalid.csv']);
    expect(json.input).toMatchObject({ rows: 7, used: 1, invalid: 6 });
    expect(overall(json).n).toBe(3);
    expect(overall(json).invalid).toBe(4);
    expect(overall(json, 'csat').invalid).toBe(2);
    expect(stderr).toContain('fixtures/reader/invalid.csv:2: column "nps": "eleven" is not a score on 0-10');
    expect(stderr).toContain('fixtures/reader/invalid.csv:4: column "nps": "6.5" is not a whole number');
    expect(stderr).toContain('fixtures/reader/invalid.csv:6: column "csat": "6" is not a score on 1-5');
  });

  it('with --strict turns invalid rows into exit 2', async () => {
    const r = await runCli(['score', 'fixtures/reader/invalid.csv', '--strict', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxm: 6 invalid rows \(--strict\)/m);
  });

  it('pads short rows, ignores extra fields, and warns with the line', async () => {
    const { json } = await score(['fixtures/reader/ragged.csv', '--by', 'region']);
    expect(overall(json).n).toBe(4);
    const ragged = json.warnings.filter((w: { code: string }) => w.code === 'ragged-row').map((w: { line: number }) => w.line);
    expect(ragged).toEqual([3, 4]); // line 5 only has an empty extra field
  });

  it('reads CRLF files and skips blank lines', async () => {
    const { json } = await score(['fixtures/reader/crlf.csv']);
    expect(json.input.rows).toBe(3);
  });

  it('reads NDJSON with nested objects flattened to dotted names', async () => {
    const { json } = await score(['fixtures/reader/responses.ndjson', '--by', 'person.region']);
    expect(json.input).toMatchObject({ rows: 4, used: 3, skipped: 1 });
    expect(json.rows.find((r: { group: Record<string, string> }) => r.group['person.region'] === 'EMEA').counts.promoters).toBe(2);
  });

  it('reads a JSON array; an array where a score should be is invalid', async () => {
    const { json } = await score(['fixtures/reader/responses.json']);
    expect(json.input).toMatchObject({ rows: 4, used: 3, invalid: 1 });
    expect(json.warnings[0]).toMatchObject({ line: 4, message: 'column "nps": "[7]" is not a score on 0-10' });
  });

  it('reads the response array of a wrapper object', async () => {
    const { json } = await score(['fixtures/reader/wrapper.json', '--by', 'hidden.region']);
    expect(overall(json).n).toBe(3);
  });

  it('reads standard input with -, CSV and NDJSON alike', async () => {
    const csv = await score(['-'], readFileSync('fixtures/reader/bom.csv', 'utf8'));
    expect(overall(csv.json).n).toBe(3);
    const nd = await score(['-'], readFileSync('fixtures/reader/responses.ndjson', 'utf8'));
    expect(overall(nd.json).n).toBe(3);
  });

  it('reads several files as one data set and refuses files whose columns differ', async () => {
    // the same file twice is refused (its answers would count twice: issue 13); a copy of it is another export
    expect((await runCli(['score', 'fixtures/reader/bom.csv', 'fixtures/reader/bom.csv'])).code).toBe(2);
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxm-bom-')), 'bom-copy.csv');
    copyFileSync('fixtures/reader/bom.csv', copy);
    const both = await score(['fixtures/reader/bom.csv', copy]);
    expect(overall(both.json).n).toBe(6);
    expect(both.json.input.files).toHaveLength(2);
    const r = await runCli(['score', 'fixtures/reader/bom.csv', 'fixtures/reader/tab.tsv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fixtures\/reader\/tab.tsv: columns differ from fixtures\/reader\/bom.csv: has "id" not in/);
  });
});
