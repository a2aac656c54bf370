/**
 * `cxm sql` flags: the dialect and the table, and the column, grouping, period, scale, --where,
 * --weight and --since/--until flags of the other commands. A warehouse table has no header for cxm to
 * read, so score columns are named (`--nps COL`, or `columns` in the config file) and so is the date
 * column. What a tally cannot hold — per-account roll-ups, comment tags — and the join (a JOIN in
 * `--from` does it in the warehouse) are refused with the reason.
 */
import { listRoles, roleOf } from '../model/metrics.js';
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { formatCivil } from '../time/calendar.js';
import { isReservedColumn, TALLY_COLUMNS } from '../model/tally-file.js';
import { EVERY, type Every } from '../time/period.js';
import { resolveRoles, type RoleSpec } from '../fold/plan.js';
import { DIALECTS, type DialectName } from '../sql/dialect.js';
import type { SqlDateFormat } from '../sql/dates.js';
import type { SqlDateGate, SqlPeriod } from '../sql/query.js';
import { choice, parseCommonOptions, parseDayBounds, parseFlags, type CommonOptions } from './common-options.js';

export interface SqlOptions extends CommonOptions {
  dialect: DialectName;
  from: string;
  roles: RoleSpec[];
  period: SqlPeriod | null;
  /** --since/--until without --every */
  gate: SqlDateGate | null;
}

const schema = z.object({
  dialect: z.optional(choice(DIALECTS)),
  from: z.optional(z.string()),
  every: z.optional(choice(EVERY)),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
});

const SQL_DATE_FORMATS: readonly string[] = ['iso-8601', 'unix-seconds', 'unix-milliseconds'];

export function parseSqlOptions(raw: Record<string, unknown>): SqlOptions {
  // refused before anything is read (a --tags file, a --join file)
  refuseUncountable({ per: raw.per, tags: raw.tags, join: raw.join });
  const common = parseCommonOptions([], raw, false);
  const o = parseFlags(schema, raw);
  refuseUncountable(common);
  if (!o.dialect) throw new UsageError('--dialect is required', `one of ${DIALECTS.join(', ')}`);
  if (!o.from || o.from.trim() === '') throw new UsageError('--from is required', 'a table (analytics.responses), a table function (read_csv(\'x.csv\')) or a query (SELECT …)');
  for (const name of common.by) {
    if (isReservedColumn(name)) throw new UsageError(`--by ${JSON.stringify(name)}: a tally file's own columns are ${TALLY_COLUMNS.join(', ')}; a group column cannot be called that`);
  }
  const named = [...new Set(Object.values(common.columns).filter((c): c is string => c !== undefined))];
  if (named.length === 0) {
    throw new UsageError(`name the score columns: ${listRoles((r) => `--${r} COLUMN`)}`, 'a warehouse table has no header for cxm to read (or give them in the config file\'s "columns")');
  }
  const wanted = common.metrics ? [...new Set(common.metrics.map(roleOf))] : undefined;
  const roles = resolveRoles(named, '--from', common, wanted);
  const { period, gate } = datesOf(common, o);
  return { ...common, dialect: o.dialect, from: o.from, roles, period, gate };
}

/** Options that do not make Tallies, or that belong in the warehouse's own SQL. */
function refuseUncountable(common: { per?: unknown; tags?: unknown; join?: unknown }): void {
  if (common.per !== undefined) {
    throw new UsageError('cxm sql cannot count --per: an account\'s answers are rolled up before they are counted, and tallies of accounts split between groups or shards would not add up', 'score per account from the responses (cxm score --per), or roll the accounts up in the --from query');
  }
  if (common.tags !== undefined) {
    throw new UsageError('cxm sql cannot count --tags: a response with two tags counts in both, and such tallies would not add up', 'tag the comments in the --from query (a column per tag, or one row per response and tag) and use --by');
  }
  if (common.join !== undefined) {
    throw new UsageError('cxm sql does not read a --join file: join in the warehouse instead', 'put the JOIN in --from, e.g. --from "SELECT r.*, c.revenue FROM responses r LEFT JOIN customers c ON c.email = r.email"');
  }
}

/** The period (--every), or without one the --since/--until gate; both read the --date column. */
function datesOf(common: CommonOptions, o: { every?: Every; since?: string; until?: string }): { period: SqlPeriod | null; gate: SqlDateGate | null } {
  const dateFlags = ['tz', 'weekStart', 'dateFormat'].filter((k) => common.given.includes(k));
  const bounded = o.since !== undefined || o.until !== undefined;
  if (o.every === undefined && !bounded) {
    if (dateFlags.length > 0) throw new UsageError('--tz, --week-start and --date-format read the --date column: give --every (count by period) or --since/--until (keep the rows in a range)');
    return { period: null, gate: null };
  }
  if (common.dateColumn === undefined) throw new UsageError(o.every === undefined ? '--since and --until need --date COLUMN' : '--every needs --date COLUMN', 'a warehouse table has no header for cxm to find the date column in');
  if (o.every !== undefined && common.by.includes('period')) throw new UsageError('--by "period": the name is taken by the period of each row; rename the column');
  const format = (common.dateFormat ?? 'iso-8601') as SqlDateFormat;
  if (!SQL_DATE_FORMATS.includes(format)) {
    throw new UsageError(`--date-format ${common.dateFormat}: cxm sql reads ISO 8601 dates and timestamps (iso) and unix time (unix, unix-ms)`, 'parse other layouts into a DATE or TIMESTAMP in the --from query');
  }
  const { first, last } = parseDayBounds(o.since, o.until, common.weekStart);
  const dates: SqlDateGate = {
    timeZone: common.timeZone,
    date: common.dateColumn,
    format,
    since: o.since ?? null,
    until: o.until ?? null,
    first: first === null ? null : formatCivil(first),
    last: last === null ? null : formatCivil(last),
  };
  if (o.every === undefined) return { period: null, gate: dates };
  return { period: { ...dates, every: o.every, weekStart: common.weekStart }, gate: null };
}
