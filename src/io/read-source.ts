/**
 * The reader pipeline, front to back, for one input:
 *   bytes → decode (BOM, UTF-16, Windows-1252) → parse (CSV scanner | JSON | NDJSON) → layout (header
 *   rows) → records handed to a sink, one at a time.
 * `openSource` sniffs and reads the header and a preview; `readSource` streams the data records, the
 * whole input or one byte range of it (a thread's share of a large file).
 */
import { InputError } from '../model/errors.js';
import type { IssueLog } from '../model/issues.js';
import { CsvScanner, CsvSyntaxError, type CsvRecord } from './csv-scanner.js';
import { createTranscoder, detectEncoding, type Encoding, type EncodingGuess } from './decode.js';
import { openInput, openRangeReader, type Input } from './input.js';
import type { AnswerField } from './answer-columns.js';
import { JsonRecord, JsonSyntaxError, jsonDocumentItems, NESTED, ndjsonItems, type FlatRecord, type JsonItem } from './json-reader.js';
import { detectLayout, layoutDateColumn, layoutHints, layoutRules, type Layout, type LayoutName, type RoleHint, type RowRules } from './layout.js';
import { formatLimit, MAX_COLUMNS, MAX_HEAD_BYTES } from './limits.js';
import { notTextReason } from './not-text.js';
import { NulWatch } from './nul-watch.js';
import type { RecordSink } from './record.js';
import { hasRowRules, withRowRules } from './row-rules.js';
import { detectDelimiter, detectFormat, type Format } from './sniff.js';
import { containerKind } from './containers/container-kind.js';
import type { ContainerInfo } from './containers/open-container.js';
import type { Table, TableRow } from './containers/table.js';

export interface OpenOptions {
  delimiter?: string;
  encoding?: Encoding;
  layout?: string;
  /** keep Qualtrics previews, tests and spam (left out by default) */
  includePreviews?: boolean;
  /** keep partial responses (Typeform partial / not submitted): left out by default */
  includePartials?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** the sheet of a workbook (name, or position from 1) */
  sheet?: string;
  /** the export inside a zip archive */
  entry?: string;
}

/** Text formats, and the formats read as tables of cells (workbooks, Parquet, SPSS). */
export type SourceFormat = Format | Table['format'];

export interface Source {
  input: Input;
  encoding: EncodingGuess;
  format: SourceFormat;
  /** how the export was found in a gzip stream, a zip archive or a workbook; absent for a plain file */
  container?: ContainerInfo;
  /** tables: the rows, read again for each pass */
  table?: Table;
  /** CSV only */
  delimiter: string | null;
  layout: LayoutName;
  /** how the layout was recognised */
  layoutEvidence: string;
  header: string[];
  /** per column: the question text or longer label from the header rows, '' when none */
  labels: string[];
  /** per column: a time zone the header gives for its dates, else null */
  timeZones: (string | null)[];
  /** rows the layout leaves out (previews, partial responses…), by column index */
  rules: RowRules;
  /** columns the layout assigns to a role */
  hints: RoleHint[];
  /** the response-time column the layout names, if any */
  dateHint?: string;
  /** number of header records before the data */
  headerRows: number;
  /** CSV in UTF-8: absolute byte offset and line of the first data record (for splitting) */
  dataOffset: number;
  dataLine: number;
  /** the first data records as text */
  preview: string[][];
  /** things worth telling the user about how the file was read */
  notes: string[];
  /** JSON: items already read while looking for the columns */
  json?: {
    buffered: JsonItem[];
    rest: AsyncGenerator<JsonItem>;
    bytesRead: { bytes: number };
    /** columns holding a plain value in some responses and an object in others (the object is a bad value) */
    objectValued: string[];
  };
}

const PREVIEW_ROWS = 100;
/** cells kept as text for the preview: a very wide file gets fewer preview rows (memory and time) */
const PREVIEW_CELLS = 400_000;
const MIN_PREVIEW_ROWS = 10;
/** the longest stretch of synchronous reading before the event loop gets a turn (for signals) */
const EVENT_LOOP_TURN_MS = 50;
const JSON_COLUMN_SCAN = 1000;

