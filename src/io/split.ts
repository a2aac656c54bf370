/**
 * Splitting a CSV file between threads. A byte offset in the middle of a file may be inside a quoted
 * field; whether it is depends on every quote before it. Each thread therefore guesses where the first
 * record after its offset starts (trying both quote states and keeping the one whose records have the
 * header's width), and the caller checks every guess afterwards: the thread before must have stopped
 * exactly there. A wrong guess is detected and that part is read again, so results never depend on it.
 */
import fs from 'node:fs';
import { CsvScanner } from './csv-scanner.js';

const WINDOW = 64 * 1024;
const RECORDS_CHECKED = 16;

/**
 * The likely start of the first record at or after `offset`, or null when none can be found in a
 * window after it (no line break: the caller reads that part sequentially).
 */
export function guessRecordStart(path: string, offset: number, delimiter: string, width: number): number | null {
  if (offset <= 0) return 0;
  const fd = fs.openSync(path, 'r');
  let window: Buffer;
  try {
    window = Buffer.alloc(WINDOW);
    window = window.subarray(0, fs.readSync(fd, window, 0, WINDOW, offset - 1));
  } finally {
    fs.closeSync(fd);
  }
  const candidates = [false, true]
    .map((inQuotes) => startAfter(window, inQuotes))
    .filter((s): s is number => s !== null)
    .map((s) => ({ start: s, score: widthScore(window.subarray(s), delimiter, width) }));
  if (candidates.length === 0) return null;
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  return offset - 1 + best.start;
}

/** Index just past the first line feed reached outside quotes, starting in the given quote state. */
function startAfter(window: Buffer, inQuotes: boolean): number | null {
  let quoted = inQuotes;
  for (let i = 0; i < window.length; i++) {
    const c = window[i];
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) return i + 1;
  }
  return null;
}

/** How many of the first records parsed from `bytes` have exactly `width` fields. */
function widthScore(bytes: Buffer, delimiter: string, width: number): number {
  let seen = 0;
  let good = 0;
  const scanner = new CsvScanner({
    delimiter: delimiter.charCodeAt(0),
    onRecord: (r) => {
      if (seen >= RECORDS_CHECKED) return;
      seen++;
      if (r.fieldCount === width) good++;
    },
  });
  try {
    for (let at = 0; at < bytes.length && seen < RECORDS_CHECKED; at += 4096) scanner.write(bytes.subarray(at, at + 4096));
  } catch {
    return -1;
  }
  return good - (seen === 0 ? 1 : 0);
}
