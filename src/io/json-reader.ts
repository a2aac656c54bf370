/**
 * JSON inputs, streamed: a top-level array of responses, a wrapper object holding that array
 * (`items`, `satisfaction_ratings`, `conversations`, `responses`, `data`…), or NDJSON (one object per
 * line). The splitter finds each response's text without parsing the whole file, so memory stays in
 * the size of one response. Nested objects are flattened with dotted names (`person_properties.Plan`).
 */
import { answersToColumns, type AnswerField } from './answer-columns.js';
import type { ByteInterner } from './byte-interner.js';
import { formatLimit, MAX_JSON_DEPTH, MAX_JSON_RECORD_CHARS } from './limits.js';
import { BLANK, SLOW, type SourceRecord } from './record.js';
import { dataRecord } from '../model/data-record.js';

/** Keys of wrapper objects whose array holds the responses, in order of preference. */
export const WRAPPER_KEYS = ['items', 'responses', 'satisfaction_ratings', 'conversations', 'data', 'results', 'records'];
const METADATA_KEYS = /^(meta|links|pages|paging|pagination|errors|included|tags)$/i;

/**
 * A flattened record's nested objects, by dotted key: where a key holds an object in one response and
 * a plain value in others, the column is the plain key and the object is an invalid value of it (an
 * object where a score should be is a bad answer, not a column `nps.a` competing with `nps`).
 */
export const NESTED = Symbol('nested objects');

export type FlatRecord = Record<string, unknown> & { [NESTED]?: Record<string, object> };

export interface JsonItem {
  /** the flattened response, or null when it could not be read */
  record: FlatRecord | null;
  line: number;
  /** why the record could not be read */
  error?: string;
  /** columns made from a Typeform-style answer list, with what is known about their questions */
  fields?: Record<string, AnswerField>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Flattens nested objects into dotted keys (noting them under NESTED); arrays and scalars are kept as they are. */
export function flatten(value: unknown, prefix = '', out: FlatRecord = dataRecord<unknown>() as FlatRecord): FlatRecord {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
        (out[NESTED] ??= dataRecord<object>())[key] = v;
        flatten(v, key, out);
      } else out[key] = v;
    }
  } else {
    out[prefix || 'value'] = value;
  }
  return out;
}

/**
 * One response from its text. `checkDepth` for NDJSON lines (a document's splitter checks depth as it
 * goes): JSON.parse takes any depth, but the flattening and printing after it recurse.
 */