/** How many records (up to 4 header rows included) to keep as text, given the width of the first one. */
function recordsToKeep(width: number): number {
  return 4 + Math.max(MIN_PREVIEW_ROWS, Math.min(PREVIEW_ROWS, Math.floor(PREVIEW_CELLS / Math.max(1, width))));
}

/**
 * Opens an input and the exports inside it: one for a plain file, a gzip stream or a workbook; one per
 * entry for a zip archive read as one data set.
 */
export async function openSources(arg: string, options: OpenOptions = {}): Promise<Source[]> {
  const input = await openInput(arg, options.stdin);
  if (input.head.length === 0 && input.complete) throw new InputError('the file is empty', { file: input.name });
  if (containerKind(input.head) === null) {
    if (options.sheet !== undefined) throw new InputError('--sheet: not a workbook (.xlsx): --sheet chooses a sheet of a workbook', { file: input.name });
    if (options.entry !== undefined) throw new InputError('--entry: not a zip archive: --entry chooses an export inside a .zip', { file: input.name });
    return [await openText(input, options)];
  }
  // the readers of containers load only now: CSV runs and `cxm --version` never load them
  const { openContainer } = await import('./containers/open-container.js');
  const opened = await openContainer(input, { sheet: options.sheet, entry: options.entry });
  const kinds = new Set(opened.flatMap((o) => o.container.kinds));
  if (options.sheet !== undefined && !kinds.has('xlsx')) throw new InputError('--sheet: not a workbook (.xlsx): --sheet chooses a sheet of a workbook', { file: input.name });
  if (options.entry !== undefined && !kinds.has('zip')) throw new InputError('--entry: not a zip archive: --entry chooses an export inside a .zip', { file: input.name });
  const sources: Source[] = [];
  for (const o of opened) {
    const source = o.table ? await openTable(o.table, options) : await openText(o.input!, options);
    if (o.container.kinds.length) source.container = o.container;
    sources.push(source);
  }
  if (sources.length > 1) {
    sources[0].notes.push(`read the ${sources.length} exports of the archive as one data set: ${opened.map((o) => o.container.entry).join(', ')} (--entry NAME reads one)`);
  }
  return sources;
}

/** One export: an archive holding several is an error that lists them. */
export async function openSource(arg: string, options: OpenOptions = {}): Promise<Source> {
  const sources = await openSources(arg, options);
  if (sources.length > 1) {
    const entries = sources.map((s) => s.container?.entry).join(', ');
    throw new InputError(`the archive holds ${sources.length} exports (${entries}): choose one with --entry NAME`, { file: arg === '-' ? 'stdin' : arg });
  }
  return sources[0];
}

async function openText(input: Input, options: OpenOptions): Promise<Source> {
  if (input.head.length === 0 && input.complete) throw new InputError('the file is empty', { file: input.name });
  const encoding = detectEncoding(input.head, options.encoding);
  const notes: string[] = [];
  if (encoding.by === 'fallback') notes.push('not valid UTF-8: read as Windows-1252 (use --encoding to say otherwise)');
  const headText = headBytes(input, encoding).toString('utf8');
  const notText = notTextReason(input.head, headText);
  if (notText) throw new InputError(notText.message, { file: input.name, line: notText.line });
  const format = detectFormat(input.innerName ?? input.name, headText);
  const source = format === 'csv' ? await openCsv(input, encoding, headText, options, notes) : await openJson(input, encoding, format, options, notes);
  return finishSource(source, options);
}

function finishSource(source: Source, options: OpenOptions): Source {
  if (options.includePreviews) delete source.rules.status;
  if (options.includePartials) {
    delete source.rules.responseType;
    delete source.rules.submitted;
  }
  const dateHint = layoutDateColumn(source.layout, source.header);
  if (dateHint) source.dateHint = dateHint;
  return source;
}

/**
 * A table (a sheet, a Parquet or SPSS file): its first rows are what a CSV's first records are, so the
 * layouts are detected from them exactly as from a CSV of the same cells.
 */
