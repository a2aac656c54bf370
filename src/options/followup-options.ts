/**
 * `cxm followup` flags: which answers to list (--group, --score, --with-comment, --since/--until,
 * --where), which columns to show (--id, --comment, --contact, --by, --join/--on, --tags) and how many
 * rows (--limit). --weight, --variance, --per and --per-rule are refused: they change how answers count
 * in a score, and the list has none.
 */
import { roleKind, ROLES } from '../model/metrics.js';
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { NPS_GROUPS, groupCategory, type FollowupRequest, type NpsGroup } from '../analysis/followup.js';
import type { Scale } from '../model/tally.js';
import { choice, flagName, nonNegativeInt, parseCommonOptions, parseDayBounds, parseFlags, splitList, type CommonOptions } from './common-options.js';

/** The common options, with --since/--until as followup reads them (day numbers, see FollowupRequest). */
export type FollowupOptions = Omit<CommonOptions, 'since' | 'until'> & Omit<FollowupRequest, Exclude<keyof CommonOptions, 'since' | 'until'>>;

export const DEFAULT_FOLLOWUP_LIMIT = 1000;

const schema = z.object({
  metric: z.optional(choice(ROLES)),
  group: z.optional(z.array(z.string())),
  score: z.optional(z.string()),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
  withComment: z.optional(z.boolean()),
  limit: z.optional(nonNegativeInt('a whole number')),
  id: z.optional(z.string()),
  comment: z.optional(z.string()),
  contact: z.optional(z.union([z.array(z.string()), z.literal(false)])),
});

function parseGroups(values: string[] | undefined): string[] | null | undefined {
  if (values === undefined) return undefined;
  const out: string[] = [];
  for (const v of splitList(values)) {
    const key = v.toLowerCase();
    if (key === 'all') return null;
    if (!(NPS_GROUPS as readonly string[]).includes(key)) throw new UsageError(`--group takes ${NPS_GROUPS.join(', ')} or all (got ${JSON.stringify(v)})`);
    out.push(groupCategory(key as NpsGroup));
  }
  return out;
}

/** Flags of the scoring commands that have no meaning for a list of respondents. */
const SCORING_FLAGS = ['weight', 'variance', 'cluster', 'per', 'perRule'] as const;

export function parseFollowupOptions(files: string[], raw: Record<string, unknown>): FollowupOptions {
  const scoring = SCORING_FLAGS.find((k) => raw[k] !== undefined);
  if (scoring !== undefined) {
    throw new UsageError(
      `${flagName(scoring)} does not apply to followup: it lists respondents, and weights and --per change how answers count in a score`,
      'to list the responses of some accounts or customers, filter with --where (joined columns too: --join FILE --on COL)',
    );
  }
  const o = parseFlags(schema, raw);
  const { metric: _metric, ...rest } = raw;
  const common = parseCommonOptions(files, rest);
  const categories = parseGroups(o.group);
  if (categories && o.metric !== undefined && roleKind(o.metric) !== 'nps') {
    throw new UsageError(`--group ${o.group!.join(',')} names NPS classes; with --metric ${o.metric}, list answers with --score LO-HI (default: those outside the satisfied/agree band)`);
  }
  let scores: Scale | null = null;
  if (o.score !== undefined) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(o.score);
    if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) throw new UsageError(`--score takes a score or a range LO-HI, like 0-6 (got ${JSON.stringify(o.score)})`);
    scores = { lo: Number(m[1]), hi: Number(m[2] ?? m[1]) };
    if (o.group !== undefined) throw new UsageError('--score and --group both say which answers to list: give one');
  }
  if (o.limit === 0) throw new UsageError('--limit must be 1 or more');
  const { first, last } = parseDayBounds(o.since, o.until, common.weekStart);
  return {
    ...common,
    // a config file's weight and --per settings are for the scores; the list is of respondents
    weight: undefined,
    weighted: false,
    per: undefined,
    role: o.metric,
    categories,
    scores,
    since: first,
    until: last,
    withComment: o.withComment ?? false,
    limit: o.limit ?? DEFAULT_FOLLOWUP_LIMIT,
    id: o.id,
    comment: common.comment,
    contacts: o.contact === false ? null : o.contact === undefined ? undefined : splitList(o.contact),
    needsDate: first !== null || last !== null,
  };
}
