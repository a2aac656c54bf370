/**
 * Hostile inputs, written into a temporary directory: files nobody checked, each with what cxm must do
 * with it — exit 0 with warnings naming the lines, or exit 2 with one line naming the file (and the
 * line where there is one). Generated here (no large files in the repository); seeded where random.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { random } from '../../scripts/seeded-random.mjs';

export interface Hostile {
  name: string;
  /** file name in the directory (its extension decides the format, as for a user) */
  file: string;
  bytes: () => Buffer;
  /** what `cxm score FILE` must do */
  code: 0 | 2;
  /** the first line of stderr (exit 2), or a line that must be in it (exit 0); `%F` stands for the path */
  stderr: RegExp;
  /** large enough to measure memory in a child process */
  heavy?: boolean;
}

const MiB = 1024 * 1024;
const b = (text: string) => Buffer.from(text, 'utf8');

function randomBytes(n: number, seed: number): Buffer {
  const rnd = random(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

function wideCsv(columns: number, rows: number): Buffer {
  const header = ['nps', ...Array.from({ length: columns - 1 }, (_, i) => `c${i}`)].join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) lines.push([String(r % 11), ...Array.from({ length: columns - 1 }, (_, i) => `v${i % 3}`)].join(','));
  return b(`${lines.join('\n')}\n`);
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export const HOSTILE: Hostile[] = [
  { name: 'an empty file', file: 'empty.csv', bytes: () => Buffer.alloc(0), code: 2, stderr: /^cxm: %F: the file is empty$/ },
  { name: 'a byte-order mark alone', file: 'bom.csv', bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), code: 2, stderr: /^cxm: %F: no header row/ },
  { name: 'a header alone', file: 'header.csv', bytes: () => b('id,nps,region\n'), code: 2, stderr: /^cxm: %F:2: no data rows/ },
  { name: 'a header and blank lines', file: 'blank-lines.csv', bytes: () => b('id,nps\r\n\r\n\n\n'), code: 2, stderr: /^cxm: %F:2: no data rows/ },
  { name: 'an unclosed quote at the end', file: 'unclosed.csv', bytes: () => b('id,nps,comment\n1,9,ok\n2,7,"never closed\nstill going\n'), code: 2, stderr: /^cxm: %F:3: unclosed quote/ },
  { name: 'NUL bytes in fields', file: 'nul.csv', bytes: () => b('id,nps,comment\n1,9,fine\n2,10,bad\u0000bytes\n3,\u00007,x\n'), code: 0, stderr: /^ {2}%F:3: the row holds NUL bytes/m },
  { name: 'invalid UTF-8', file: 'latin.csv', bytes: () => Buffer.concat([b('id,nps,region\n1,9,Z'), Buffer.from([0xfc]), b('rich\n2,\xff8,x\n')]), code: 0, stderr: /not valid UTF-8: read as Windows-1252/ },
  { name: 'random binary', file: 'random.csv', bytes: () => randomBytes(64 * 1024, 7), code: 2, stderr: /^cxm: %F:\d+: not a text file: \d+% of its first/ },
  { name: 'random binary without an extension', file: 'random', bytes: () => randomBytes(4096, 8), code: 2, stderr: /^cxm: %F:\d+: not a text file/ },
  { name: 'an Excel workbook', file: 'scores.csv.xlsx', bytes: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000, 9)]), code: 2, stderr: /^cxm: %F: not a text file: a zip archive or an Excel .xlsx workbook/ },
  { name: 'a gzip file', file: 'responses.csv.gz', bytes: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(2000, 10)]), code: 2, stderr: /^cxm: %F: not a text file: a gzip-compressed file/ },
  { name: 'a 20 MB field', file: 'field.csv', bytes: () => b(`id,nps,comment\n1,9,"${'x'.repeat(20 * MiB)}"\n`), code: 2, stderr: /^cxm: %F:2: a record is longer than 16 MiB, the limit/, heavy: true },
  { name: 'a field just under the record limit', file: 'field-ok.csv', bytes: () => b(`id,nps,comment\n1,9,${'x'.repeat(16 * MiB - 10)}\n2,6,\n`), code: 0, stderr: /^read 2 rows: 2 used/, heavy: true },
  { name: '20,000 columns', file: 'wide.csv', bytes: () => wideCsv(20_000, 3), code: 2, stderr: /^cxm: %F:1: a record has more than 16,384 fields, the limit$/ },
  { name: '16,384 columns (the limit)', file: 'wide-ok.csv', bytes: () => wideCsv(16_384, 60), code: 0, stderr: /^read 60 rows: 60 used/, heavy: true },
  { name: 'a data row with 20,000 fields', file: 'wide-row.csv', bytes: () => b(`id,nps\n1,9\n2,8${',x'.repeat(20_000)}\n`), code: 2, stderr: /^cxm: %F:3: a record has more than 16,384 fields/ },
  { name: 'ragged rows', file: 'ragged.csv', bytes: () => b('id,nps,region\n1,9,EMEA\n2,8\n3,7,APAC,extra\n4,10,LATAM,,\n'), code: 0, stderr: /^ {2}%F:3: 2 fields where the header has 3/m },
  { name: 'JSON nested 100,000 deep', file: 'deep.json', bytes: () => b(nested(100_000)), code: 2, stderr: /^cxm: %F:1: JSON nested deeper than 1000 levels, the limit$/, heavy: true },
  {
    name: 'NDJSON lines nested 100,000 deep',
    file: 'deep.ndjson',
    bytes: () => b(`{"nps":9}\n{"nps":${nested(100_000)}}\n{"nps":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}\n{"nps":7}\n`),
    code: 0,
    stderr: /^ {2}%F:2: nested deeper than 1000 levels, the limit$/m,
  },
  {
    name: 'objects and arrays where scores should be',
    file: 'objects.json',
    bytes: () => b(JSON.stringify([{ nps: 9 }, { nps: { value: 10 } }, { nps: [9, 10] }, { nps: 7 }, { nps: true }, { nps: { a: { b: 1 } } }], null, 1)),
    code: 0,
    stderr: /^ {2}%F:\d+: column "nps": "\{\\"value\\":10\}" is not a score/m,
  },
  {
    name: 'arrays and objects in NDJSON score cells',
    file: 'objects.ndjson',
    bytes: () => b('{"nps":9}\n{"nps":[1]}\n{"nps":{"x":1}}\n{"nps":8}\n'),
    code: 0,
    stderr: /^ {2}%F:3: column "nps": "\{\\"x\\":1\}" is not a score/m,
  },
  { name: 'broken NDJSON lines', file: 'broken.ndjson', bytes: () => b('{"nps":9}\n{"nps":\n[1,2]\n{"nps":7}\nnot json at all\n'), code: 0, stderr: /^ {2}%F:2: not valid JSON/m },
  { name: 'a truncated JSON document', file: 'truncated.json', bytes: () => b('[{"nps":9},\n{"nps":8},\n{"nps":'), code: 2, stderr: /^cxm: %F:3: the JSON ends before it is complete$/ },
  { name: 'an empty JSON array', file: 'none.json', bytes: () => b('[]'), code: 2, stderr: /^cxm: %F: no responses in the file$/ },
  { name: 'a JSON array of numbers', file: 'numbers.json', bytes: () => b('[1,2,3]'), code: 2, stderr: /^cxm: %F: no response objects in the file$/ },
  { name: 'a JSON response over the size limit', file: 'big-response.json', bytes: () => b(`[{"nps":9,"comment":"${'x'.repeat(17 * MiB)}"}]`), code: 2, stderr: /^cxm: %F:1: a response is larger than 16 MiB, the limit$/, heavy: true },
  { name: 'an NDJSON line over the size limit', file: 'big-line.ndjson', bytes: () => b(`{"nps":9}\n{"nps":8,"comment":"${'x'.repeat(17 * MiB)}"}\n`), code: 2, stderr: /^cxm: %F:2: a line is longer than 16 MiB, the limit$/, heavy: true },
  { name: 'JSON with 20,000 keys', file: 'wide.json', bytes: () => b(JSON.stringify([Object.fromEntries([['nps', 9], ...Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])])])), code: 2, stderr: /^cxm: %F:1: more than 16,384 columns, the limit$/ },
];

/** Writes every hostile file into a new temporary directory; returns the directory. */
export function writeHostileFiles(which: Hostile[] = HOSTILE): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-hostile-'));
  for (const h of which) writeFileSync(path.join(dir, h.file), h.bytes());
  return dir;
}

/** The expected stderr pattern with `%F` standing for the file's path. */
export function expectedStderr(h: Hostile, file: string): RegExp {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(h.stderr.source.replaceAll('%F', escaped), 'm');
}