async function openTable(table: Table, options: OpenOptions): Promise<Source> {
  const first: string[][] = [];
  const lines: number[] = [];
  let keep = PREVIEW_ROWS + 4;
  const rows = table.rows();
  try {
    for await (const row of rows) {
      if (first.length === 0) keep = recordsToKeep(row.cells.length);
      first.push(row.cells);
      lines.push(row.line);
      if (first.length >= keep) break;
    }
  } finally {
    await rows.return(undefined);
  }
  if (first.length === 0) throw new InputError(`no header row: the ${table.format === 'xlsx' ? 'sheet' : 'file'} has no rows`, { file: table.name });
  const layout = chosenLayout(first, 'csv', options.layout, table.name);
  if (first.length < layout.headerRows) {
    throw new InputError(`--layout ${layout.name}: the layout has ${layout.headerRows} header rows, the ${table.format === 'xlsx' ? 'sheet' : 'file'} ${first.length} row${first.length === 1 ? '' : 's'}`, { file: table.name });
  }
  const header = layout.header;
  const preview = first.slice(layout.headerRows, layout.headerRows + keep - 4).map((row) => header.map((_, i) => row[i] ?? ''));
  const labels = table.labels ? header.map((_, i) => layout.labels[i] || table.labels![i] || '') : layout.labels;
  const source: Source = {
    input: { name: table.name, path: null, size: null, head: Buffer.alloc(0), complete: true, extendHead: async () => {}, chunks: async function* () {} },
    encoding: { encoding: 'utf8', bomLength: 0, by: 'utf8' },
    format: table.format,
    table,
    delimiter: null,
    layout: layout.name,
    layoutEvidence: layout.evidence,
    header,
    labels,
    timeZones: layout.timeZones,
    rules: layoutRules(layout.name, header),
    hints: layoutHints(layout.name, header, previewColumn(header, preview), () => undefined),
    headerRows: layout.headerRows,
    dataOffset: 0,
    dataLine: lines[layout.headerRows] ?? (lines[layout.headerRows - 1] ?? 1) + 1,
    preview,
    notes: [],
  };
  return finishSource(source, options);
}

function chosenLayout(first: string[][], format: 'csv' | 'json', forced: string | undefined, file: string): Layout {
  const layout = detectLayout(first, format, forced);
  if (typeof layout === 'string') throw new InputError(`--layout: ${layout}`, { file });
  return layout;
}

/** The first values of a column, by name, from the preview (for layout hints). */
function previewColumn(header: string[], preview: string[][]): (name: string) => string[] {
  return (name) => {
    const i = header.indexOf(name);
    return i === -1 ? [] : preview.map((row) => row[i] ?? '');
  };
}

/** The head read so far as UTF-8 bytes, without its byte-order mark. */
function headBytes(input: Input, encoding: EncodingGuess): Buffer {
  const body = input.head.subarray(encoding.bomLength);
  const transcode = createTranscoder(encoding.encoding);
  return transcode ? transcode(body, input.complete) : body;
}

/**
 * Every byte of the input from the start as UTF-8, without the byte-order mark; `counter.bytes` counts
 * the bytes read (before transcoding) so far.
 */
async function* utf8Chunks(input: Input, encoding: EncodingGuess, counter: { bytes: number }): AsyncGenerator<Buffer> {
  const transcode = createTranscoder(encoding.encoding);
  let first = true;
  for await (let chunk of input.chunks(0)) {
    counter.bytes += chunk.length;
    if (first) {
      chunk = chunk.subarray(encoding.bomLength);
      first = false;
    }
    yield transcode ? transcode(chunk, false) : chunk;
  }
  if (transcode) yield transcode(Buffer.alloc(0), true);
}

