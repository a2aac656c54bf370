/**
 * Hostile inputs, written into a temporary directory: files nobody checked, each with what cxm must do
 * with it — exit 0 with warnings naming the lines, or exit 2 with one line naming the file (and the
 * line where there is one). Generated here (no large files in the repository); seeded where random.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { random } from '../../scripts/seeded-random.mjs';
import { xlsx } from '../../scripts/xlsx-writer.mjs';
import { zip } from '../../scripts/zip-writer.mjs';

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

/** The first 60% of `bytes`: a download that stopped. */
function cutShort(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * 0.6));
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

const SMALL_CSV = 'id,nps,region\n1,9,EMEA\n2,6,APAC\n';
/** A sheet part whose DOCTYPE declares entities that expand a billion times ("billion laughs"). */
const LAUGHS = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
const SHEET = (rows: string) => `<?xml version="1.0"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const book = (sheets: Parameters<typeof xlsx>[0]['sheets'], parts?: Record<string, string>) => xlsx({ sheets, parts });

/** Archives and workbooks that are damaged, lie about their sizes, or are made to exhaust memory. */
const ARCHIVES: Hostile[] = [
  { name: 'a zip signature and random bytes', file: 'scores.csv.xlsx', bytes: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2000, 9)]), code: 2, stderr: /^cxm: %F: not a readable zip archive: no end-of-archive record/ },
  { name: 'a gzip signature and random bytes', file: 'responses.csv.gz', bytes: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(2000, 10)]), code: 2, stderr: /^cxm: %F: not a readable gzip stream \(.+\): damaged or cut short\?$/ },
  { name: 'a gzip file cut short', file: 'cut.csv.gz', bytes: () => cutShort(gzipSync(Buffer.from(`id,nps\n${Array.from(randomBytes(20_000, 13), (v, i) => `${i},${v % 11}`).join('\n')}\n`))), code: 2, stderr: /^cxm: %F: not a readable gzip stream \(unexpected end of file\): damaged or cut short\?$/ },
  { name: 'a bzip2 file', file: 'responses.csv.bz2', bytes: () => Buffer.concat([Buffer.from('BZh91AY&SY'), randomBytes(500, 11)]), code: 2, stderr: /^cxm: %F: not a text file: a bzip2-compressed file: decompress it first \(cxm reads gzip\)$/ },
  { name: 'a zip archive cut short', file: 'cut.zip', bytes: () => zip([{ name: 'survey.csv', data: SMALL_CSV }]).subarray(0, 60), code: 2, stderr: /^cxm: %F: not a readable zip archive: no end-of-archive record/ },
  { name: 'a password-protected zip entry', file: 'locked.zip', bytes: () => zip([{ name: 'survey.csv', data: SMALL_CSV, flags: 1 }]), code: 2, stderr: /^cxm: %F\[survey\.csv\]: the entry is password-protected \(encrypted\)/ },
  { name: 'a zip entry whose checksum fails', file: 'crc.zip', bytes: () => zip([{ name: 'survey.csv', data: SMALL_CSV, crc: 12345 }]), code: 2, stderr: /^cxm: %F\[survey\.csv\]: a damaged zip entry: its checksum \(CRC-32\) does not match$/ },
  { name: 'a zip entry that unpacks to more than it declares', file: 'liar.zip', bytes: () => zip([{ name: 'survey.csv', data: `id,nps\n${'1,9\n'.repeat(100_000)}`, declaredSize: 1000 }]), code: 2, stderr: /^cxm: %F\[survey\.csv\]: a damaged zip entry: it unpacks to more than the 1,000 bytes it declares$/ },
  {
    name: 'a zip bomb (an entry that unpacks 1000 times its size)',
    file: 'bomb.zip',
    bytes: () => zip([{ name: 'survey.csv', data: Buffer.concat([Buffer.from('id,nps\n1,9\n'), Buffer.alloc(100 * MiB, 0x0a)]), declaredSize: 12 }]),
    code: 2,
    stderr: /^cxm: %F\[survey\.csv\]: a damaged zip entry: it unpacks to more than the 12 bytes it declares$/,
  },
  {
    name: 'a zip bomb that declares its size honestly',
    file: 'honest-bomb.zip',
    bytes: () => zip([{ name: 'survey.csv', data: Buffer.concat([Buffer.from('id,nps\n1,9\n'), Buffer.alloc(100 * MiB, 0x0a)]) }]),
    code: 2,
    stderr: /^cxm: %F\[survey\.csv\]: the zip entry unpacks to more than 1,000 times its packed size, the limit \(a zip bomb\?\)$/,
    heavy: true,
  },
  { name: 'a zip of 10,001 entries', file: 'many.zip', bytes: () => zip(Array.from({ length: 10_001 }, (_, i) => ({ name: `part${i}.csv`, data: SMALL_CSV, method: 'store' as const }))), code: 2, stderr: /^cxm: %F: the archive has 10,001 entries, more than 10,000, the limit$/ },
  { name: 'a zip entry named to escape the directory', file: 'escape.zip', bytes: () => zip([{ name: '../../../tmp/cxm-escape.csv', data: SMALL_CSV }]), code: 0, stderr: /^read 2 rows: 2 used/ },
  { name: 'a zip holding nothing cxm reads', file: 'pdfs.zip', bytes: () => zip([{ name: 'report.pdf', data: '%PDF-1.4' }]), code: 2, stderr: /^cxm: %F: the archive holds no export cxm reads \(.*\): report\.pdf$/ },
  { name: 'an empty zip archive', file: 'empty.zip', bytes: () => zip([]), code: 2, stderr: /^cxm: %F: the archive holds no export cxm reads \(.*\): it is empty$/ },
  { name: 'an OpenDocument spreadsheet', file: 'survey.ods', bytes: () => zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' }, { name: 'content.xml', data: '<x/>' }]), code: 2, stderr: /^cxm: %F: an OpenDocument file \(\.ods\): cxm reads \.xlsx workbooks/ },
  { name: 'an old Excel .xls workbook', file: 'survey.xls', bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2000, 12)]), code: 2, stderr: /^cxm: %F: not a text file: an old Excel \.xls workbook \(Excel 97-2003\): cxm reads \.xlsx/ },
  { name: 'a workbook whose sheet declares entities (billion laughs)', file: 'laughs.xlsx', bytes: () => book([{ name: 'Sheet1', rows: [['x']] }], { 'xl/worksheets/sheet1.xml': LAUGHS }), code: 2, stderr: /^cxm: %F\[Sheet1\]: not a readable workbook part: it declares a DOCTYPE \(entity declarations are not read, for safety\)$/ },
  { name: 'a workbook with no sheets', file: 'nosheets.xlsx', bytes: () => book([]), code: 2, stderr: /^cxm: %F: the workbook has no sheets$/ },
  { name: 'a sheet with no rows', file: 'blank.xlsx', bytes: () => book([{ name: 'Empty', rows: [] }]), code: 2, stderr: /^cxm: %F\[Empty\]: no header row: the sheet has no rows$/ },
  { name: 'a sheet with a header alone', file: 'header.xlsx', bytes: () => book([{ name: 'Sheet1', rows: [['id', 'nps']] }]), code: 2, stderr: /^cxm: %F\[Sheet1\]:2: no data rows/ },
  {
    name: 'a sheet cell naming a shared string that does not exist',
    file: 'strings.xlsx',
    bytes: () => book([{ name: 'Sheet1', rows: [['nps']] }], { 'xl/worksheets/sheet1.xml': SHEET('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99</v></c></row>') }),
    code: 2,
    stderr: /^cxm: %F\[Sheet1\]:2: a cell names shared string "99", which the workbook does not have$/,
  },
  { name: 'a sheet that is not XML', file: 'broken.xlsx', bytes: () => book([{ name: 'Sheet1', rows: [['nps']] }], { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>9</v></row>' }), code: 2, stderr: /^cxm: %F\[Sheet1\]: not a readable workbook part: / },
  { name: 'a Parquet signature and random bytes', file: 'scores.parquet', bytes: () => Buffer.concat([Buffer.from('PAR1'), randomBytes(2000, 14), Buffer.from('PAR1')]), code: 2, stderr: /^cxm: %F: not a readable Parquet file \(.+\)$/ },
  { name: 'an SPSS file', file: 'survey.sav', bytes: () => Buffer.concat([Buffer.from('$FL2@(#) SPSS DATA FILE'), randomBytes(500, 15)]), code: 2, stderr: /^cxm: %F: an SPSS \.sav file: cxm does not read SPSS yet/ },
  { name: 'a sheet with invalid scores', file: 'invalid.xlsx', bytes: () => book([{ name: 'Sheet1', rows: [['id', 'nps'], [1, 9], [2, 'eleven'], [3, 6.5]] }]), code: 0, stderr: /^ {2}%F\[Sheet1\]:3: column "nps": "eleven" is not a score on 0-10$/m },
];

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
  ...ARCHIVES,
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
