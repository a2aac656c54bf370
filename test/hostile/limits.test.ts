/**
 * Every limit of src/io/limits.ts, exactly: an input at the limit is read, one past it is exit 2 with
 * one line naming the file and the line. And each limit is in docs/security.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLimit, MAX_COLUMNS, MAX_JSON_DEPTH, MAX_JSON_RECORD_CHARS, MAX_RECORD_BYTES, MAX_SETTINGS_FILE_BYTES } from '../../src/io/limits.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function score(file: string) {
  return runCli(['score', file, '--format', 'csv', '--quiet']);
}

describe('limits', () => {
  it(`a CSV record of ${formatLimit(MAX_RECORD_BYTES, 'bytes')}, its line break included, is read; one byte more is exit 2 naming its line`, async () => {
    const head = 'id,nps,comment\n1,9,short\n';
    const record = (bytes: number) => `2,7,${'x'.repeat(bytes - 5)}\n`; // `2,7,` + text + LF
    expect(Buffer.byteLength(record(MAX_RECORD_BYTES))).toBe(MAX_RECORD_BYTES);
    const at = await score(write('record-at.csv', `${head}${record(MAX_RECORD_BYTES)}3,10,\n`));
    expect(at.code, at.stderr).toBe(0);
    const file = write('record-over.csv', `${head}${record(MAX_RECORD_BYTES + 1)}3,10,\n`);
    const over = await score(file);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${file}:3: a record is longer than 16 MiB, the limit (an unclosed quote, or not a CSV file)\n`);
  });

  it('an unclosed quote in a large file stops at the record limit, naming the line where the quote opened', async () => {
    const file = write('runaway.csv', `id,nps,comment\n1,9,"oops\n${'2,7,fine\n'.repeat((MAX_RECORD_BYTES / 9) | 0)}3,8,x\n`);
    const r = await score(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^cxm: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: a record is longer than 16 MiB`));
  });

  it(`${formatLimit(MAX_COLUMNS, 'count')} columns are read; one more is exit 2 at line 1`, async () => {
    const header = (n: number) => ['nps', ...Array.from({ length: n - 1 }, (_, i) => `c${i}`)].join(',');
    const at = await score(write('columns-at.csv', `${header(MAX_COLUMNS)}\n9\n7\n`));
    expect(at.code, at.stderr).toBe(0);
    const file = write('columns-over.csv', `${header(MAX_COLUMNS + 1)}\n9\n7\n`);
    const over = await score(file);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${file}:1: a record has more than 16,384 fields, the limit\n`);
  });

  it('the column limit holds for JSON too', async () => {
    const response = (n: number) => JSON.stringify(Object.fromEntries([['nps', 9], ...Array.from({ length: n - 1 }, (_, i) => [`k${i}`, i])]));
    const at = await score(write('keys-at.json', `[${response(MAX_COLUMNS)}]`));
    expect(at.code, at.stderr).toBe(0);
    const file = write('keys-over.ndjson', `{"nps":9}\n${response(MAX_COLUMNS + 1)}\n`);
    const over = await score(file);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${file}:2: more than 16,384 columns, the limit\n`);
  });

  it(`JSON nested ${MAX_JSON_DEPTH} deep (the document's array included) is read; one level more is exit 2`, async () => {
    // the array is level 1, each response level 2, so its value may nest MAX - 2 more
    const doc = (depth: number) => `[\n{"nps":9,"x":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}},\n{"nps":7}]`;
    const at = await score(write('depth-at.json', doc(MAX_JSON_DEPTH)));
    expect(at.code, at.stderr).toBe(0);
    const file = write('depth-over.json', doc(MAX_JSON_DEPTH + 1));
    const over = await score(file);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${file}:2: JSON nested deeper than 1000 levels, the limit\n`);
  });

  it('an NDJSON line past the depth limit is an invalid row with its line, not the end of the run', async () => {
    const line = (depth: number) => `{"nps":9,"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    const file = write('depth.ndjson', `${line(MAX_JSON_DEPTH)}\n${line(MAX_JSON_DEPTH + 1)}\n{"nps":7}\n`);
    const r = await runCli(['score', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).input).toMatchObject({ rows: 3, used: 2, invalid: 1 });
    expect(r.stderr).toContain(`${file}:2: nested deeper than 1000 levels, the limit`);
  });

  it(`a JSON response of ${formatLimit(MAX_JSON_RECORD_CHARS, 'bytes')} characters is read; one more is exit 2 naming its line`, async () => {
    const response = (chars: number) => `{"nps":9,"c":"${'x'.repeat(chars - 16)}"}`;
    expect(response(MAX_JSON_RECORD_CHARS).length).toBe(MAX_JSON_RECORD_CHARS);
    const at = await score(write('response-at.json', `[{"nps":7},\n${response(MAX_JSON_RECORD_CHARS)}]`));
    expect(at.code, at.stderr).toBe(0);
    const file = write('response-over.json', `[{"nps":7},\n${response(MAX_JSON_RECORD_CHARS + 1)}]`);
    const over = await score(file);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${file}:2: a response is larger than 16 MiB, the limit\n`);
    const at2 = await score(write('line-at.ndjson', `{"nps":7}\n${response(MAX_JSON_RECORD_CHARS)}\n`));
    expect(at2.code, at2.stderr).toBe(0);
    const file2 = write('line-over.ndjson', `{"nps":7}\n${response(MAX_JSON_RECORD_CHARS + 1)}\n`);
    const over2 = await score(file2);
    expect(over2.code).toBe(2);
    expect(over2.stderr).toBe(`cxm: ${file2}:2: a line is longer than 16 MiB, the limit\n`);
  });

  it(`--tags and --config files of ${formatLimit(MAX_SETTINGS_FILE_BYTES, 'bytes')} are read; one byte more is exit 2 naming the file`, async () => {
    const data = write('small.csv', 'nps,comment\n9,refund please\n3,slow\n');
    // padding inside the JSON: spaces before the closing brace
    const sized = (json: string, bytes: number) => `${json.slice(0, -1)}${' '.repeat(bytes - json.length)}}`;
    const tags = '{"billing": ["refund"]}';
    expect(Buffer.byteLength(sized(tags, MAX_SETTINGS_FILE_BYTES))).toBe(MAX_SETTINGS_FILE_BYTES);
    const at = await runCli(['score', data, '--tags', write('tags-at.json', sized(tags, MAX_SETTINGS_FILE_BYTES)), '--by', 'tag', '--quiet']);
    expect(at.code, at.stderr).toBe(0);
    const overTags = write('tags-over.json', sized(tags, MAX_SETTINGS_FILE_BYTES + 1));
    const over = await runCli(['score', data, '--tags', overTags, '--by', 'tag', '--quiet']);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`cxm: ${overTags}: the tag rules file is larger than 16 MiB, the limit\n`);
    const config = '{"columns": {"nps": "nps"}}';
    const atConfig = await runCli(['score', data, '--config', write('config-at.json', sized(config, MAX_SETTINGS_FILE_BYTES)), '--quiet']);
    expect(atConfig.code, atConfig.stderr).toBe(0);
    const overConfig = write('config-over.json', sized(config, MAX_SETTINGS_FILE_BYTES + 1));
    const over2 = await runCli(['score', data, '--config', overConfig, '--quiet']);
    expect(over2.code).toBe(2);
    expect(over2.stderr).toBe(`cxm: ${overConfig}: the config file is larger than 16 MiB, the limit\n`);
  });

  it('docs/security.md names every limit', () => {
    const section = readFileSync('docs/security.md', 'utf8');
    expect(section.length).toBeGreaterThan(100);
    for (const text of [formatLimit(MAX_RECORD_BYTES, 'bytes'), formatLimit(MAX_COLUMNS, 'count'), `${MAX_JSON_DEPTH} levels`, formatLimit(MAX_JSON_RECORD_CHARS, 'bytes'), '`--config`', '`--tags`', '1e-100', '1e100']) {
      expect(section).toContain(text);
    }
  });
});