async function openCsv(input: Input, encoding: EncodingGuess, headText: string, options: OpenOptions, notes: string[]): Promise<Source> {
  const delimiter = options.delimiter ?? detectDelimiter(headText);
  for (;;) {
    const first: string[][] = [];
    const offsets: number[] = [];
    const lines: number[] = [];
    let keep = PREVIEW_ROWS + 4;
    const scanner = new CsvScanner({
      delimiter: delimiter.charCodeAt(0),
      onRecord: (r: CsvRecord) => {
        if (first.length === 0) keep = recordsToKeep(r.fieldCount);
        if (first.length < keep) {
          first.push(r.toArray());
          offsets.push(r.endOffset);
          lines.push(r.line);
        }
      },
    });
    try {
      scanner.write(headBytes(input, encoding));
      if (input.complete) scanner.end();
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new InputError(error.message, { file: input.name, line: error.line });
      throw error;
    }
    const enough = first.length >= keep;
    if (!enough && !input.complete && input.head.length < MAX_HEAD_BYTES) {
      await input.extendHead(Math.min(MAX_HEAD_BYTES, input.head.length * 4));
      continue;
    }
    if (first.length === 0) throw new InputError('no header row: the file has no records', { file: input.name });
    const layout = chosenLayout(first, 'csv', options.layout, input.name);
    if (first.length < layout.headerRows) {
      throw new InputError(`--layout ${layout.name}: the layout has ${layout.headerRows} header rows, the file ${first.length} record${first.length === 1 ? '' : 's'}`, { file: input.name });
    }
    const header = layout.header;
    const dataIndex = layout.headerRows;
    const preview = first.slice(dataIndex, dataIndex + keep - 4);
    return {
      input,
      encoding,
      format: 'csv',
      delimiter,
      layout: layout.name,
      layoutEvidence: layout.evidence,
      header,
      labels: layout.labels,
      timeZones: layout.timeZones,
      rules: layoutRules(layout.name, header),
      hints: layoutHints(layout.name, header, previewColumn(header, preview), () => undefined),
      headerRows: layout.headerRows,
      dataOffset: encoding.bomLength + (offsets[dataIndex - 1] ?? 0),
      dataLine: lines[dataIndex] ?? (lines[dataIndex - 1] ?? 1) + 1,
      preview,
      notes,
    };
  }
}

async function openJson(input: Input, encoding: EncodingGuess, format: Format, options: OpenOptions, notes: string[]): Promise<Source> {
  const bytesRead = { bytes: 0 };
  const text = textChunks(input, encoding, bytesRead);
  const items = format === 'ndjson' ? ndjsonItems(text) : jsonDocumentItems(text);
  const buffered: JsonItem[] = [];
  const columns = new Set<string>();
  /** keys holding a value other than null or {} in some response, and keys holding an object */
  const plain = new Set<string>();
  const nested = new Set<string>();
  const fields = new Map<string, AnswerField>();
  try {
    while (buffered.length < JSON_COLUMN_SCAN) {
      const next = await items.next();
      if (next.done) break;
      const record = next.value.record;
      buffered.push(next.value);
      if (record) {
        for (const [k, v] of Object.entries(record)) {
          columns.add(k);
          if (v !== null && !(typeof v === 'object' && !Array.isArray(v))) plain.add(k);
        }
        if (record[NESTED]) for (const k of Object.keys(record[NESTED])) nested.add(k);
      }
      for (const [k, f] of Object.entries(next.value.fields ?? {})) fields.set(k, { ...fields.get(k), ...f });
      if (columns.size > MAX_COLUMNS) {
        throw new InputError(`more than ${formatLimit(MAX_COLUMNS, 'count')} columns, the limit`, { file: input.name, line: next.value.line });
      }
    }
  } catch (error) {
    throw jsonError(error, input.name);
  }
  const objectValued = columnsWithObjectValues(columns, plain, nested);
  if (columns.size === 0) {
    throw new InputError(buffered.length === 0 ? 'no responses in the file' : 'no response objects in the file', { file: input.name });
  }
  const layout = chosenLayout([[...columns]], 'json', options.layout, input.name);
  // a rating column every scanned conversation lacks (none rated yet) is still the rating column
  if (layout.name === 'intercom') columns.add('conversation_rating.rating');
  const header = [...columns];
  const preview = buffered.filter((b) => b.record).slice(0, recordsToKeep(header.length) - 4).map((b) => header.map((h) => cellText(valueAt(b.record!, h, objectValued))));
  return {
    input,
    encoding,
    format,
    delimiter: null,
    layout: layout.name,
    layoutEvidence: layout.evidence,
    header,
    labels: header.map((h) => fields.get(h)?.title ?? ''),
    timeZones: header.map(() => null),
    rules: layoutRules(layout.name, header),
    hints: layoutHints(layout.name, header, previewColumn(header, preview), (name) => fields.get(name)?.type),
    headerRows: 0,
    dataOffset: 0,
    dataLine: 1,
    preview,
    notes,
    json: { buffered, rest: items, bytesRead, objectValued: [...objectValued] },
  };
}

