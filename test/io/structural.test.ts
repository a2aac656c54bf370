import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/seeded-random.mjs';
import { CsvScanner, type CsvRecord } from '../../src/io/csv-scanner.js';
import { createStructuralIndex, simdAvailable } from '../../src/io/structural.js';
import { compileStructural } from '../../scripts/build-wasm.mjs';


/** A straightforward RFC 4180 reader, character by character: the reference the scanner must match. */
function referenceParse(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const startsQuoted = text[i] === '"';
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    for (;;) {
      if (i >= text.length) {
        fields.push(field);
        break;
      }
      const c = text[i];
      if (atFieldStart && c === '"') {
        i++;
        for (;;) {
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else {
            if (text[i] === '\n') line++;
            field += text[i++];
          }
        }
        atFieldStart = false;
        continue;
      }
      atFieldStart = false;
      if (c === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += c;
        i++;
      }
    }
    // a blank line is no record (a line holding just "" is one empty field)
    if (!(fields.length === 1 && fields[0] === '' && !startsQuoted)) out.push({ fields, line: startLine });
  }
  return out;
}

function randomCsv(rnd: () => number, rows: number): string {
  const pieces = ['a', 'bc', 'é', '日本', ' ', '1', '10', '"', ',', '\n', '\r\n', 'x y'];
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const n = 1 + Math.floor(rnd() * 6);
    const fields: string[] = [];
    for (let f = 0; f < n; f++) {
      let v = '';
      const len = Math.floor(rnd() * 5);
      for (let k = 0; k < len; k++) v += pieces[Math.floor(rnd() * pieces.length)];
      const mustQuote = /[",\r\n]/.test(v);
      fields.push(mustQuote || rnd() < 0.2 ? `"${v.replaceAll('"', '""')}"` : v);
    }
    lines.push(fields.join(','));
  }
  return lines.join(rnd() < 0.5 ? '\n' : '\r\n') + (rnd() < 0.5 ? '\n' : '');
}

function scan(text: string, kind: 'simd' | 'loop', step: number) {
  const out: { fields: string[]; line: number }[] = [];
  const s = new CsvScanner({ delimiter: 44, structural: kind, onRecord: (r: CsvRecord) => out.push({ fields: r.toArray(), line: r.line }) });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += step) s.write(bytes.subarray(i, i + step));
  s.end();
  return out;
}

describe('structural index', () => {
  it('is compiled from the current structural.wat', async () => {
    expect(readFileSync('src/io/structural-wasm.ts', 'utf8')).toBe(await compileStructural());
  });

  it('uses WebAssembly SIMD on this Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  it('finds the same positions with SIMD and with the plain loop, never past the end', () => {
    const rnd = random(7);
    const simd = createStructuralIndex(4096, 'simd');
    const loop = createStructuralIndex(4096, 'loop');
    for (let trial = 0; trial < 200; trial++) {
      const length = Math.floor(rnd() * 200);
      const alphabet = [44, 10, 13, 34, 59, 97, 0xc3, 0xa9];
      for (const idx of [simd, loop]) for (let i = 0; i < length + 40; i++) idx.bytes[i] = alphabet[Math.floor(rnd() * alphabet.length)];
      loop.bytes.set(simd.bytes.subarray(0, length));
      const n = simd.index(length, 44);
      const m = loop.index(length, 44);
      expect(Array.from(simd.positions.subarray(0, n))).toEqual(Array.from(loop.positions.subarray(0, m)));
      expect(n === 0 || simd.positions[n - 1] < length).toBe(true);
    }
  });
});

describe('CsvScanner against a reference reader', () => {
  it('reads 1000 random CSV texts like a character-by-character RFC 4180 reader, with either index and any chunking', () => {
    const rnd = random(2026);
    for (let trial = 0; trial < 1000; trial++) {
      const text = randomCsv(rnd, 1 + Math.floor(rnd() * 12));
      const expected = referenceParse(text);
      const step = 1 + Math.floor(rnd() * 40);
      expect(scan(text, 'simd', 1 << 20), text).toEqual(expected);
      expect(scan(text, 'simd', step), text).toEqual(expected);
      expect(scan(text, 'loop', step), text).toEqual(expected);
    }
  });

  it('grows its buffer for a record longer than a chunk', () => {
    const big = 'x'.repeat(3 << 20);
    const text = `a,b\n"${big}",1\n2,3\n`;
    for (const kind of ['simd', 'loop'] as const) {
      const rows = scan(text, kind, 1 << 20);
      expect(rows.map((r) => r.fields.map((f) => f.length))).toEqual([[1, 1], [big.length, 1], [1, 1]]);
    }
  });
});
