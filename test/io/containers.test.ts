// Exports as they are downloaded (and Parquet): every file of fixtures/containers/ (scripts/make-container-fixtures.mjs
// writes them from the CSVs of fixtures/exports/) gives exactly the scores of its CSV — by segment, and
// by month where it has dates — from a file and from standard input; --sheet and --entry choose; inspect
// names the container, entry and sheet; tally files read gzipped and zipped.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from '../../scripts/zip-writer.mjs';
import { runCli } from '../helpers.js';

const C = 'fixtures/containers';
const E = 'fixtures/exports';

/** The result without the names of the inputs (which say where the rows came from). */
async function scores(args: string[], stdin?: Buffer): Promise<{ rows: unknown; counts: unknown }> {
  const r = await runCli([...args, '--format', 'json', '--quiet'], stdin ? { stdin } : {});
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  const { files: _files, ...counts } = out.input;
  return { rows: out.rows, counts };
}

const SAME_AS_CSV: { file: string; csv: string; by: string }[] = [
  { file: 'qualtrics.csv.gz', csv: 'qualtrics.csv', by: 'Region' },
  { file: 'generic-csv.gzipped', csv: 'generic.csv', by: 'region' },
  { file: 'generic.ndjson.gz', csv: 'generic.ndjson', by: 'customer.region' },
  { file: 'qualtrics-download.zip', csv: 'qualtrics.csv', by: 'Region' },
  { file: 'surveymonkey-download.zip', csv: 'surveymonkey.csv', by: 'Custom Data 1' },
  { file: 'parts.zip', csv: 'generic.csv', by: 'region' },
  { file: 'generic.xlsx', csv: 'generic.csv', by: 'region' },
  { file: 'generic-1904.xlsx', csv: 'generic.csv', by: 'region' },
  { file: 'generic-prefixed.xlsx', csv: 'generic.csv', by: 'region' },
  { file: 'qualtrics.xlsx', csv: 'qualtrics.csv', by: 'Region' },
  { file: 'surveymonkey.xlsx', csv: 'surveymonkey.csv', by: 'Custom Data 1' },
  { file: 'surveymonkey-excel.zip', csv: 'surveymonkey.csv', by: 'Custom Data 1' },
  { file: 'microsoft-forms.xlsx', csv: 'microsoft-forms.csv', by: 'Region' },
  { file: 'generic.parquet', csv: 'generic.csv', by: 'region' },
];

describe('a container gives the scores of its CSV', () => {
  for (const { file, csv, by } of SAME_AS_CSV) {
    it(`${file} = ${csv}, by ${by}`, async () => {
      const expected = await scores(['score', `${E}/${csv}`, '--by', by]);
      expect((expected.rows as unknown[]).length).toBeGreaterThan(3);
      expect(await scores(['score', `${C}/${file}`, '--by', by])).toEqual(expected);
    });
    it(`${file} from standard input = ${csv}`, async () => {
      expect(await scores(['score', '-', '--by', by], readFileSync(`${C}/${file}`))).toEqual(await scores(['score', `${E}/${csv}`, '--by', by]));
    });
  }

  // date cells (1900 and 1904 systems) read as the dates the CSV writes as text
  for (const [file, csv, date] of [
    ['generic.xlsx', 'generic.csv', 'submitted_at'],
    ['generic-1904.xlsx', 'generic.csv', 'submitted_at'],
    ['microsoft-forms.xlsx', 'microsoft-forms.csv', 'Completion time'],
    ['generic.parquet', 'generic.csv', 'submitted_at'],
  ]) {
    it(`${file}: a trend by week over its date cells = ${csv}`, async () => {
      const expected = await scores(['trend', `${E}/${csv}`, '--every', 'week', '--date', date]);
      expect((expected.rows as unknown[]).length).toBeGreaterThan(5);
      expect(await scores(['trend', `${C}/${file}`, '--every', 'week', '--date', date])).toEqual(expected);
    });
  }
});