/**
 * A key that holds a plain value in some responses and an object in others is one column: the object
 * is a (bad) value of it, not a set of columns `key.sub` beside it. Returns those keys, after taking
 * their dotted columns out. (A key that is null where it is not an object, like Intercom's unrated
 * `conversation_rating`, keeps its dotted columns.)
 */
function columnsWithObjectValues(columns: Set<string>, plain: Set<string>, nested: Set<string>): Set<string> {
  const both = new Set([...nested].filter((k) => plain.has(k)));
  if (both.size > 0) {
    for (const c of [...columns]) if ([...both].some((k) => c.startsWith(`${k}.`))) columns.delete(c);
  }
  return both;
}

/** A flattened response's value of a column, or the object it holds there when the column is one of `objectValued`. */
function valueAt(record: FlatRecord, key: string, objectValued: Set<string>): unknown {
  return record[key] ?? (objectValued.has(key) ? record[NESTED]?.[key] : undefined);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

async function* textChunks(input: Input, encoding: EncodingGuess, counter: { bytes: number }): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of utf8Chunks(input, encoding, counter)) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function jsonError(error: unknown, file: string): unknown {
  if (error instanceof JsonSyntaxError) return new InputError(error.message, { file, line: error.line });
  return error;
}

export interface ReadRange {
  /** absolute byte offset of the first record to read (a record boundary) */
  start: number;
  /** line number of that record */
  line: number;
  /** stop before the first record that starts at or after this offset */
  stopAt: number;
}

export interface ReadResult {
  /** absolute offset where reading stopped (the first record not read), for checking thread splits */
  endOffset: number;
  /** line number of the next record not read */
  endLine: number;
}

/** Called after each chunk read with the bytes read so far (of this range or input). */
export type OnProgress = (bytesRead: number) => void;

/**
 * Streams the data records of a source into `sink`. With a `range` (CSV in UTF-8 from a regular file),
 * reads only that part; ragged rows are logged in `issues`.
 */
export async function readSource(source: Source, sink: RecordSink, issues: IssueLog, range?: ReadRange, onProgress?: OnProgress): Promise<ReadResult> {
  const ruled = hasRowRules(source.rules) ? withRowRules(sink, source.rules, issues, source.input.name) : sink;
  if (source.format === 'csv') return readCsv(source, ruled, issues, range, onProgress);
  if (source.table) return readTable(source, ruled, issues, onProgress);
  return readJson(source, ruled, onProgress);
}

function raggedCheck(source: Source, sink: RecordSink, issues: IssueLog, nul: NulWatch): (record: CsvRecord) => void {
  const width = source.header.length;
  const file = source.input.name;
  return (record) => {
    if (record.irregular) {
      issues.add({ code: 'bad-quote', file, line: record.line, message: 'a quoted field has text after its closing quote' });
    }
    if (nul.holds(record)) {
      issues.add({ code: 'nul-byte', file, line: record.line, message: 'the row holds NUL bytes, read as they are (a text export should not: is the file damaged?)' });
    }
    const n = record.fieldCount;
    if (n !== width && !(n > width && extrasEmpty(record, width))) {
      issues.add({
        code: 'ragged-row',
        file,
        line: record.line,
        message: `${n} fields where the header has ${width} (${n < width ? 'missing ones read as blank' : 'extra ones ignored'})`,
      });
    }
    sink.record(record);
  };
}

function extrasEmpty(record: CsvRecord, width: number): boolean {
  for (let i = width; i < record.fieldCount; i++) if (record.ends[i] !== record.starts[i]) return false;
  return true;
}

