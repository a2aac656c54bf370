// Date serials against the values Excel itself shows (ECMA-376 Part 1, 18.17.4.1: serial 1 is
// 1900-01-01, 60 the phantom 1900-02-29, 61 is 1900-03-01; =DATE(2025,1,1) is 45658 in the 1900 system and
// 44196 in the 1904 system, which starts at 0 = 1904-01-01), and which number formats are dates.
import { describe, expect, it } from 'vitest';
import { isDateFormat, serialToText } from '../../src/io/containers/xlsx-dates.js';

describe('date serials', () => {
  it('the 1900 system, across the phantom leap day', () => {
    expect(serialToText(1, false)).toBe('1900-01-01');
    expect(serialToText(59, false)).toBe('1900-02-28');
    expect(serialToText(61, false)).toBe('1900-03-01');
    expect(serialToText(45658, false)).toBe('2025-01-01');
    expect(serialToText(45658.5, false)).toBe('2025-01-01T12:00:00');
    // 14:46:41 is 53201 s of 86400: the stored fraction is not exact, the second is
    expect(serialToText(46027 + 53201 / 86400, false)).toBe('2026-01-05T14:46:41');
  });

  it('the 1904 system', () => {
    expect(serialToText(0, true)).toBe('1904-01-01');
    expect(serialToText(44196, true)).toBe('2025-01-01');
  });

  it('a time alone (serial below 1) is the time of day', () => {
    expect(serialToText(0.75, false)).toBe('18:00:00');
  });
});

describe('date formats', () => {
  it('built-in ids and format codes', () => {
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(22, undefined)).toBe(true);
    expect(isDateFormat(0, undefined)).toBe(false);
    expect(isDateFormat(2, undefined)).toBe(false);
    expect(isDateFormat(164, 'yyyy-mm-dd')).toBe(true);
    expect(isDateFormat(165, 'm/d/yy\\ h:mm:ss')).toBe(true);
    expect(isDateFormat(166, '[h]:mm')).toBe(true);
    expect(isDateFormat(167, '0.00')).toBe(false);
    expect(isDateFormat(168, '#,##0 "days"')).toBe(false);
    expect(isDateFormat(169, '[Red]0;[Blue]-0')).toBe(false);
    expect(isDateFormat(170, 'General')).toBe(false);
  });
});
