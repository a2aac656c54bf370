/**
 * Finding the CSV records that hold NUL bytes, at almost no cost: each chunk is searched as it is read
 * (one memchr), and only records that start before the end of a chunk with a NUL are searched
 * themselves. Text exports never hold NULs; a row that does is read as it is and warned about.
 */
import type { CsvRecord } from './csv-scanner.js';

export class NulWatch {
  /** absolute offset where the last chunk holding a NUL ends */
  private until = -1;
  /** absolute offset where the next record starts */
  private next: number;

  constructor(start: number) {
    this.next = start;
  }

  /** A chunk of the bytes the scanner reads, starting at absolute offset `start`. */
  chunk(bytes: Uint8Array, start: number): void {
    if (bytes.indexOf(0) !== -1) this.until = start + bytes.length;
  }

  /** Whether `record` (the next one, in order) holds a NUL byte. */
  holds(record: CsvRecord): boolean {
    const start = this.next;
    this.next = record.endOffset;
    if (start >= this.until || record.fieldCount === 0) return false;
    const from = Math.max(0, record.starts[0] - 1);
    const to = Math.min(record.buf.length, record.ends[record.fieldCount - 1] + 1);
    return record.buf.subarray(from, to).indexOf(0) !== -1;
  }
}
