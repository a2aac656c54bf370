/**
 * Opening what is inside a container: a gzip stream, a zip download (one export, `--entry NAME`, or
 * all its exports as one data set), a workbook's sheet (`--sheet NAME|N`), a Parquet or SPSS file.
 * Returns text inputs for the CSV/JSON reader and tables (rows of cells) for the rest.
 */
import path from 'node:path/posix';
import { InputError } from '../../model/errors.js';
import { HEAD_BYTES, type Input } from '../input.js';
import { formatLimit, MAX_ARCHIVE_IN_MEMORY } from '../limits.js';
import { inputBytes, memoryBytes, type ByteSource } from './byte-source.js';
import { containerKind } from './container-kind.js';
import { gunzipInput } from './gzip.js';
import { streamInput } from './stream-input.js';
import type { Table } from './table.js';
import { sheetRows } from './xlsx-sheet.js';
import { openWorkbook, type SheetInfo } from './xlsx-workbook.js';
import { entryBuffer, entryChunks, isDirectory, openZip, type ZipArchive, type ZipEntry } from './zip-archive.js';

export interface Choice {
  sheet?: string;
  entry?: string;
}

/** How the export was found inside its container, for `inspect` and the summary. */
export interface ContainerInfo {
  /** outermost first: `['zip']`, `['zip', 'xlsx']`, `['gzip']` */
  kinds: string[];
  /** the archive entry read, and all the exports the archive holds */
  entry?: string;
  entries?: string[];
  /** the sheet read, and every sheet of the workbook */
  sheet?: string;
  sheets?: { name: string; state: SheetInfo['state'] }[];
}

export interface Opened {
  input?: Input;
  table?: Table;
  container: ContainerInfo;
}

/** Extensions of the files a download zip may hold that cxm reads. */
const EXPORT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.xlsx', '.xlsm', '.gz', '.parquet', '.sav']);
const NESTING = 3;

export async function openContainer(outer: Input, choice: Choice, depth = 0, kinds: string[] = []): Promise<Opened[]> {
  const kind = containerKind(outer.head);
  if (kind === null) return [{ input: outer, container: { kinds } }];
  if (depth >= NESTING) throw new InputError(`containers nested more than ${NESTING} deep`, { file: outer.name });
  if (kind === 'gzip') {
    const inner = gunzipInput(outer);
    await inner.extendHead(HEAD_BYTES);
    if (inner.head.length === 0 && inner.complete) throw new InputError('the gzip stream is empty', { file: outer.name });
    return openContainer(inner, choice, depth + 1, [...kinds, 'gzip']);
  }
  if (kind === 'parquet') {
    const { openParquet } = await import('./parquet-table.js');
    return [{ table: await openParquet(await inputBytes(outer, 'a Parquet file'), outer.name), container: { kinds } }];
  }
  if (kind === 'sav') throw new InputError('an SPSS .sav file: cxm does not read SPSS yet; export the data as CSV (with values, not labels)', { file: outer.name });
  const bytes = await inputBytes(outer, 'a zip archive');
  return openZipContainer(openZip(bytes, outer.name), choice, depth, kinds);
}

