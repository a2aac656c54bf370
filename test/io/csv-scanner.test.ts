import { describe, expect, it } from 'vitest';
import { CsvScanner, CsvSyntaxError, parseCsvText, type CsvRecord } from '../../src/io/csv-scanner.js';
import { BLANK, SLOW } from '../../src/io/record.js';

/** Scans bytes fed in pieces of `step` bytes; records as arrays with their line numbers. */
function scanInPieces(text: string, step: number, delimiter = ','): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const scanner = new CsvScanner({ delimiter: delimiter.charCodeAt(0), onRecord: (r: CsvRecord) => out.push({ fields: r.toArray(), line: r.line }) });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += step) scanner.write(bytes.subarray(i, i + step));
  scanner.end();
  return out;
}

describe('CsvScanner', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks (RFC 4180)', () => {
    const rows = parseCsvText('a,b,c\n1,"x, y","say ""hi"""\n2,"line1\nline2",z\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line1\nline2', 'z'],
    ]);
  });

  it('gives each record the physical line it starts on', () => {
    const rows = scanInPieces('h\n"a\nb\nc"\nd\n', 1000);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('accepts LF, CRLF and CR line ends and skips blank lines', () => {
    expect(parseCsvText('a,b\r\n1,2\r\n\r\n3,4\r\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(parseCsvText('a,b\r1,2\r3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(parseCsvText('a,b\n\n\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads a last record without a line end, and a trailing empty field', () => {
    expect(parseCsvText('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsvText('a,b\n1,"q"')).toEqual([['a', 'b'], ['1', 'q']]);
  });

  it('gives the same records whatever the chunk size (records split across reads)', () => {
    const text = 'id,comment,nps\n1,"multi\nline, ""quoted""",9\r\n2,plain,10\n3,"",\n4,"x""",7\n';
    const whole = scanInPieces(text, 1 << 20);
    for (const step of [1, 2, 3, 5, 7, 16]) expect(scanInPieces(text, step)).toEqual(whole);
  });

  it('keeps text after a closing quote and marks the record irregular', () => {
    let irregular = false;
    const rows: string[][] = [];
    const s = new CsvScanner({ delimiter: 44, onRecord: (r) => { rows.push(r.toArray()); irregular ||= r.irregular; } });
    s.write(Buffer.from('a,b\n"ab"c,d\n'));
    s.end();
    expect(rows[1]).toEqual(['abc', 'd']);
    expect(irregular).toBe(true);
  });

  it('treats a quote inside an unquoted field as a character', () => {
    expect(parseCsvText('a,b\n5" screen,x\n')).toEqual([['a', 'b'], ['5" screen', 'x']]);
  });

  it('fails on a quote that is never closed, naming the line where the record starts', () => {
    const s = new CsvScanner({ delimiter: 44, onRecord: () => undefined });
    s.write(Buffer.from('a,b\n1,2\n3,"never closed\nmore\n'));
    try {
      s.end();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses a record longer than the limit instead of growing without bound', () => {
    const s = new CsvScanner({ delimiter: 44, maxRecordBytes: 1024, onRecord: () => undefined });
    expect(() => s.write(Buffer.from(`"${'x'.repeat(3 << 20)}`))).toThrow(/longer than/);
  });

  it('reads small integers straight from the bytes', () => {
    const got: number[] = [];
    const s = new CsvScanner({ delimiter: 44, onRecord: (r) => got.push(r.smallInt(0)) });
    s.write(Buffer.from('10\n\n0\n""\n9.0\n x\n"7"\n1234567\n'));
    s.end();
    // a blank line is no record; "" is an empty quoted field
    expect(got).toEqual([10, 0, BLANK, SLOW, SLOW, 7, SLOW]);
  });

  it('stops before the first record at or after stopAt and reports where', () => {
    const rows: string[] = [];
    const s = new CsvScanner({ delimiter: 44, onRecord: (r) => rows.push(r.text(0)) });
    s.stopAt = 5; // "a\nbb\ncc\n": records start at 0, 2, 5
    s.write(Buffer.from('a\nbb\ncc\n'));
    s.end();
    expect(rows).toEqual(['a', 'bb']);
    expect(s.offset).toBe(5);
  });
});
