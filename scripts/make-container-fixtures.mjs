// Writes fixtures/containers/: the CSV exports of fixtures/exports/ (run make-export-fixtures.mjs
// first) as they are downloaded — gzip, zip downloads (Qualtrics, SurveyMonkey), XLSX workbooks
// written by hand (scripts/xlsx-writer.mjs) with numbers as number cells, dates as date cells, shared
// and inline strings, formulas with cached values, an empty row, a hidden sheet, the 1904 date system,
// merged header cells — each holding the same answers as its CSV, so it must give the same scores
// (test/io/containers.test.ts). The same bytes every run.
// Usage: node scripts/make-container-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { parseCsv, xlsx } from './xlsx-writer.mjs';
import { zip } from './zip-writer.mjs';

const exportsDir = new URL('../fixtures/exports/', import.meta.url);
const dir = new URL('../fixtures/containers/', import.meta.url);
mkdirSync(dir, { recursive: true });
const read = (name) => readFileSync(new URL(name, exportsDir));
const write = (name, data) => writeFileSync(new URL(name, dir), data);
// mtime 0 and no name: the same gzip bytes every run
const gzip = (data) => zlib.gzipSync(data, { level: 6 });

/** A CSV's records as cells: plain numbers become number cells, as a spreadsheet holds them. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const cellsOf = (rows, numbersFrom = 0) => rows.map((row, r) => row.map((v) => (v === '' ? null : r >= numbersFrom && NUMBER.test(v) ? Number(v) : v)));

// ---------------------------------------------------------------- gzip
write('qualtrics.csv.gz', gzip(read('qualtrics.csv')));
write('generic.ndjson.gz', gzip(read('generic.ndjson')));
// gzip magic bytes, a name that says nothing
write('generic-csv.gzipped', gzip(read('generic.csv')));

// ---------------------------------------------------------------- zip downloads
write('qualtrics-download.zip', zip([{ name: 'Acme Customer Survey.csv', data: read('qualtrics.csv') }]));
write(
  'surveymonkey-download.zip',
  zip([
    { name: 'CSV/', data: '', method: 'store' },
    { name: 'CSV/Acme Customer Survey.csv', data: read('surveymonkey.csv') },
    { name: '__MACOSX/CSV/._Acme Customer Survey.csv', data: Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]) },
  ]),
);
const generic = parseCsv(read('generic.csv').toString('utf8'));
const csvText = (rows) => `${rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n')}\n`;
const half = 1 + Math.floor((generic.length - 1) / 2);
write(
  'parts.zip',
  zip([
    { name: 'responses-part1.csv', data: csvText(generic.slice(0, half)) },
    { name: 'responses-part2.csv', data: csvText([generic[0], ...generic.slice(half)]), method: 'store' },
  ]),
);

// ---------------------------------------------------------------- workbooks
const genericCells = cellsOf(generic, 1);
const submitted = generic[0].indexOf('submitted_at');
const nps = generic[0].indexOf('nps');
const comment = generic[0].indexOf('comment');
const genericRows = genericCells.map((row, r) => {
  if (r === 0) return row;
  const out = [...row];
  // the submission time as a date cell (wall-clock UTC, as the CSV's Z says)
  out[submitted] = { date: Date.parse(generic[r][submitted]) };
  // some answers as formulas whose cached value is the answer, some comments as inline strings
  if (r % 5 === 0 && typeof out[nps] === 'number') out[nps] = { formula: `${out[nps]}*1`, value: out[nps] };
  if (r % 3 === 0 && out[comment] !== null) out[comment] = { inline: generic[r][comment] };
  return out;
});
// an empty row inside the data, as people leave them
genericRows.splice(6, 0, null);
const genericBook = (options = {}) =>
  xlsx({
    ...options,
    sheets: [
      { name: 'Notes', rows: [['exported for the Q1 review']], state: 'hidden' },
      { name: 'Responses', rows: genericRows },
      { name: 'Summary', rows: [['NPS', { formula: 'AVERAGE(Responses!E2:E41)', value: 7.1 }], ['reviewed', true]] },
    ],
  });
write('generic.xlsx', genericBook());
write('generic-1904.xlsx', genericBook({ date1904: true }));
write('generic-prefixed.xlsx', genericBook({ prefix: 'x' }));

const qualtrics = parseCsv(read('qualtrics.csv').toString('utf8'));
write('qualtrics.xlsx', xlsx({ sheets: [{ name: 'Sheet0', rows: cellsOf(qualtrics, 3) }] }));

const monkey = parseCsv(read('surveymonkey.csv').toString('utf8'));
const products = monkey[0].indexOf('Which Acme products do you use?');
const col = (i) => String.fromCharCode(65 + i);
const monkeyBook = xlsx({ sheets: [{ name: 'Sheet', rows: cellsOf(monkey, 2), merges: [`${col(products)}1:${col(products + 2)}1`] }] });
write('surveymonkey.xlsx', monkeyBook);
write('surveymonkey-excel.zip', zip([{ name: 'Excel/Acme Customer Survey.xlsx', data: monkeyBook, method: 'store' }]));

const forms = parseCsv(read('microsoft-forms.csv').toString('utf8'));
const formsDates = ['Start time', 'Completion time'].map((h) => forms[0].indexOf(h));
/** `1/5/26 14:43:24` (M/D/YY, as the CSV writes it) as a date cell */
const formsDate = (s) => {
  const [, m, d, y, hh, mm, ss] = s.match(/^(\d+)\/(\d+)\/(\d+) (\d+):(\d+):(\d+)$/).map(Number);
  return { date: Date.UTC(2000 + y, m - 1, d, hh, mm, ss) };
};
const formsRows = cellsOf(forms, 1).map((row, r) => (r === 0 ? row : row.map((v, c) => (formsDates.includes(c) && v !== null ? formsDate(forms[r][c]) : v))));
write('microsoft-forms.xlsx', xlsx({ sheets: [{ name: 'Sheet1', rows: formsRows }] }));

write('mixed.zip', zip([{ name: 'generic.csv', data: read('generic.csv') }, { name: 'generic.xlsx', data: genericBook() }]));
console.log('wrote fixtures/containers/');

// ---------------------------------------------------------------- Parquet, written by DuckDB (a devDependency)
// the CSV's columns with the types DuckDB infers: submitted_at a timestamp, the scores integers
const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
const from = new URL('generic.csv', exportsDir).pathname;
const to = new URL('generic.parquet', dir).pathname;
await connection.run(`COPY (SELECT * FROM read_csv('${from}') ORDER BY response_id) TO '${to}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 16)`);
connection.closeSync?.();
console.log('wrote fixtures/containers/generic.parquet');
