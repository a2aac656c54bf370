/**
 * A response record with the matching row of the --join file appended: columns from `base` (the
 * response header's length) on are the join file's, so everything downstream — --by, --where,
 * --weight, --per — addresses them by index like any column. One wrapper object is reused per row.
 */
import type { ByteInterner } from './byte-interner.js';
import { BLANK, SLOW, type SourceRecord } from './record.js';

export class JoinedRecord implements SourceRecord {
  inner!: SourceRecord;
  /** the join file's values for this response, or null when its key has no match */
  row: string[] | null = null;

  constructor(
    /** index of the first joined column */
    private readonly base: number,
    private readonly width: number,
  ) {}

  get line(): number {
    return this.inner.line;
  }

  get fieldCount(): number {
    return this.base + this.width;
  }

  text(i: number): string {
    return i < this.base ? this.inner.text(i) : (this.row?.[i - this.base] ?? '');
  }

  key(i: number): string {
    // keyed like the inner record's own values, so its keyText turns the key back into the text
    return i < this.base ? this.inner.key(i) : this.inner.textKey(this.text(i));
  }

  keyText(key: string): string {
    return this.inner.keyText(key);
  }

  textKey(text: string): string {
    return this.inner.textKey(text);
  }

  intern(i: number, interner: ByteInterner): number {
    return i < this.base ? this.inner.intern(i, interner) : interner.idOfText(this.text(i));
  }

  smallInt(i: number): number {
    if (i < this.base) return this.inner.smallInt(i);
    const text = this.text(i);
    if (text === '') return BLANK;
    return /^\d{1,6}$/.test(text) ? Number(text) : SLOW;
  }

  parseBytes(i: number, parse: (bytes: Uint8Array, start: number, end: number) => number): number {
    return i < this.base ? this.inner.parseBytes(i, parse) : Number.NaN;
  }
}