describe('--sheet and --entry', () => {
  it('the first visible sheet by default; --sheet by name or position chooses another, hidden ones too', async () => {
    const byDefault = await runCli(['inspect', `${C}/generic.xlsx`, '--format', 'json', '--quiet']);
    expect(JSON.parse(byDefault.stdout).files[0].container).toEqual({
      kinds: ['xlsx'],
      sheet: 'Responses',
      sheets: [
        { name: 'Notes', state: 'hidden' },
        { name: 'Responses', state: 'visible' },
        { name: 'Summary', state: 'visible' },
      ],
    });
    const notes = await runCli(['score', `${C}/generic.xlsx`, '--sheet', '1']);
    expect(notes.stderr).toMatch(/^cxm: fixtures\/containers\/generic\.xlsx\[Notes\]: no score column found/);
    const summary = await runCli(['score', `${C}/generic.xlsx`, '--sheet', 'summary']);
    // its row 1 is the header (NPS, 7.1), row 2 the only data row
    expect(summary.stderr).toContain('fixtures/containers/generic.xlsx[Summary]:2: column "NPS": "reviewed" is not a score on 0-10');
    expect(await scores(['score', `${C}/generic.xlsx`, '--sheet', 'Responses'])).toEqual(await scores(['score', `${E}/generic.csv`]));
  });

  it('a sheet that does not exist is an error listing the sheets; --sheet on a CSV is an error', async () => {
    const r = await runCli(['score', `${C}/generic.xlsx`, '--sheet', 'Answers']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('cxm: fixtures/containers/generic.xlsx: --sheet "Answers": the workbook has no such sheet; its sheets: 1 "Notes" (hidden), 2 "Responses", 3 "Summary"');
    const csv = await runCli(['score', `${E}/generic.csv`, '--sheet', '2']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/^cxm: fixtures\/exports\/generic\.csv: --sheet: not a workbook/);
  });

  it('a zip holding a CSV and a workbook needs --entry, which reads the one named', async () => {
    const r = await runCli(['score', `${C}/mixed.zip`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('cxm: fixtures/containers/mixed.zip: the archive holds exports of different kinds (generic.csv, generic.xlsx): choose one with --entry NAME');
    const expected = await scores(['score', `${E}/generic.csv`, '--by', 'plan']);
    expect(await scores(['score', `${C}/mixed.zip`, '--entry', 'generic.csv', '--by', 'plan'])).toEqual(expected);
    expect(await scores(['score', `${C}/mixed.zip`, '--entry', 'generic.xlsx', '--by', 'plan'])).toEqual(expected);
    const missing = await runCli(['score', `${C}/mixed.zip`, '--entry', 'other.csv']);
    expect(missing.stderr.split('\n')[0]).toBe('cxm: fixtures/containers/mixed.zip: --entry "other.csv": no such export in the archive; it holds generic.csv, generic.xlsx');
  });

  it('the exports of a zip that share columns are one data set, named in the summary', async () => {
    const r = await runCli(['score', `${C}/parts.zip`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read 40 rows from 2 files');
    expect(r.stderr).toContain('read the 2 exports of the archive as one data set: responses-part1.csv, responses-part2.csv');
    const json = JSON.parse((await runCli(['score', `${C}/parts.zip`, '--format', 'json'])).stdout);
    expect(json.input.files).toEqual(['fixtures/containers/parts.zip[responses-part1.csv]', 'fixtures/containers/parts.zip[responses-part2.csv]']);
  });

  it('inspect names the container, the entry and the sheet', async () => {
    const r = await runCli(['inspect', `${C}/surveymonkey-excel.zip`, '--quiet']);
    expect(r.stdout).toMatch(/container +│ zip archive → XLSX workbook/);
    expect(r.stdout).toMatch(/entry +│ Excel\/Acme Customer Survey\.xlsx/);
    expect(r.stdout).toMatch(/sheet +│ Sheet \(sheets: 1 Sheet; --sheet NAME\|N reads another\)/);
    expect(r.stdout).toMatch(/header rows +│ 2, data from row 3/);
    const gz = JSON.parse((await runCli(['inspect', `${C}/qualtrics.csv.gz`, '--format', 'json', '--quiet'])).stdout).files[0];
    expect(gz).toMatchObject({ format: 'csv', container: { kinds: ['gzip'] }, layout: 'qualtrics', headerRows: 3 });
    const plain = JSON.parse((await runCli(['inspect', `${E}/generic.csv`, '--format', 'json', '--quiet'])).stdout).files[0];
    expect(plain.container).toBeUndefined();
  });

  it('an entry named ../../ is only a name: nothing is written where it points', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-escape-'));
    const target = path.join(dir, 'escaped.csv');
    writeFileSync(path.join(dir, 'escape.zip'), zip([{ name: `../../${path.basename(target)}`, data: 'id,nps\n1,9\n' }]));
    const r = await runCli(['score', path.join(dir, 'escape.zip'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).input.files).toEqual([`${path.join(dir, 'escape.zip')}[../../escaped.csv]`]);
    expect(existsSync(target)).toBe(false);
  });
});

describe('tally files in containers', () => {
  it('--tallies reads a gzipped and a zipped tally file as the file itself', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-tally-containers-'));
    const tallies = path.join(dir, 'tallies.csv');
    const emitted = await runCli(['score', `${E}/qualtrics.csv`, '--by', 'Region', '--emit', 'tallies', '-o', tallies, '--quiet']);
    expect(emitted.code, emitted.stderr).toBe(0);
    writeFileSync(`${tallies}.gz`, gzipSync(readFileSync(tallies)));
    writeFileSync(path.join(dir, 'tallies.zip'), zip([{ name: 'tallies.csv', data: readFileSync(tallies) }]));
    const expected = await scores(['score', '--tallies', tallies, '--by', 'Region']);
    expect(await scores(['score', '--tallies', `${tallies}.gz`, '--by', 'Region'])).toEqual(expected);
    expect(await scores(['score', '--tallies', path.join(dir, 'tallies.zip'), '--by', 'Region'])).toEqual(expected);
    expect(await scores(['score', '--tallies', '-', '--by', 'Region'], readFileSync(`${tallies}.gz`))).toEqual(expected);
  });
});
