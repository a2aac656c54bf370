/**
 * `cxm trend` flags on top of the common ones: --every, --window. (--since/--until, shared by every
 * command, here cut the periods: rows outside are excluded and the periods they fall in are partial.)
 */
import * as z from 'zod/mini';
import { EVERY, type Every } from '../analysis/period.js';
import { choice, fail, parseCommonOptions, parseFlags, text, type CommonOptions } from './options.js';

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
