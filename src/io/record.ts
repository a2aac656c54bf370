/**
 * What the reader hands to whoever folds the rows: one record at a time, reused, never one object per
 * row. CSV records read straight from the bytes; JSON records from parsed objects. Fields are looked
 * up by column index; a missing field reads as blank.
 */
import type { ByteInterner } from './byte-interner.js';

export interface SourceRecord {
  /** physical line of the record's first byte (the first header line is 1) */
  line: number;
  /** fields actually present in this record (ragged rows have more or fewer than the header) */
  fieldCount: number;
  /** the field's text, '' when absent */
  text(i: number): string;
  /**
   * A string that identifies the field's value within one source (CSV: the UTF-8 bytes as latin1,
   * no decoding). Two equal values give equal keys; `keyText` turns a key back into text.
   */
  key(i: number): string;
  keyText(key: string): string;
  /** The key of a text, the inverse of `keyText` (for values from elsewhere keyed like this record's). */
  textKey(text: string): string;
  /** The field's value id in `interner` (equal values, equal ids), without building a string when it can. */
  intern(i: number, interner: ByteInterner): number;
  /** The field as a small non-negative integer when it is plain ASCII digits (≤ 6 of them), else BLANK or SLOW. */
  smallInt(i: number): number;
  /**
   * `parse` applied to the field's raw UTF-8 bytes when the record has them as they are (CSV fields
   * without quotes to undo); NaN otherwise, and the caller reads `text(i)` instead.
   */
  parseBytes(i: number, parse: (bytes: Uint8Array, start: number, end: number) => number): number;
}

/** Where the reader hands each record, and the ones it could not read or left out by rule. */
export interface RecordSink {
  record(record: SourceRecord): void;
  /** a record that could not be read at all: counted as an invalid row */
  unreadable(line: number, message: string): void;
  /** a record left out by rule (e.g. a survey preview): counted as excluded */
  excluded(line: number, reason: string): void;
}

/** smallInt: the field is empty. */
export const BLANK = -1;
/** smallInt: not plain digits; read `text(i)` and parse it properly. */
export const SLOW = -2;
