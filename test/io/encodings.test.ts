/**
 * Encodings, each from bytes built here: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); without
 * one, NUL bytes mark UTF-16; else UTF-8 when the bytes are valid UTF-8, else Windows-1252 with a
 * warning; --encoding overrides all of it.
 */
import { describe, expect, it } from 'vitest';
import { detectEncoding, createTranscoder } from '../../src/io/decode.js';
import { runCli } from '../helpers.js';

const TEXT = 'city,nps\r\nGenève,10\r\nKöln – Süd,3\r\nGenève,9\r\n';
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return be;
};
/** Windows-1252 bytes of TEXT: Latin-1 for the letters, 0x96 for the en dash */
const cp1252 = Buffer.from(TEXT.replace('–', '\u0096'), 'latin1');

const files: [string, Buffer, string, string][] = [
  ['UTF-8', Buffer.from(TEXT), 'utf8', 'utf8'],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf8', 'bom'],
  ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf16le', 'bom'],
  ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf16be', 'bom'],
  ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf16le', 'nul-bytes'],
  ['UTF-16BE without BOM', utf16be(TEXT), 'utf16be', 'nul-bytes'],
  ['Windows-1252', cp1252, 'windows-1252', 'fallback'],
];

async function scoreByCity(bytes: Buffer, extra: string[] = []) {
  const r = await runCli(['score', '-', '--by', 'city', '--format', 'json', ...extra], { stdin: bytes });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('encodings', () => {
  it.each(files)('reads %s', async (_name, bytes, encoding, by) => {
    expect(detectEncoding(bytes)).toMatchObject({ encoding, by });
    const json = await scoreByCity(bytes);
    expect(json.rows.map((r: { group: { city?: string }; n: number }) => [r.group.city ?? 'All', r.n])).toEqual([
      ['All', 3],
      ['Genève', 2],
      ['Köln – Süd', 1],
    ]);
    const fallback = json.warnings.filter((w: { message: string }) => /Windows-1252/.test(w.message));
    expect(fallback.length).toBe(by === 'fallback' ? 1 : 0);
  });

  it('says on standard error when it fell back to Windows-1252', async () => {
    const r = await runCli(['score', '-', '--by', 'city'], { stdin: cp1252 });
    expect(r.stderr).toContain('stdin: not valid UTF-8: read as Windows-1252 (use --encoding to say otherwise)');
  });

  it('decodes every Windows-1252 byte from 0x80 to 0x9F as Windows-1252, not Latin-1', () => {
    const bytes = Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f]);
    expect(createTranscoder('windows-1252')!(bytes, true).toString('utf8')).toBe('€…‘’“”–—™Ÿ');
  });

  it('takes --encoding over detection', async () => {
    // declared: no warning, same reading
    const declared = await scoreByCity(cp1252, ['--encoding', 'cp1252']);
    expect(declared.warnings).toEqual([]);
    // UTF-8 read as Windows-1252 gives what such a mistake gives: mojibake, not an error
    const wrong = await scoreByCity(Buffer.from(TEXT), ['--encoding', 'windows-1252']);
    expect(wrong.rows[1].group.city).toBe('GenÃ¨ve');
    // a UTF-16LE file without BOM declared as such
    const le = await scoreByCity(Buffer.from(TEXT, 'utf16le'), ['--encoding', 'utf-16le']);
    expect(le.rows[0].n).toBe(3);
  });

  it('shows the encoding and how it was decided in inspect', async () => {
    const r = await runCli(['inspect', '-', '--format', 'json'], { stdin: files[2][1] });
    expect(JSON.parse(r.stdout).files[0].encoding).toEqual({ name: 'utf16le', by: 'bom', bom: true });
  });
});
