/**
 * An RFC 4180 CSV tokenizer over UTF-8 bytes: quoted fields with delimiters, doubled quotes and line
 * breaks; LF, CRLF or CR line ends; blank lines skipped. It records where each field starts and ends
 * in the buffer and decodes nothing until asked, so a pass that reads two columns of nine does not
 * build strings for the other seven. One record object is reused for every row.
 *
 * Leniency, as common readers do: a quote inside an unquoted field is a literal character; text after
 * a closing quote (`"ab"c`) is kept (`abc`) and the record is marked irregular.
 */
import type { ByteInterner } from './byte-interner.js';
import { formatLimit, MAX_COLUMNS, MAX_RECORD_BYTES } from './limits.js';
import { BLANK, SLOW, type SourceRecord } from './record.js';
import { createStructuralIndex, type StructuralIndex } from './structural.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** field flags */
const CLEAN = 0; // the bytes between start and end are the value
const ESCAPED = 1; // quoted with doubled quotes inside: replace "" by "
const IRREGULAR = 2; // the raw bytes include quotes and trailing text: decode leniently

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export class CsvRecord implements SourceRecord {
  buf: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint8Array(64);
  fieldCount = 0;
  line = 0;
  /** the record had a quoted field with text after its closing quote */
  irregular = false;
  /** absolute byte offset just past the record (where the next one starts) */
  endOffset = 0;

  text(i: number): string {
    if (i >= this.fieldCount) return '';
    const flag = this.flags[i];
    if (flag === CLEAN) return this.buf.toString('utf8', this.starts[i], this.ends[i]);
    return decodeField(this.buf, this.starts[i], this.ends[i], flag);
  }

  key(i: number): string {
    if (i >= this.fieldCount) return '';
    if (this.flags[i] === CLEAN) return this.buf.toString('latin1', this.starts[i], this.ends[i]);
    return this.textKey(this.text(i));
  }

  keyText(key: string): string {
    return Buffer.from(key, 'latin1').toString('utf8');
  }

  textKey(text: string): string {
    return Buffer.from(text, 'utf8').toString('latin1');
  }

  intern(i: number, interner: ByteInterner): number {
    if (i >= this.fieldCount) return interner.id(this.buf, 0, 0);
    if (this.flags[i] === CLEAN) return interner.id(this.buf, this.starts[i], this.ends[i]);
    return interner.idOfText(this.text(i));
  }

  smallInt(i: number): number {
    if (i >= this.fieldCount) return BLANK;
    const s = this.starts[i];
    const len = this.ends[i] - s;
    if (len === 0) return BLANK;
    if (len > 6 || this.flags[i] !== CLEAN) return SLOW;
    const b = this.buf;
    let v = 0;
    for (let k = s; k < s + len; k++) {
      const d = b[k] - 48;
      if (d < 0 || d > 9) return SLOW;
      v = v * 10 + d;
    }
    return v;
  }

  parseBytes(i: number, parse: (bytes: Uint8Array, start: number, end: number) => number): number {
    if (i >= this.fieldCount || this.flags[i] !== CLEAN) return Number.NaN;
    return parse(this.buf, this.starts[i], this.ends[i]);
  }

  /** All fields as strings (headers, previews, tests). */
  toArray(): string[] {
    const out = new Array<string>(this.fieldCount);
    for (let i = 0; i < this.fieldCount; i++) out[i] = this.text(i);
    return out;
  }

  grow(limit = Number.POSITIVE_INFINITY): void {
    const n = Math.min(this.starts.length * 2, Math.max(limit, this.starts.length + 1));
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const flags = new Uint8Array(n);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

function decodeField(buf: Buffer, start: number, end: number, flag: number): string {
  if (flag === ESCAPED) return buf.toString('utf8', start, end).replaceAll('""', '"');
  // IRREGULAR: "quoted part" followed by more text up to the delimiter
  const raw = buf.toString('utf8', start, end);
  let out = '';
  let i = 1;
  for (; i < raw.length; i++) {
    if (raw.charCodeAt(i) === QUOTE) {
      if (raw.charCodeAt(i + 1) === QUOTE) {
        out += '"';
        i++;
        continue;
      }
      break;
    }
    out += raw[i];
  }
  return out + raw.slice(i + 1);
}

export interface CsvScannerOptions {
  delimiter: number;
  /** line number of the first byte fed (default 1) */
  line?: number;
  /** a record longer than this, its line break included, is an error (memory stays bounded on hostile input) */
  maxRecordBytes?: number;
  /** a record with more fields than this is an error */
  maxFields?: number;
  /** called for every non-blank record; the record object is reused */
  onRecord: (record: CsvRecord) => void;
  /** force the SIMD or the plain structural index (tests); default: SIMD when available */
  structural?: 'simd' | 'loop';
  /** the buffer's first size (it grows for longer records); small inputs need less than the default 1 MiB */
  initialBuffer?: number;
}

export const INITIAL_BUFFER = 1 << 20;

/**
 * Push bytes with `write` (or let it read with `readFrom`), then call `end`. Records are delivered
 * synchronously through `onRecord`. `stopAt` makes it stop before the first record that starts at or
 * after that absolute byte offset (used to split a file between threads).
 *
 * How: each chunk first gets its structural index (the positions of delimiters, line ends and quotes,
 * found with SIMD; see structural.ts), and the tokenizer walks those positions instead of every byte.
 */
export class CsvScanner {
  readonly record = new CsvRecord();
  private readonly index: StructuralIndex;
  private len = 0;
  /** absolute offset of the chunk's first byte in the byte stream */
  private base = 0;
  private line: number;
  private readonly delimiter: number;
  private readonly maxRecordBytes: number;
  /** the buffer's largest size: one record at the limit, its line break included */
  private readonly bufferLimit: number;
  private readonly maxFields: number;
  private readonly onRecord: (record: CsvRecord) => void;
  stopAt = Number.POSITIVE_INFINITY;
  /** set once a record at or past `stopAt` was reached */
  stopped = false;

  constructor(options: CsvScannerOptions) {
    this.delimiter = options.delimiter;
    this.line = options.line ?? 1;
    this.maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
    this.bufferLimit = this.maxRecordBytes;
    this.maxFields = options.maxFields ?? MAX_COLUMNS;
    this.onRecord = options.onRecord;
    this.index = createStructuralIndex(Math.min(options.initialBuffer ?? INITIAL_BUFFER, this.bufferLimit), options.structural);
  }

  /** Absolute byte offset where the next unread record starts (the end, once all is read). */
  get offset(): number {
    return this.base;
  }

  /** Line number of the next unread record. */
  get nextLine(): number {
    return this.line;
  }

  /** Sets the absolute offset of the first byte that will be written (for ranges of a file). */
  setBase(offset: number): void {
    this.base = offset;
  }

  write(chunk: Buffer): void {
    if (this.stopped) return;
    let at = 0;
    while (at < chunk.length) {
      this.reserve(Math.min(chunk.length - at, INITIAL_BUFFER));
      const room = this.index.capacity - this.len;
      const n = chunk.copy(this.index.bytes, this.len, at, Math.min(chunk.length, at + room));
      at += n;
      this.len += n;
      this.scan(false);
      if (this.stopped) return;
    }
  }

  /**
   * Reads once with `read(buffer, offset, length) → bytes read` straight into the scanner's buffer and
   * scans. Returns false when `read` returned 0 (end of input; `end()` has then been called).
   */
  readFrom(read: (buffer: Buffer, offset: number, length: number) => number): boolean {
    this.reserve(INITIAL_BUFFER >> 2);
    const n = read(this.index.bytes, this.len, this.index.capacity - this.len);
    if (n === 0) {
      this.end();
      return false;
    }
    this.len += n;
    this.scan(false);
    return !this.stopped;
  }

  end(): void {
    if (!this.stopped) this.scan(true);
    this.len = 0;
  }

  /**
   * Makes room for `want` more bytes (or what room is left), growing the buffer while one record fills
   * it, up to the record limit: a record must fit in the buffer to be read, so none longer than the
   * limit ever is, and a buffer full of one unfinished record is the error.
   */
  private reserve(want: number): void {
    const room = this.index.capacity - this.len;
    if (room >= want) return;
    if (this.index.capacity < this.bufferLimit) {
      this.index.grow(Math.min(this.bufferLimit, Math.max(this.index.capacity * 2, this.len + want)), this.len);
    } else if (room === 0) this.recordTooLong();
  }

  private recordTooLong(): never {
    throw new CsvSyntaxError(`a record is longer than ${formatLimit(this.maxRecordBytes, 'bytes')}, the limit (an unclosed quote, or not a CSV file)`, this.line);
  }

  /**
   * Tokenizes the complete records in the chunk [0, len). An incomplete last record stays (moved to the
   * front) unless `eof`, when it is the last record.
   */
  private scan(eof: boolean): void {
    const end = this.len;
    const delim = this.delimiter;
    const count = this.index.index(end, delim);
    const buf = this.index.bytes;
    const positions = this.index.positions;
    const rec = this.record;
    rec.buf = buf;
    let starts = rec.starts;
    let ends = rec.ends;
    let flags = rec.flags;
    let pos = 0;
    let line = this.line;
    /** index of the first structural position not yet passed */
    let k = 0;

    records: while (pos < end) {
      const recordStart = pos;
      if (this.base + recordStart >= this.stopAt) {
        this.stopped = true;
        break;
      }
      let nf = 0;
      let extraLines = 0;
      let p = pos;
      let irregular = false;
      for (;;) {
        if (nf === starts.length) {
          if (nf >= this.maxFields) {
            throw new CsvSyntaxError(`a record has more than ${formatLimit(this.maxFields, 'count')} fields, the limit`, line);
          }
          rec.grow(this.maxFields);
          starts = rec.starts;
          ends = rec.ends;
          flags = rec.flags;
        }
        if (p >= end) {
          // the input ended right after a delimiter: one last empty field
          if (!eof) break records;
          starts[nf] = p;
          ends[nf] = p;
          flags[nf] = CLEAN;
          nf++;
          pos = p;
          break;
        }
        while (k < count && positions[k] < p) k++;
        if (buf[p] === QUOTE) {
          // a quoted field: the closing quote is the next quote not doubled; delimiters and line
          // breaks before it belong to the field
          k++; // the opening quote
          let q = -1;
          let flag = CLEAN;
          while (k < count) {
            const t = positions[k++];
            const c = buf[t];
            if (c === LF) extraLines++;
            else if (c === QUOTE) {
              if (t + 1 >= end && !eof) break records;
              if (t + 1 < end && buf[t + 1] === QUOTE) {
                flag = ESCAPED;
                k++; // the second quote of the pair
                continue;
              }
              q = t;
              break;
            }
          }
          if (q === -1) {
            if (!eof) break records;
            throw new CsvSyntaxError('unclosed quote: the field runs to the end of the file', line);
          }
          starts[nf] = p + 1;
          ends[nf] = q;
          flags[nf] = flag;
          p = q + 1;
          if (p < end) {
            const c = buf[p];
            if (c !== delim && c !== LF && c !== CR) {
              // text after the closing quote: keep it, up to the next delimiter or line end
              irregular = true;
              let t = end;
              while (k < count) {
                const at = positions[k];
                const b = buf[at];
                if (at >= p && b !== QUOTE) {
                  t = at;
                  break;
                }
                k++;
              }
              if (t === end && !eof) break records;
              starts[nf] -= 1; // from the opening quote
              ends[nf] = t;
              flags[nf] = IRREGULAR;
              p = t;
            }
          }
          nf++;
        } else {
          // an unquoted field ends at the next delimiter or line end (a quote inside is a character)
          let t = -1;
          while (k < count) {
            const at = positions[k];
            if (buf[at] !== QUOTE) {
              t = at;
              break;
            }
            k++;
          }
          if (t === -1) {
            if (!eof) break records;
            t = end;
          }
          starts[nf] = p;
          ends[nf] = t;
          flags[nf] = CLEAN;
          nf++;
          p = t;
        }
        // p is at a delimiter, a line end, or the end of the input
        if (p >= end) {
          pos = p;
          break;
        }
        const c = buf[p];
        k++; // past the structural byte at p
        if (c === delim) {
          p++;
          continue;
        }
        if (c === CR) {
          if (p + 1 >= end && !eof) break records;
          if (p + 1 < end && buf[p + 1] === LF) {
            pos = p + 2;
            k++;
          } else pos = p + 1;
        } else {
          pos = p + 1;
        }
        break;
      }
      const recordLine = line;
      line += 1 + extraLines;
      // a blank line is no record
      if (nf === 1 && ends[0] === starts[0] && flags[0] === CLEAN && buf[recordStart] !== QUOTE) continue;
      rec.fieldCount = nf;
      rec.line = recordLine;
      rec.irregular = irregular;
      rec.endOffset = this.base + pos;
      this.onRecord(rec);
    }

    this.line = line;
    // keep the unread tail at the front of the chunk
    if (pos > 0) {
      buf.copy(buf, 0, pos, end);
      this.len = end - pos;
      this.base += pos;
    }
    if (eof) {
      this.base += this.len;
      this.len = 0;
    }
  }
}

/** Splits a whole CSV text into string arrays (small inputs: headers, previews, tests). */
export function parseCsvText(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new CsvScanner({ delimiter: delimiter.charCodeAt(0), initialBuffer: Math.max(4096, bytes.length), onRecord: (r) => rows.push(r.toArray()) });
  scanner.write(bytes);
  scanner.end();
  return rows;
}
