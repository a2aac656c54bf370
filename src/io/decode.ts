/**
 * Byte decoding: which encoding a file is in and, for anything but UTF-8, a streaming transcoder to
 * UTF-8 so the rest of the reader only ever sees UTF-8 bytes.
 */
import { isUtf8 } from 'node:buffer';

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** bytes of byte-order mark to skip */
  bomLength: number;
  /** how it was decided */
  by: 'bom' | 'utf8' | 'nul-bytes' | 'fallback' | 'declared';
}

/** Accepts the spellings people use: utf-8, UTF8, cp1252, latin1, utf-16… */
export function normalizeEncoding(name: string): Encoding | null {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, Encoding> = {
    utf8: 'utf8',
    utf16: 'utf16le',
    utf16le: 'utf16le',
    ucs2: 'utf16le',
    utf16be: 'utf16be',
    windows1252: 'windows-1252',
    cp1252: 'windows-1252',
    latin1: 'windows-1252',
    iso88591: 'windows-1252',
    ansi: 'windows-1252',
  };
  return aliases[key] ?? null;
}

/**
 * Decides the encoding from the first bytes: a BOM wins; then UTF-16 without BOM by its NUL bytes;
 * then UTF-8 when the bytes are valid UTF-8; else Windows-1252 (Excel's "CSV" on Windows).
 */
export function detectEncoding(head: Buffer, declared?: Encoding): EncodingGuess {
  const bom = bomOf(head);
  if (declared) {
    return { encoding: declared, bomLength: bom && bom.encoding === declared ? bom.length : 0, by: 'declared' };
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, by: 'bom' };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  if (sample.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] === 0) {
        if (i % 2 === 0) evenNul++;
        else oddNul++;
      }
    }
    const half = sample.length / 2;
    if (oddNul > half * 0.3 && evenNul < half * 0.05) return { encoding: 'utf16le', bomLength: 0, by: 'nul-bytes' };
    if (evenNul > half * 0.3 && oddNul < half * 0.05) return { encoding: 'utf16be', bomLength: 0, by: 'nul-bytes' };
  }
  if (isUtf8(trimPartialCharacter(head))) return { encoding: 'utf8', bomLength: 0, by: 'utf8' };
  return { encoding: 'windows-1252', bomLength: 0, by: 'fallback' };
}

function bomOf(head: Buffer): { encoding: Encoding; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

/** Drops an incomplete multi-byte character at the end of a sample cut from a longer file. */
function trimPartialCharacter(bytes: Buffer): Buffer {
  let end = bytes.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = bytes[end - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (k < need) end -= k;
    }
    break;
  }
  return bytes.subarray(0, end);
}

/**
 * Windows-1252 is Latin-1 except 0x80–0x9F, which hold € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ
 * (the five unassigned bytes stay C1 controls, as WHATWG decodes them). Node's TextDecoder reads the
 * label `windows-1252` as plain Latin-1, which turns an em dash into an invisible control character,
 * so the table is here. One byte is one character: chunks need no state.
 */
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252ToUtf8(chunk: Buffer): Buffer {
  return Buffer.from(chunk.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]), 'utf8');
}

/** A function that turns the next chunk of `encoding` bytes into UTF-8 bytes; `null` for UTF-8 itself. */
export type Transcoder = (chunk: Buffer, final: boolean) => Buffer;

export function createTranscoder(encoding: Encoding): Transcoder | null {
  if (encoding === 'utf8') return null;
  if (encoding === 'windows-1252') return windows1252ToUtf8;
  const label = encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  return (chunk, final) => Buffer.from(decoder.decode(chunk, { stream: !final }), 'utf8');
}
