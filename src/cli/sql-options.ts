/**
 * `cxm sql` flags: the dialect and the table, and the column, grouping, period and scale flags of the
 * other commands. A warehouse table has no header for cxm to read, so score columns are named
 * (`--nps COL`, or `columns` in the config file) and so is the date column.
 */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { formatCivil } from '../model/calendar.js';
import { isReservedColumn, TALLY_COLUMNS } from '../model/tally-file.js';
import { EVERY, type Every } from '../analysis/period.js';
import { resolveRoles, roleOf, type RoleSpec } from '../analysis/plan.js';
import { DIALECTS, type DialectName } from '../sql/dialect.js';
import type { SqlDateFormat } from '../sql/dates.js';
import type { SqlPeriod } from '../sql/query.js';
import { choice, parseCommonOptions, parseDayBounds, parseFlags, type CommonOptions } from './options.js';

export interface SqlOptions extends CommonOptions {
  dialect: DialectName;
  from: string;
  roles: RoleSpec[];
  period: SqlPeriod | null;
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
  const common = parseCommonOptions([], raw, false);
  const o = parseFlags(schema, raw);
  if (!o.dialect) throw new UsageError('--dialect is required', `one of ${DIALECTS.join(', ')}`);
  if (!o.from || o.from.trim() === '') throw new UsageError('--from is required', 'a table (analytics.responses), a table function (read_csv(\'x.csv\')) or a query (SELECT …)');
  for (const name of common.by) {
    if (isReservedColumn(name)) throw new UsageError(`--by ${JSON.stringify(name)}: a tally file's own columns are ${TALLY_COLUMNS.join(', ')}; a group column cannot be called that`);
  }
  const named = [...new Set(Object.values(common.columns).filter((c): c is string => c !== undefined))];
  if (named.length === 0) {
    throw new UsageError('name the score columns: --nps COLUMN, --csat COLUMN or --ces COLUMN', 'a warehouse table has no header for cxm to read (or give them in the config file\'s "columns")');
  }
  const wanted = common.metrics ? [...new Set(common.metrics.map(roleOf))] : undefined;
  const roles = resolveRoles(named, '--from', common, wanted);
  return { ...common, dialect: o.dialect, from: o.from, roles, period: periodOf(common, o) };
}

function periodOf(common: CommonOptions, o: { every?: Every; since?: string; until?: string }): SqlPeriod | null {
  const dateFlags = ['date', 'tz', 'weekStart', 'dateFormat'].filter((k) => common.given.includes(k) && k !== 'date');
  if (o.every === undefined) {
    if (o.since !== undefined || o.until !== undefined || dateFlags.length > 0) throw new UsageError('--since, --until, --tz, --week-start and --date-format count by period: give --every too');
    return null;
  }
  if (common.dateColumn === undefined) throw new UsageError('--every needs --date COLUMN', 'a warehouse table has no header for cxm to find the date column in');
  if (common.by.includes('period')) throw new UsageError('--by "period": the name is taken by the period of each row; rename the column');
  const format = (common.dateFormat ?? 'iso-8601') as SqlDateFormat;
  if (!SQL_DATE_FORMATS.includes(format)) {
    throw new UsageError(`--date-format ${common.dateFormat}: cxm sql reads ISO 8601 dates and timestamps (iso) and unix time (unix, unix-ms)`, 'parse other layouts into a DATE or TIMESTAMP in the --from query');
  }
  const since = o.since ?? null;
  const until = o.until ?? null;
  const { first, last } = parseDayBounds(o.since, o.until, common.weekStart);
  return {
    every: o.every,
    weekStart: common.weekStart,
    timeZone: common.timeZone,
    date: common.dateColumn,
    format,
    since,
    until,
    first: first === null ? null : formatCivil(first),
    last: last === null ? null : formatCivil(last),
  };
}