function toItem(text: string, line: number, checkDepth = false): JsonItem {
  // only a text longer than the limit can nest deeper than it
  if (checkDepth && text.length > MAX_JSON_DEPTH && nestingExceeds(text, MAX_JSON_DEPTH)) {
    return { record: null, line, error: `nested deeper than ${MAX_JSON_DEPTH} levels, the limit` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { record: null, line, error: `not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { record: null, line, error: 'a response must be a JSON object' };
  }
  const fields = answersToColumns(value as FlatRecord);
  return fields ? { record: flatten(value), line, fields } : { record: flatten(value), line };
}

/** Whether JSON text nests arrays and objects deeper than `limit` (strings skipped). */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** NDJSON: one object per non-blank line. A line that is not an object is an item with an error. */
export async function* ndjsonItems(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  // the unfinished line, in pieces (appending to one string and searching it again is quadratic)
  let pieces: string[] = [];
  let piecesLength = 0;
  let line = 1;
  for await (const chunk of chunks) {
    let from = 0;
    let nl: number;
    while ((nl = chunk.indexOf('\n', from)) !== -1) {
      const end = chunk.slice(from, nl);
      if (piecesLength + end.length > MAX_JSON_RECORD_CHARS) lineTooLong(line);
      const text = pieces.length ? pieces.join('') + end : end;
      pieces = [];
      piecesLength = 0;
      if (text.trim() !== '') yield toItem(text, line, true);
      line++;
      from = nl + 1;
    }
    if (from < chunk.length) {
      pieces.push(chunk.slice(from));
      piecesLength += chunk.length - from;
      if (piecesLength > MAX_JSON_RECORD_CHARS) lineTooLong(line);
    }
  }
  const rest = pieces.join('');
  if (rest.trim() !== '') yield toItem(rest, line, true);
}

function lineTooLong(line: number): never {
  throw new JsonSyntaxError(`a line is longer than ${formatLimit(MAX_JSON_RECORD_CHARS, 'bytes')}, the limit`, line);
}

/**
 * A JSON document: the elements of the top-level array, or of the wrapper object's response array.
 * Structure errors (not JSON, too deep, no array) throw JsonSyntaxError with the line.
 */
export async function* jsonDocumentItems(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  const splitter = new ArraySplitter();
  for await (const chunk of chunks) {
    for (const item of splitter.push(chunk)) yield item;
  }
  splitter.finish();
}

/** The state machine behind jsonDocumentItems. */
class ArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  /** depth at which response elements live: 1 for a top-level array, 2 inside a wrapper */
  private recordDepth = 0;
  private sawRoot = false;
  private rootIsObject = false;
  /** wrapper mode: the last key read at depth 1, and whether we are inside the chosen array */
  private lastKey = '';
  private keyBuffer: string | null = null;
  private awaitingValueOfKey = false;
  private chosenArray = false;
  private finishedArray = false;
  /** text of the element being captured */
  private capture: string[] = [];
  private captureLen = 0;
  private capturing = false;
  private captureLine = 0;

  *push(chunk: string): Generator<JsonItem> {
    let segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.keyBuffer !== null) {
            this.keyBuffer += chunk.slice(segmentStart, i);
            this.lastKey = this.keyBuffer;
            this.keyBuffer = null;
          }
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 10) continue;
      if (!this.sawRoot) {
        this.sawRoot = true;
        if (c === 91) this.recordDepth = 1;
        else if (c === 123) this.rootIsObject = true;
        else throw new JsonSyntaxError('not a JSON array or object of responses', this.line);
      }
      // start of an element at record depth
      if (this.recordDepth > 0 && this.depth === this.recordDepth && !this.capturing && c !== 44 && c !== 93) {
        this.capturing = true;
        this.captureLine = this.line;
        segmentStart = i;
      }
      if (c === 34) {
        this.inString = true;
        if (this.rootIsObject && this.depth === 1 && !this.awaitingValueOfKey) {
          this.keyBuffer = '';
          segmentStart = i + 1;
        }
        continue;
      }
      if (c === 58 && this.rootIsObject && this.depth === 1) {
        this.awaitingValueOfKey = true;
        continue;
      }
      if (c === 123 || c === 91) {
        if (this.rootIsObject && this.depth === 1 && this.awaitingValueOfKey) {
          this.awaitingValueOfKey = false;
          if (c === 91 && !this.chosenArray && !this.finishedArray && this.prefers(this.lastKey)) {
            this.chosenArray = true;
            this.recordDepth = 2;
          }
        }
        this.depth++;
        if (this.depth > MAX_JSON_DEPTH) {
          throw new JsonSyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels, the limit`, this.line);
        }
        continue;
      }
      if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth < 0) throw new JsonSyntaxError('unbalanced brackets', this.line);
        if (this.capturing && this.depth === this.recordDepth) {
          yield this.endCapture(chunk, segmentStart, i + 1);
        } else if (this.capturing && this.depth === this.recordDepth - 1) {
          // the array closed right after a scalar element
          yield this.endCapture(chunk, segmentStart, i);
        }
        if (this.chosenArray && this.depth === 1 && c === 93) {
          this.chosenArray = false;
          this.finishedArray = true;
          this.recordDepth = 0;
        }
        continue;
      }
      if (c === 44) {
        if (this.rootIsObject && this.depth === 1) this.awaitingValueOfKey = false;
        if (this.capturing && this.depth === this.recordDepth) {
          yield this.endCapture(chunk, segmentStart, i);
        }
        continue;
      }
      if (this.rootIsObject && this.depth === 1) this.awaitingValueOfKey = false;
    }
    if (this.capturing) this.keep(chunk.slice(segmentStart));
    else if (this.keyBuffer !== null) this.keyBuffer += chunk.slice(segmentStart);
  }

  /** A wrapper's array is the first one under a known key, or else under any key that is not metadata. */
  private prefers(key: string): boolean {
    return WRAPPER_KEYS.includes(key) || !METADATA_KEYS.test(key);
  }

  private keep(text: string): void {
    this.capture.push(text);
    this.captureLen += text.length;
    if (this.captureLen > MAX_JSON_RECORD_CHARS) {
      throw new JsonSyntaxError(`a response is larger than ${formatLimit(MAX_JSON_RECORD_CHARS, 'bytes')}, the limit`, this.captureLine);
    }
  }

  private endCapture(chunk: string, from: number, to: number): JsonItem {
    this.keep(chunk.slice(from, to));
    const text = this.capture.join('');
    this.capture = [];
    this.captureLen = 0;
    this.capturing = false;
    return toItem(text, this.captureLine);
  }

  finish(): void {
    if (!this.sawRoot) throw new JsonSyntaxError('empty JSON file', this.line);
    if (this.inString || this.depth !== 0) throw new JsonSyntaxError('the JSON ends before it is complete', this.line);
    if (this.rootIsObject && !this.finishedArray) {
      throw new JsonSyntaxError(`no array of responses found (looked for ${WRAPPER_KEYS.join(', ')})`, 1);
    }
  }
}

/** A flattened JSON response seen through the SourceRecord interface, by column index. */
export class JsonRecord implements SourceRecord {
  line = 0;
  fieldCount = 0;
  private values: unknown[] = [];

  set(values: unknown[], line: number): void {
    this.values = values;
    this.fieldCount = values.length;
    this.line = line;
  }

  text(i: number): string {
    const v = this.values[i];
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  }

  key(i: number): string {
    return this.text(i);
  }

  keyText(key: string): string {
    return key;
  }

  textKey(text: string): string {
    return text;
  }

  intern(i: number, interner: ByteInterner): number {
    return interner.idOfText(this.text(i));
  }

  parseBytes(): number {
    return Number.NaN;
  }

  smallInt(i: number): number {
    const v = this.values[i];
    if (v === null || v === undefined || v === '') return BLANK;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 999999) return v;
    return SLOW;
  }
}
