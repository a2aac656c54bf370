import { describe, expect, it } from 'vitest';
import { parseScore, unguard } from '../../src/io/values.js';

const nps = { lo: 0, hi: 10 };

describe('parseScore', () => {
  it.each([
    ['9', 9],
    ['8.0', 8],
    ['  7 ', 7],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['7 – Likely', 7],
    ['5: neutral', 5],
  ])('%j is %d', (raw, value) => {
    expect(parseScore(raw, nps)).toEqual({ kind: 'value', value });
  });

  it.each(['', '  ', 'NA', 'n/a', 'N/A', 'null', 'NULL', '-'])('%j is no answer', (raw) => {
    expect(parseScore(raw, nps)).toEqual({ kind: 'blank' });
  });

  it.each([
    ['eleven', 'is not a score on 0-10'],
    ['11', 'is not a score on 0-10'],
    ['-1', 'is not a score on 0-10'],
    ['6.5', 'is not a whole number (scores on 0-10 are whole numbers)'],
    ['Very likely', 'is not a score on 0-10'],
  ])('%j is invalid', (raw, reason) => {
    expect(parseScore(raw, nps)).toEqual({ kind: 'invalid', reason });
  });

  it('reads labels from a label map, case-insensitively; unknown labels stay invalid', () => {
    const labels = new Map([['very satisfied', 5]]);
    expect(parseScore('Very Satisfied', { lo: 1, hi: 5 }, labels)).toEqual({ kind: 'value', value: 5 });
    expect(parseScore('Somewhat satisfied', { lo: 1, hi: 5 }, labels).kind).toBe('invalid');
  });

  it('reads decimal commas as European spreadsheets write them', () => {
    expect(parseScore('8,0', nps)).toEqual({ kind: 'value', value: 8 });
    expect(parseScore('10,00', nps)).toEqual({ kind: 'value', value: 10 });
    expect(parseScore('8,5', nps)).toEqual({ kind: 'invalid', reason: 'is not a whole number (scores on 0-10 are whole numbers)' });
  });

  it("reads a formula guard ('-1, '+3) as the value it guards, and nothing else as one", () => {
    expect(parseScore("'-1", { lo: -3, hi: 3 })).toEqual({ kind: 'value', value: -1 });
    expect(parseScore("'+3", { lo: -3, hi: 3 })).toEqual({ kind: 'value', value: 3 });
    expect(parseScore("'-1", nps).kind).toBe('invalid');
    expect(parseScore("'7", nps).kind).toBe('invalid');
    expect(unguard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguard("'tis")).toBe("'tis");
  });
});

