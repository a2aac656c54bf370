/**
 * An XLSX/XLSM workbook (ECMA-376 SpreadsheetML, a zip of XML parts): its sheets in workbook order
 * with their state (visible, hidden, very hidden), the date system (1900 or 1904), which cell styles
 * are date formats, and the shared-strings table. Only the parts needed are unpacked.
 */
import path from 'node:path/posix';
import { InputError } from '../../model/errors.js';
import { MAX_SHARED_STRINGS_BYTES, MAX_WORKBOOK_PART_BYTES } from '../limits.js';
import { isDateFormat } from './xlsx-dates.js';
import { xmlReader, type Attributes } from './xml-events.js';
import { entryBuffer, entryChunks, type ZipArchive, type ZipEntry } from './zip-archive.js';

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** the part holding the sheet's cells, null for a chart sheet */
  part: string | null;
}

export interface Workbook {
  file: string;
  zip: ZipArchive;
  sheets: SheetInfo[];
  date1904: boolean;
  /** per cell style (the `s` of a cell): whether its number format shows a date or time */
  dateStyles: boolean[];
  /** read on first use */
  sharedStrings(): Promise<string[]>;
}

export async function openWorkbook(zip: ZipArchive): Promise<Workbook> {
  const file = zip.file;
  const byName = new Map(zip.entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const part = (name: string) => byName.get(name);
  const rootRels = part('_rels/.rels');
  const workbookPath = (rootRels ? relationships(await readPart(zip, rootRels), '').find((r) => r.type.endsWith('/officeDocument'))?.target : undefined) ?? 'xl/workbook.xml';
  const workbookEntry = part(workbookPath);
  if (!workbookEntry) throw new InputError('not a readable workbook: it has no workbook part (xl/workbook.xml)', { file });
  const dir = path.dirname(workbookPath);
  const relsEntry = part(path.join(dir, '_rels', `${path.basename(workbookPath)}.rels`));
  const rels = relsEntry ? relationships(await readPart(zip, relsEntry), dir) : [];
  const relTarget = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  parseXml(file, await readPart(zip, workbookEntry), (name, attributes) => {
    const a = attributes.all();
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name === 'sheet') {
      const rel = relTarget.get(a['r:id'] ?? a.id ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '');
      const state = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, state, part: rel?.type.endsWith('/worksheet') ? rel.target : null });
    }
  });
  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  const stylesEntry = part(stylesRel?.target ?? path.join(dir, 'styles.xml'));
  const dateStyles = stylesEntry ? cellDateStyles(file, await readPart(zip, stylesEntry)) : [];
  const stringsRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const stringsEntry = part(stringsRel?.target ?? path.join(dir, 'sharedStrings.xml'));
  let strings: Promise<string[]> | null = null;
  return {
    file,
    zip,
    sheets,
    date1904,
    dateStyles,
    sharedStrings: () => {
      strings ??= stringsEntry ? readSharedStrings(zip, stringsEntry) : Promise.resolve([]);
      return strings;
    },
  };
}

export function sheetEntry(workbook: Workbook, sheet: SheetInfo): ZipEntry | undefined {
  return sheet.part === null ? undefined : workbook.zip.entries.find((e) => e.name.replace(/^\//, '') === sheet.part);
}

function readPart(zip: ZipArchive, entry: ZipEntry): Promise<Buffer> {
  return entryBuffer(zip, entry, MAX_WORKBOOK_PART_BYTES, 'a workbook part');
}

function parseXml(file: string, xml: Buffer, open: (name: string, attributes: Attributes) => void): void {
  const reader = xmlReader(file, { open, close() {}, text() {} });
  reader.write(xml);
  reader.end();
}

interface Relationship {
  id: string;
  type: string;
  /** the part it names, from the archive's root */
  target: string;
}

function relationships(xml: Buffer, dir: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml('', xml, (name, attributes) => {
    const a = attributes.all();
    if (name !== 'Relationship' || a.TargetMode === 'External') return;
    const target = a.Target ?? '';
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: target.startsWith('/') ? target.slice(1) : path.normalize(path.join(dir, target)) });
  });
  return out;
}

/** Per `cellXfs` entry (the index a cell's `s` names): whether its number format is a date or time. */
function cellDateStyles(file: string, xml: Buffer): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const reader = xmlReader(file, {
    open(name, attributes) {
      const a = attributes.all();
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(isDateFormat(id, custom.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  reader.write(xml);
  reader.end();
  return styles;
}

/** The shared strings in order: each `<si>` is its `<t>` texts joined (rich-text runs), phonetic guides left out. */
async function readSharedStrings(zip: ZipArchive, entry: ZipEntry): Promise<string[]> {
  const file = `${zip.file}[${entry.name}]`;
  if (entry.size > MAX_SHARED_STRINGS_BYTES) {
    throw new InputError(`the shared-strings table is larger than ${MAX_SHARED_STRINGS_BYTES / 1024 / 1024} MiB, the limit`, { file });
  }
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  const reader = xmlReader(file, {
    open(name) {
      if (name === 't') inT = true;
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 'si') current = '';
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(unescapeText(current));
    },
    text(t) {
      if (inT && !inPhonetic) current += t;
    },
  });
  for await (const chunk of entryChunks(zip, entry)) reader.write(chunk);
  reader.end();
  return strings;
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return). */
export function unescapeText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
