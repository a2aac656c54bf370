/**
 * `cxm trend` flags on top of the common ones: --every, --window. (--since/--until, shared by every
 * command, here cut the periods: rows outside are excluded and the periods they fall in are partial.)
 */
import * as z from 'zod/mini';
import type { TallyPeriod } from '../model/tally-file.js';
import type { PeriodRequest } from '../fold/load-tallies.js';
import { EVERY, type Every } from '../time/period.js';
import { choice, fail, parseCommonOptions, parseDayBounds, parseFlags, text, type CommonOptions } from './common-options.js';

export interface TrendOptions extends CommonOptions {
  every: Every;
  window: number | null;
}

const schema = z.object({
  every: z.optional(choice(EVERY)),
  window: z.optional(text<number>((s, ctx) => (/^\d+$/.test(s.trim()) && Number(s) >= 2 ? Number(s) : fail(ctx, s, `must be a whole number of periods, 2 or more (got ${JSON.stringify(s)})`)))),
});

export function parseTrendOptions(files: string[], raw: Record<string, unknown>): TrendOptions {
  const common = parseCommonOptions(files, raw);
  const o = parseFlags(schema, raw);
  return { ...common, every: o.every ?? 'week', window: o.window ?? null };
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
