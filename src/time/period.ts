/**
 * Periods of a trend: days, weeks, months, quarters and years as consecutive integers (an index), so
 * "every period from the first to the last" is a range of integers and "the previous period" is
 * index − 1. Labels:
 *   day `2026-01-05` · week `2026-W02` · month `2026-01` · quarter `2026-Q1` · year `2026`.
 * Weeks start on Monday and are numbered as ISO 8601 (week 1 holds the year's first Thursday, so
 * 1 January can fall in week 52 or 53 of the year before, and 29–31 December in week 1 of the next).
 * Weeks starting on Sunday follow the same rule with Sunday–Saturday weeks: a week belongs to the year
 * holding 4 or more of its days, i.e. its Wednesday (the US CDC "MMWR week").
 */
import { civilFromDays, daysFromCivil, formatCivil, isoWeekday, pad } from './calendar.js';

export const EVERY = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Every = (typeof EVERY)[number];
export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** Day numbers (since 1970-01-01) of the first and last day of a period, both included. */
export interface DayRange {
  first: number;
  last: number;
}

/** 1970-01-05 was a Monday, 1970-01-04 a Sunday. */
const weekOrigin = (weekStart: WeekStart) => (weekStart === 'monday' ? 4 : 3);

/** The index of the period holding a day. */
export function periodIndex(day: number, every: Every, weekStart: WeekStart = 'monday'): number {
  switch (every) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day - weekOrigin(weekStart)) / 7);
    default: {
      const { year, month } = civilFromDays(day);
      if (every === 'month') return year * 12 + month - 1;
      if (every === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
      return year;
    }
  }
}

/** First and last day of a period. */
export function periodRange(index: number, every: Every, weekStart: WeekStart = 'monday'): DayRange {
  switch (every) {
    case 'day':
      return { first: index, last: index };
    case 'week': {
      const first = index * 7 + weekOrigin(weekStart);
      return { first, last: first + 6 };
    }
    case 'month': {
      const year = Math.floor(index / 12);
      const month = index - year * 12 + 1;
      const first = daysFromCivil(year, month, 1);
      return { first, last: (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) - 1 };
    }
    case 'quarter': {
      const year = Math.floor(index / 4);
      const q = index - year * 4;
      const first = daysFromCivil(year, q * 3 + 1, 1);
      return { first, last: (q === 3 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, q * 3 + 4, 1)) - 1 };
    }
    case 'year':
      return { first: daysFromCivil(index, 1, 1), last: daysFromCivil(index + 1, 1, 1) - 1 };
  }
}

/**
 * Week-numbering year and week of a week: the year of its middle day (Thursday for Monday weeks,
 * Wednesday for Sunday weeks) and the count of weeks since that year's first such middle day.
 */
export function weekNumber(index: number, weekStart: WeekStart = 'monday'): { year: number; week: number } {
  const middle = periodRange(index, 'week', weekStart).first + 3;
  const year = civilFromDays(middle).year;
  return { year, week: Math.floor((middle - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

export function periodLabel(index: number, every: Every, weekStart: WeekStart = 'monday'): string {
  switch (every) {
    case 'day':
      return formatCivil(index);
    case 'week': {
      const { year, week } = weekNumber(index, weekStart);
      return `${pad(year, 4)}-W${pad(week, 2)}`;
    }
    case 'month': {
      const year = Math.floor(index / 12);
      return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
    }
    case 'quarter': {
      const year = Math.floor(index / 4);
      return `${pad(year, 4)}-Q${index - year * 4 + 1}`;
    }
    case 'year':
      return pad(index, 4);
  }
}

/** The week index of week `week` of week-numbering year `year`, or null when the year has no such week. */
function weekIndexOf(year: number, week: number, weekStart: WeekStart): number | null {
  const jan1 = daysFromCivil(year, 1, 1);
  const middleWeekday = weekStart === 'monday' ? 4 : 3;
  const firstMiddle = jan1 + ((middleWeekday - isoWeekday(jan1) + 7) % 7);
  const index = periodIndex(firstMiddle - 3 + 7 * (week - 1), 'week', weekStart);
  if (week < 1 || weekNumber(index, weekStart).year !== year) return null;
  return index;
}

/**
 * A period label back to its kind and index: `2026-01-05`, `2026-W05` (also `2026W05`), `2026-01`,
 * `2026-Q1` (also `2026Q1`), `2026`. Null when the text is none of these or not a real period.
 */
export function parsePeriod(label: string, weekStart: WeekStart = 'monday'): { every: Every; index: number } | null {
  const text = label.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const days = daysFromCivil(year, month, day);
    const back = civilFromDays(days);
    if (month < 1 || month > 12 || back.month !== month || back.day !== day) return null;
    return { every: 'day', index: days };
  }
  if ((m = /^(\d{4})-?W(\d{2})$/i.exec(text))) {
    const index = weekIndexOf(Number(m[1]), Number(m[2]), weekStart);
    return index === null ? null : { every: 'week', index };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { every: 'month', index: Number(m[1]) * 12 + month - 1 } : null;
  }
  if ((m = /^(\d{4})-?Q([1-4])$/i.exec(text))) return { every: 'quarter', index: Number(m[1]) * 4 + Number(m[2]) - 1 };
  if ((m = /^(\d{4})$/.exec(text))) return { every: 'year', index: Number(m[1]) };
  return null;
}

/**
 * A period given on the command line: one label (`2026-W05`, `2026-01-05`, `2026-Q1`…) or a span
 * `A..B` from the start of A to the end of B. Returns the days covered and the label written the
 * canonical way (`2026w5` is not accepted; `2026W05` becomes `2026-W05`), or null.
 */
export function parsePeriodSpan(text: string, weekStart: WeekStart = 'monday'): (DayRange & { label: string }) | null {
  const ends = text.split('..');
  if (ends.length > 2) return null;
  const parsed = ends.map((e) => parsePeriod(e, weekStart));
  if (parsed.some((p) => p === null)) return null;
  const [a, b] = [parsed[0]!, parsed[parsed.length - 1]!];
  const first = periodRange(a.index, a.every, weekStart).first;
  const last = periodRange(b.index, b.every, weekStart).last;
  if (last < first) return null;
  const labels = parsed.map((p) => periodLabel(p!.index, p!.every, weekStart));
  return { first, last, label: labels.join('..') };
}
