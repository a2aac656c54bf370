import { describe, expect, it } from 'vitest';
import { exclusionOf, isUnfinished, statusReason } from '../../src/io/row-rules.js';
import type { SourceRecord } from '../../src/io/record.js';

const record = (cells: string[]): SourceRecord => ({
  line: 2,
  fieldCount: cells.length,
  text: (i) => cells[i] ?? '',
  key: (i) => cells[i] ?? '',
  keyText: (k) => k,
  // as the CSV scanner does: plain digits straight from the bytes, blank -1, anything else -2
  smallInt: (i) => (/^\d{1,6}$/.test(cells[i] ?? '') ? Number(cells[i]) : (cells[i] ?? '') === '' ? -1 : -2),
  // the row rules read text and small integers only
  textKey: (t) => t,
  intern: () => {
    throw new Error('not used by the row rules');
  },
  parseBytes: () => {
    throw new Error('not used by the row rules');
  },
});

describe('row rules', () => {
  it.each([
    ['0', null],
    ['IP Address', null],
    ['4', null], // imported
    ['16', null], // offline
    ['1', 'preview'],
    ['Survey Preview', 'preview'],
    ['2', 'test'],
    ['Survey Test', 'test'],
    ['8', 'spam'],
    ['Spam', 'spam'],
    ['9', 'spam'],
    ['17', 'preview'],
  ])('Qualtrics Status %j is %s', (status, reason) => {
    expect(statusReason(status)).toBe(reason);
  });

  it('leaves out Qualtrics previews, tests and spam by Status, numeric or text', () => {
    const rules = { status: 0 };
    expect(exclusionOf(record(['0']), rules)).toBeNull();
    expect(exclusionOf(record(['4']), rules)).toBeNull();
    expect(exclusionOf(record(['1']), rules)?.reason).toBe('preview');
    expect(exclusionOf(record(['8']), rules)?.reason).toBe('spam');
    expect(exclusionOf(record(['Survey Test']), rules)?.reason).toBe('test');
    expect(exclusionOf(record(['IP Address']), rules)).toBeNull();
  });

  it('reads Finished as 0/1, True/False, Yes/No', () => {
    expect(['0', 'False', 'no', ' NO '].every(isUnfinished)).toBe(true);
    expect(['1', 'True', 'Yes', ''].some(isUnfinished)).toBe(false);
  });

  it('leaves out Typeform partial responses by Response Type, or by a blank submit date', () => {
    expect(exclusionOf(record(['partial', '']), { responseType: 0, submitted: 1 })?.reason).toBe('partial');
    expect(exclusionOf(record(['completed', '']), { responseType: 0, submitted: 1 })).toBeNull();
    expect(exclusionOf(record(['x', '']), { submitted: 1 })?.reason).toBe('partial');
    expect(exclusionOf(record(['x', '2026-01-05 10:00:00']), { submitted: 1 })).toBeNull();
  });

  it('leaves out answers that are not answers: Zendesk offered/unoffered, a blank Intercom rating', () => {
    const zendesk = { notAnswered: { index: 0, values: ['offered', 'unoffered'], blank: false, what: '' } };
    expect(exclusionOf(record(['offered']), zendesk)?.reason).toBe('unanswered');
    expect(exclusionOf(record(['Unoffered']), zendesk)?.reason).toBe('unanswered');
    expect(exclusionOf(record(['good']), zendesk)).toBeNull();
    expect(exclusionOf(record(['']), zendesk)).toBeNull();
    const intercom = { notAnswered: { index: 0, values: [], blank: true, what: '' } };
    expect(exclusionOf(record(['']), intercom)?.reason).toBe('unanswered');
    expect(exclusionOf(record(['4']), intercom)).toBeNull();
  });
});