async function openZipContainer(zip: ZipArchive, choice: Choice, depth: number, kinds: string[]): Promise<Opened[]> {
  const names = new Set(zip.entries.map((e) => e.name.replace(/^\//, '')));
  if (names.has('xl/workbook.xml') || (names.has('_rels/.rels') && [...names].some((n) => /(^|\/)workbook\d*\.xml$/.test(n)))) return [await openSheet(zip, choice, [...kinds, 'xlsx'])];
  const mimetype = zip.entries.find((e) => e.name === 'mimetype');
  if (mimetype && (await entryBuffer(zip, mimetype, 4096, 'the mimetype entry')).toString('latin1').includes('opendocument')) {
    throw new InputError('an OpenDocument file (.ods): cxm reads .xlsx workbooks; save it as .xlsx or CSV', { file: zip.file });
  }
  const exports = zip.entries.filter(isExport);
  if (exports.length === 0) {
    const seen = zip.entries.filter((e) => !isDirectory(e)).map((e) => e.name);
    throw new InputError(`the archive holds no export cxm reads (CSV, TSV, JSON, NDJSON, XLSX, gzip)${seen.length ? `: ${listed(seen)}` : ': it is empty'}`, { file: zip.file });
  }
  const all = exports.map((e) => e.name);
  let chosen = exports;
  if (choice.entry !== undefined) {
    const wanted = choice.entry;
    const match = exports.filter((e) => e.name === wanted);
    const found = match.length ? match : exports.filter((e) => path.basename(e.name) === wanted || e.name.toLowerCase() === wanted.toLowerCase() || path.basename(e.name).toLowerCase() === wanted.toLowerCase());
    if (found.length !== 1) {
      throw new InputError(`--entry ${JSON.stringify(wanted)}: ${found.length === 0 ? 'no such export in the archive' : 'names several exports'}; it holds ${listed(all)}`, { file: zip.file });
    }
    chosen = found;
  } else if (new Set(exports.map((e) => family(e.name))).size > 1) {
    throw new InputError(`the archive holds exports of different kinds (${listed(all)}): choose one with --entry NAME`, { file: zip.file });
  }
  const opened: Opened[] = [];
  for (const entry of chosen) {
    const info = { kinds: [...kinds, 'zip'], entry: entry.name, entries: all };
    const name = `${zip.file}[${entry.name}]`;
    const ext = path.extname(entry.name).toLowerCase();
    if (ext === '.xlsx' || ext === '.xlsm') {
      const inner = openZip(await innerBytes(zip, entry), name);
      const sheet = await openSheet(inner, choice, [...info.kinds, 'xlsx']);
      opened.push({ ...sheet, container: { ...sheet.container, entry: entry.name, entries: all } });
      continue;
    }
    const input = streamInput({ name, innerName: entry.name, reopenable: true, open: () => entryChunks(zip, entry) });
    await input.extendHead(HEAD_BYTES);
    const inner = await openContainer(input, { sheet: choice.sheet }, depth + 1, info.kinds);
    for (const o of inner) opened.push({ ...o, container: { ...o.container, entry: entry.name, entries: all } });
  }
  return opened;
}

async function innerBytes(zip: ZipArchive, entry: ZipEntry): Promise<ByteSource> {
  return memoryBytes(await entryBuffer(zip, entry, MAX_ARCHIVE_IN_MEMORY, `a workbook inside the archive (${formatLimit(entry.size, 'count')} bytes)`));
}

async function openSheet(zip: ZipArchive, choice: Choice, kinds: string[]): Promise<Opened> {
  const workbook = await openWorkbook(zip);
  const sheets = workbook.sheets;
  if (sheets.length === 0) throw new InputError('the workbook has no sheets', { file: zip.file });
  const sheet = pickSheet(sheets, choice.sheet, zip.file);
  const name = `${zip.file}[${sheet.name}]`;
  return {
    table: { name, format: 'xlsx', rows: () => sheetRows(workbook, sheet, name) },
    container: { kinds, sheet: sheet.name, sheets: sheets.map((s) => ({ name: s.name, state: s.state })) },
  };
}

/** `--sheet` by name (exactly, else ignoring case) or by position from 1; by default the first visible worksheet. */
function pickSheet(sheets: SheetInfo[], wanted: string | undefined, file: string): SheetInfo {
  const list = () => sheets.map((s, i) => `${i + 1} ${JSON.stringify(s.name)}${s.state === 'visible' ? '' : ` (${s.state === 'hidden' ? 'hidden' : 'very hidden'})`}`).join(', ');
  if (wanted === undefined) {
    const first = sheets.find((s) => s.state === 'visible' && s.part !== null) ?? sheets.find((s) => s.part !== null);
    if (!first) throw new InputError(`the workbook has no worksheet (only chart sheets: ${list()})`, { file });
    return first;
  }
  const exact = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= sheets.length) return sheets[n - 1];
  }
  throw new InputError(`--sheet ${JSON.stringify(wanted)}: the workbook has no such sheet; its sheets: ${list()}`, { file });
}

function isExport(entry: ZipEntry): boolean {
  if (isDirectory(entry)) return false;
  const base = path.basename(entry.name);
  // macOS resource forks and Finder files come along in zips made on a Mac
  if (entry.name.startsWith('__MACOSX/') || base.startsWith('.')) return false;
  return EXPORT_EXTENSIONS.has(path.extname(base).toLowerCase());
}

/** Exports of one family can be one data set; a CSV beside a workbook is the same answers twice. */
function family(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return ext === '.xlsm' ? '.xlsx' : ext === '.tsv' || ext === '.txt' ? '.csv' : ext === '.jsonl' ? '.ndjson' : ext;
}

function listed(names: string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}
