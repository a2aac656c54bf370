// Periods and time zones against Python: date.isocalendar() for ISO weeks, the CDC MMWR definition
// for weeks starting on Sunday, zoneinfo for local dates (test/reference/trend_compare.py).
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatCivil } from '../../src/time/calendar.js';
import { parsePeriod, parsePeriodSpan, periodIndex, periodLabel, periodRange, type Every } from '../../src/time/period.js';
import { checkTimeZone, createLocalDay } from '../../src/time/time-zone.js';
import { loadReference } from '../stats/helpers.js';

interface WeekCase {
  date: string;
  monday: string;
  mondayStart: string;
  sunday: string;
  sundayStart: string;
  month: string;
  quarter: string;
  year: string;
}
const reference = loadReference<{
  isoWeeks: WeekCase[];
  weeksInYear: { year: number; monday: number; sunday: number }[];
  zones: { zone: string; ms: number; instant: string; date: string }[];
}>('trend-compare.json');

const day = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const labelOf = (d: number, every: Every, weekStart: 'monday' | 'sunday' = 'monday') => periodLabel(periodIndex(d, every, weekStart), every, weekStart);

describe('period labels against Python', () => {
  it.each(reference.isoWeeks)('$date', (c) => {
    const d = day(c.date);
    expect(formatCivil(d)).toBe(c.date);
    expect(labelOf(d, 'week')).toBe(c.monday);
    expect(formatCivil(periodRange(periodIndex(d, 'week'), 'week').first)).toBe(c.mondayStart);
    expect(labelOf(d, 'week', 'sunday')).toBe(c.sunday);
    expect(formatCivil(periodRange(periodIndex(d, 'week', 'sunday'), 'week', 'sunday').first)).toBe(c.sundayStart);
    expect(labelOf(d, 'month')).toBe(c.month);
    expect(labelOf(d, 'quarter')).toBe(c.quarter);
    expect(labelOf(d, 'year')).toBe(c.year);
    expect(labelOf(d, 'day')).toBe(c.date);
    // every label reads back as its own period
    for (const [every, text] of [['week', c.monday], ['month', c.month], ['quarter', c.quarter], ['year', c.year], ['day', c.date]] as const) {
      expect(parsePeriod(text), text).toEqual({ every, index: periodIndex(d, every) });
    }
    expect(parsePeriod(c.sunday, 'sunday')).toEqual({ every: 'week', index: periodIndex(d, 'week', 'sunday') });
  });

  it('knows which years have a week 53', () => {
    for (const { year, monday, sunday } of reference.weeksInYear) {
      expect(parsePeriod(`${year}-W53`) !== null, `${year} ISO`).toBe(monday === 53);
      expect(parsePeriod(`${year}-W53`, 'sunday') !== null, `${year} Sunday`).toBe(sunday === 53);
      expect(parsePeriod(`${year}-W52`)).not.toBeNull();
    }
  });

  it('puts 1 January in the last week of the year before when the week is mostly December', () => {
    expect(labelOf(day('2021-01-01'), 'week')).toBe('2020-W53');
    expect(labelOf(day('2022-01-01'), 'week')).toBe('2021-W52');
    expect(labelOf(day('2025-12-29'), 'week')).toBe('2026-W01');
    expect(labelOf(day('2027-01-03'), 'week')).toBe('2026-W53');
  });

  it('gives each period its first and last day', () => {
    const range = (label: string) => {
      const r = parsePeriodSpan(label)!;
      return [formatCivil(r.first), formatCivil(r.last)];
    };
    expect(range('2026-W01')).toEqual(['2025-12-29', '2026-01-04']);
    expect(range('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(range('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(range('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(range('2026-01-05')).toEqual(['2026-01-05', '2026-01-05']);
    expect(range('2026-W05..2026-W08')).toEqual(['2026-01-26', '2026-02-22']);
    expect(range('2026-01..2026-02-10')).toEqual(['2026-01-01', '2026-02-10']);
  });

  it('writes labels the canonical way and refuses what is not a period', () => {
    expect(parsePeriodSpan('2026w05')?.label).toBe('2026-W05');
    expect(parsePeriodSpan('2026q3')?.label).toBe('2026-Q3');
    for (const bad of ['2026-W00', '2021-W53', '2026-13', '2026-02-30', '2026-Q5', 'W05', '2026-03..2026-01', '2026..2027..2028', 'last week']) {
      expect(parsePeriodSpan(bad), bad).toBeNull();
    }
  });
});

describe('local dates in a time zone against zoneinfo', () => {
  const byZone = new Map<string, typeof reference.zones>();
  for (const c of reference.zones) byZone.set(c.zone, [...(byZone.get(c.zone) ?? []), c]);
  it.each([...byZone.keys()])('%s', (zone) => {
    const localDay = createLocalDay(checkTimeZone(zone));
    for (const c of byZone.get(zone)!) expect(formatCivil(localDay(c.ms)), `${c.instant} in ${zone}`).toBe(c.date);
    // and again in reverse order, so the per-day cache is not what makes it right
    const fresh = createLocalDay(zone);
    for (const c of [...byZone.get(zone)!].reverse()) expect(formatCivil(fresh(c.ms)), `${c.instant} in ${zone}`).toBe(c.date);
  });

  it('moves a timestamp across midnight', () => {
    const ms = Date.UTC(2026, 0, 4, 23, 30);
    expect(formatCivil(createLocalDay('UTC')(ms))).toBe('2026-01-04');
    expect(formatCivil(createLocalDay('Europe/Berlin')(ms))).toBe('2026-01-05');
    expect(labelOf(createLocalDay('Europe/Berlin')(ms), 'week')).toBe('2026-W02');
    expect(labelOf(createLocalDay('UTC')(ms), 'week')).toBe('2026-W01');
  });

  it('refuses an unknown zone with a usage error', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(checkTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });
});
