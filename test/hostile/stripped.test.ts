/**
 * Characters taken out of data leave a visible mark (U+FFFD), so two segment values that differ only by
 * them do not look the same; U+061C (Arabic letter mark) is taken out of terminal and Markdown text,
 * U+202E (right-to-left override) out of CSV cells, and C1 controls out of HTML and JUnit XML.
 */
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/report/escape-xml.js';
import { safeTerminalText } from '../../src/report/format.js';
import { safeCsvCell } from '../../src/report/render-csv.js';

describe('stripped characters', () => {
  it('are marked, so values that differ only by them stay different', () => {
    expect(safeTerminalText('EMEA\u202e')).toBe('EMEA\ufffd');
    expect(safeTerminalText('EMEA\u202e')).not.toBe(safeTerminalText('EMEA'));
    expect(safeCsvCell('EMEA\u0085')).not.toBe(safeCsvCell('EMEA'));
  });

  it('U+061C is taken out of terminal (and so Markdown) text', () => {
    expect(safeTerminalText('a\u061cb')).toBe('a\ufffdb');
  });

  it('U+202E and the other bidirectional overrides are taken out of CSV cells', () => {
    for (const c of ['\u202e', '\u202d', '\u2066', '\u061c', '\u200f']) expect(safeCsvCell(`x${c}y`)).toBe('x\ufffdy');
  });

  it('C1 controls are taken out of HTML and JUnit XML', () => {
    expect(escapeXml('a\u009b31mb\u0085c')).toBe('a\ufffd31mb\ufffdc');
  });
});
