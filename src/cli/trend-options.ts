/**
 * `cxm trend` flags on top of the common ones: --every, --since/--until (a date or a period label,
 * both ends included), --window.
 */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import type { TallyPeriod } from '../model/tally-file.js';
import type { PeriodRequest } from '../analysis/load-tallies.js';
import { EVERY, parsePeriodSpan, type Every, type WeekStart } from '../analysis/period.js';
import { choice, fail, parseCommonOptions, parseFlags, text, type CommonOptions } from './options.js';

export interface TrendOptions extends CommonOptions {
  every: Every;
  since: string | null;
  until: string | null;
  /** --since/--until as day numbers */
  first: number | null;
  last: number | null;
  window: number | null;
}

const schema = z.object({
  every: z.optional(choice(EVERY)),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
  window: z.optional(text<number>((s, ctx) => (/^\d+$/.test(s.trim()) && Number(s) >= 2 ? Number(s) : fail(ctx, s, `must be a whole number of periods, 2 or more (got ${JSON.stringify(s)})`)))),
});

export const PERIOD_HINT = 'a date (2026-01-05) or a period: 2026-W05, 2026-01, 2026-Q1, 2026';

/** --since/--until (a date or a period label, both ends included) as day numbers; null when not given. */
export function parseDayBounds(since: string | undefined, until: string | undefined, weekStart: WeekStart): { first: number | null; last: number | null } {
  const bound = (flag: string, value: string | undefined, end: 'first' | 'last'): number | null => {
    if (value === undefined) return null;
    const span = parsePeriodSpan(value, weekStart);
    if (!span || value.includes('..')) throw new UsageError(`${flag} takes ${PERIOD_HINT} (got ${JSON.stringify(value)})`);
    return span[end];
  };
  const first = bound('--since', since, 'first');
  const last = bound('--until', until, 'last');
  if (first !== null && last !== null && last < first) throw new UsageError(`--since ${since} is after --until ${until}`);
  return { first, last };
}

export function parseTrendOptions(files: string[], raw: Record<string, unknown>): TrendOptions {
  const common = parseCommonOptions(files, raw);
  const o = parseFlags(schema, raw);
  const { first, last } = parseDayBounds(o.since, o.until, common.weekStart);
  return { ...common, every: o.every ?? 'week', since: o.since ?? null, until: o.until ?? null, first, last, window: o.window ?? null };
}

/** The period settings the user gave (not defaulted), to check against tallies' (--tallies). */
export function periodRequest(o: TrendOptions): PeriodRequest {
  const given = (key: string) => o.given.includes(key);
  return {
    ...(given('every') ? { every: o.every } : {}),
    ...(given('weekStart') ? { weekStart: o.weekStart } : {}),
    ...(given('tz') ? { timeZone: o.timeZone } : {}),
    ...(given('date') && o.dateColumn !== undefined ? { date: o.dateColumn } : {}),
    ...(o.since !== null ? { since: o.since } : {}),
    ...(o.until !== null ? { until: o.until } : {}),
  };
}

/** Trend settings with the period settings tallies were counted with (and --every rolled up to). */
export function withTallyPeriod(o: TrendOptions, period: TallyPeriod): TrendOptions {
  const bounds = parseDayBounds(period.since ?? undefined, period.until ?? undefined, period.weekStart);
  return { ...o, every: period.every, weekStart: period.weekStart, timeZone: period.timeZone, dateColumn: period.date, since: period.since, until: period.until, ...bounds };
}