async function readCsv(source: Source, sink: RecordSink, issues: IssueLog, range?: ReadRange, onProgress?: OnProgress): Promise<ReadResult> {
  const input = source.input;
  const canSeek = input.path !== null && source.encoding.encoding === 'utf8';
  const nul = new NulWatch(canSeek ? (range?.start ?? source.dataOffset) : 0);
  const onRecord = raggedCheck(source, sink, issues, nul);
  try {
    if (canSeek) {
      const start = range?.start ?? source.dataOffset;
      const scanner = new CsvScanner({ delimiter: source.delimiter!.charCodeAt(0), line: range?.line ?? source.dataLine, onRecord });
      scanner.setBase(start);
      if (range) scanner.stopAt = range.stopAt;
      const reader = openRangeReader(input.path!, start);
      let bytes = 0;
      const read = (buffer: Buffer, offset: number, length: number): number => {
        const n = reader.read(buffer, offset, length);
        nul.chunk(buffer.subarray(offset, offset + n), start + bytes);
        bytes += n;
        onProgress?.(bytes);
        return n;
      };
      try {
        // the reads are synchronous: let a signal (Ctrl-C) be handled now and then
        let turn = performance.now();
        while (scanner.readFrom(read)) {
          if (performance.now() - turn > EVENT_LOOP_TURN_MS) {
            await yieldToEventLoop();
            turn = performance.now();
          }
        }
      } finally {
        reader.close();
      }
      return { endOffset: scanner.offset, endLine: scanner.nextLine };
    }
    // stdin or a transcoded file: stream from the start and skip the header records
    let toSkip = source.headerRows;
    const scanner = new CsvScanner({
      delimiter: source.delimiter!.charCodeAt(0),
      onRecord: (record) => {
        if (toSkip > 0) {
          toSkip--;
          nul.holds(record);
        } else onRecord(record);
      },
    });
    const read = { bytes: 0 };
    let written = 0;
    for await (const chunk of utf8Chunks(input, source.encoding, read)) {
      nul.chunk(chunk, written);
      written += chunk.length;
      scanner.write(chunk);
      onProgress?.(read.bytes);
    }
    scanner.end();
    return { endOffset: scanner.offset, endLine: scanner.nextLine };
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InputError(error.message, { file: input.name, line: error.line });
    throw error;
  }
}

async function readJson(source: Source, sink: RecordSink, onProgress?: OnProgress): Promise<ReadResult> {
  const header = source.header;
  const index = new Map(header.map((h, i) => [h, i]));
  const objectValued = source.json!.objectValued;
  const record = new JsonRecord();
  let lastLine = 0;
  let delivered = 0;
  const deliver = (item: JsonItem) => {
    lastLine = item.line;
    if (++delivered % 1024 === 0) onProgress?.(source.json!.bytesRead.bytes);
    if (!item.record) {
      sink.unreadable(item.line, item.error ?? 'not a response');
      return;
    }
    const values = new Array<unknown>(header.length).fill(null);
    for (const [k, v] of Object.entries(item.record)) {
      const i = index.get(k);
      if (i !== undefined) values[i] = v;
    }
    const objects = item.record[NESTED];
    if (objects) {
      for (const k of objectValued) if (objects[k] !== undefined) values[index.get(k)!] = objects[k];
    }
    record.set(values, item.line);
    sink.record(record);
  };
  const json = source.json!;
  for (const item of json.buffered) deliver(item);
  try {
    for await (const item of json.rest) deliver(item);
  } catch (error) {
    throw jsonError(error, source.input.name);
  }
  return { endOffset: 0, endLine: lastLine + 1 };
}

/** A table's data rows (after its header rows) as records; cells past the header's width are warned about. */
async function readTable(source: Source, sink: RecordSink, issues: IssueLog, onProgress?: OnProgress): Promise<ReadResult> {
  const width = source.header.length;
  const file = source.input.name;
  const record = new JsonRecord();
  let toSkip = source.headerRows;
  let last: TableRow | undefined;
  let n = 0;
  for await (const row of source.table!.rows()) {
    last = row;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    if (row.cells.length > width && row.cells.slice(width).some((c) => c !== '')) {
      issues.add({ code: 'ragged-row', file, line: row.line, message: `${row.cells.length} cells where the header has ${width} (extra ones ignored)` });
    }
    record.set(row.cells, row.line);
    sink.record(record);
    if (++n % 4096 === 0) onProgress?.(0);
  }
  return { endOffset: 0, endLine: (last?.line ?? 0) + 1 };
}
