/**
 * Telling a file that is not text at all (an old spreadsheet, an archive cxm does not open, random
 * bytes) from a text export, before reading it (zip, gzip, workbooks are opened before this: containers/): its first bytes are a known binary signature, or control characters are common.
 * Without this, binary bytes decoded as Windows-1252 become a "header" of garbage column names.
 */
import { formatLimit } from './limits.js';

/** Signatures of files people pass by mistake instead of a CSV or JSON export. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel .xls workbook (Excel 97-2003): cxm reads .xlsx; open it and save it as .xlsx or CSV' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file: decompress it first (cxm reads gzip)' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file: decompress it first (cxm reads gzip)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file: decompress it first (cxm reads gzip)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database: export a query as CSV' },
];

/** Above this share of control characters in the sampled text, a file is not text. */
export const CONTROL_SHARE = 0.05;
const SAMPLE_CHARS = 64 * 1024;
/** Fewer characters than this say too little (a short file with one odd byte is still text). */
const MIN_SAMPLE = 64;

export interface NotText {
  message: string;
  /** line of the first control character, when that is the evidence */
  line?: number;
}

/**
 * Why `head` (the raw first bytes) with `text` (the same bytes decoded) is not a text file, or null.
 * Control characters are C0 controls other than tab, line feed, form feed and carriage return, and DEL.
 */
export function notTextReason(head: Buffer, text: string): NotText | null {
  for (const s of SIGNATURES) {
    if (head.length >= s.bytes.length && s.bytes.every((b, i) => head[i] === b)) return { message: `not a text file: ${s.what}` };
  }
  const end = Math.min(text.length, SAMPLE_CHARS);
  if (end < MIN_SAMPLE) return null;
  let controls = 0;
  let first = -1;
  for (let i = 0; i < end; i++) {
    if (isControl(text.charCodeAt(i))) {
      controls++;
      if (first === -1) first = i;
    }
  }
  if (controls <= end * CONTROL_SHARE) return null;
  const share = Math.round((100 * controls) / end);
  return {
    message: `not a text file: ${share}% of its first ${formatLimit(end, 'count')} characters are control characters or NUL bytes (a binary file, or text in an encoding cxm does not read)`,
    line: lineAt(text, first),
  };
}

export function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
