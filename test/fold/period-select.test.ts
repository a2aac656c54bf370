// The last complete period on or before an as-of day, for every kind of period (dates computed by
// hand from the calendar, not from cxm).
import { describe, expect, it } from 'vitest';
import { lastCompletePeriod } from '../../src/fold/period-select.js';
import { periodLabel, type Every, type WeekStart } from '../../src/time/period.js';
import { daysFromCivil } from '../../src/time/calendar.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return daysFromCivil(y, m, d);
};
const last = (asOf: string, every: Every, weekStart: WeekStart = 'monday') => periodLabel(lastCompletePeriod(day(asOf), every, weekStart), every, weekStart);

describe('lastCompletePeriod', () => {
  it.each([
    // Sunday 28 June 2026 ends ISO week 26; Saturday 27 June does not
    ['2026-06-28', 'week', 'monday', '2026-W26'],
    ['2026-06-27', 'week', 'monday', '2026-W25'],
    ['2026-06-29', 'week', 'monday', '2026-W26'],
    // Sunday-start weeks end on Saturday
    ['2026-06-27', 'week', 'sunday', '2026-W25'],
    ['2026-06-26', 'week', 'sunday', '2026-W24'],
    // 2021-01-03 (Sunday) ends ISO week 53 of 2020
    ['2021-01-03', 'week', 'monday', '2020-W53'],
    ['2026-06-30', 'month', 'monday', '2026-06'],
    ['2026-06-29', 'month', 'monday', '2026-05'],
    ['2024-02-29', 'month', 'monday', '2024-02'],
    ['2024-02-28', 'month', 'monday', '2024-01'],
    ['2026-03-31', 'quarter', 'monday', '2026-Q1'],
    ['2026-03-30', 'quarter', 'monday', '2025-Q4'],
    ['2026-12-31', 'year', 'monday', '2026'],
    ['2026-12-30', 'year', 'monday', '2025'],
    ['2026-06-28', 'day', 'monday', '2026-06-28'],
  ] as const)('as of %s, every %s (%s weeks): %s', (asOf, every, weekStart, expected) => {
    expect(last(asOf, every, weekStart)).toBe(expected);
  });
});
