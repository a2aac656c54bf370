/**
 * What differs between the SQL engines `cxm sql` writes for: quoting, string literals, regular
 * expressions, types, and the date functions (zone conversion, ISO weeks, day arithmetic). Everything
 * else in the query (sql/query.ts) is written once. Regular expressions are kept to what every engine
 * reads the same way: bracket classes with literal characters, no backslash classes (`\d`, `\s`).
 */

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  name: DialectName;
  /** a quoted identifier */
  ident(name: string): string;
  /** a string literal */
  str(text: string): string;
  /** type names */
  text: string;
  int: string;
  bigint: string;
  double: string;
  /** true when `expr` matches the pattern (anywhere: patterns carry their own anchors) */
  matches(expr: string, pattern: string): string;
  /** the first capture group of the pattern, NULL or '' when it does not match */
  extract(expr: string, pattern: string): string;
  /** every match of the pattern replaced */
  replace(expr: string, pattern: string, replacement: string): string;
  /** a timestamp without zone from validated text `YYYY-MM-DD HH:MM:SS` */
  wallTimestamp(text: string): string;
  /** ts − minutes (an integer expression) */
  minusMinutes(ts: string, minutes: string): string;
  /** 1970-01-01 00:00:00 + seconds (an integer expression), as a timestamp without zone */
  epochPlusSeconds(seconds: string): string;
  /** the calendar day in `zone` of a UTC wall-clock timestamp */
  localDate(utc: string, zone: string): string;
  /** the date part of a timestamp without zone */
  dateOf(ts: string): string;
  /** `DATE 'YYYY-MM-DD'` */
  dateLiteral(day: string): string;
  addDays(date: string, days: string): string;
  /** ISO 8601 week-numbering year and week */
  isoYear(date: string): string;
  isoWeek(date: string): string;
  /** day of the week, Sunday 0 … Saturday 6 */
  sundayDow(date: string): string;
  dayOfYear(date: string): string;
  /** the metric list the answers are spread over: a FROM item and how to name its one column */
  list(values: string[]): { from: string; ref: string };
  /** a comment line for the top of the query, when the engine needs a setting */
  note?(zone: string): string | null;
}

/** Standard SQL strings (DuckDB, Postgres): quotes doubled, nothing else escaped. */
const standardString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Strings with backslash escapes (BigQuery, Snowflake, Spark): backslash, quote, tab and line ends escaped. */
const escapedString = (text: string) => `'${text.replace(/[\\'\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}'`;

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const backQuoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;

const extractDate = (unit: string) => (date: string) => `CAST(EXTRACT(${unit} FROM ${date}) AS INTEGER)`;

const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuoted,
  str: standardString,
  text: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  matches: (e, p) => `regexp_matches(${e}, ${standardString(p)})`,
  extract: (e, p) => `regexp_extract(${e}, ${standardString(p)}, 1)`,
  replace: (e, p, r) => `regexp_replace(${e}, ${standardString(p)}, ${standardString(r)}, 'g')`,
  wallTimestamp: (t) => `CAST(${t} AS TIMESTAMP)`,
  minusMinutes: (ts, m) => `(${ts} - to_minutes(CAST(${m} AS BIGINT)))`,
  epochPlusSeconds: (s) => `(TIMESTAMP '1970-01-01 00:00:00' + to_seconds(CAST(${s} AS BIGINT)))`,
  localDate: (utc, zone) => (zone === 'UTC' ? `CAST(${utc} AS DATE)` : `CAST(timezone(${standardString(zone)}, timezone('UTC', ${utc})) AS DATE)`),
  dateOf: (ts) => `CAST(${ts} AS DATE)`,
  dateLiteral: (d) => `DATE '${d}'`,
  addDays: (d, n) => `CAST(${d} + CAST(${n} AS INTEGER) AS DATE)`,
  isoYear: extractDate('isoyear'),
  isoWeek: extractDate('week'),
  sundayDow: extractDate('dow'),
  dayOfYear: extractDate('doy'),
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${standardString(v)})`).join(', ')}) AS cxm_m(cxm_metric)`, ref: 'cxm_m.cxm_metric' }),
};

const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuoted,
  str: standardString,
  text: 'TEXT',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  matches: (e, p) => `(${e} ~ ${standardString(p)})`,
  extract: (e, p) => `substring(${e} from ${standardString(p)})`,
  replace: (e, p, r) => `regexp_replace(${e}, ${standardString(p)}, ${standardString(r)}, 'g')`,
  wallTimestamp: (t) => `CAST(${t} AS TIMESTAMP)`,
  minusMinutes: (ts, m) => `(${ts} - ${m} * INTERVAL '1 minute')`,
  epochPlusSeconds: (s) => `(TIMESTAMP '1970-01-01 00:00:00' + ${s} * INTERVAL '1 second')`,
  localDate: (utc, zone) => (zone === 'UTC' ? `CAST(${utc} AS DATE)` : `CAST((${utc} AT TIME ZONE 'UTC') AT TIME ZONE ${standardString(zone)} AS DATE)`),
  dateOf: (ts) => `CAST(${ts} AS DATE)`,
  dateLiteral: (d) => `DATE '${d}'`,
  addDays: (d, n) => `CAST(${d} + CAST(${n} AS INTEGER) AS DATE)`,
  isoYear: extractDate('ISOYEAR'),
  isoWeek: extractDate('WEEK'),
  sundayDow: extractDate('DOW'),
  dayOfYear: extractDate('DOY'),
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${standardString(v)})`).join(', ')}) AS cxm_m(cxm_metric)`, ref: 'cxm_m.cxm_metric' }),
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: backQuoted,
  str: escapedString,
  text: 'STRING',
  int: 'INT64',
  bigint: 'INT64',
  double: 'FLOAT64',
  matches: (e, p) => `REGEXP_CONTAINS(${e}, ${escapedString(p)})`,
  extract: (e, p) => `REGEXP_EXTRACT(${e}, ${escapedString(p)})`,
  replace: (e, p, r) => `REGEXP_REPLACE(${e}, ${escapedString(p)}, ${escapedString(r)})`,
  wallTimestamp: (t) => `CAST(${t} AS DATETIME)`,
  minusMinutes: (ts, m) => `DATETIME_SUB(${ts}, INTERVAL ${m} MINUTE)`,
  epochPlusSeconds: (s) => `DATETIME_ADD(DATETIME '1970-01-01 00:00:00', INTERVAL ${s} SECOND)`,
  localDate: (utc, zone) => (zone === 'UTC' ? `DATE(${utc})` : `DATE(TIMESTAMP(${utc}, 'UTC'), ${escapedString(zone)})`),
  dateOf: (ts) => `DATE(${ts})`,
  dateLiteral: (d) => `DATE '${d}'`,
  addDays: (d, n) => `DATE_ADD(${d}, INTERVAL ${n} DAY)`,
  isoYear: extractDate('ISOYEAR'),
  isoWeek: extractDate('ISOWEEK'),
  sundayDow: (d) => `(EXTRACT(DAYOFWEEK FROM ${d}) - 1)`,
  dayOfYear: extractDate('DAYOFYEAR'),
  list: (values) => ({ from: `UNNEST([${values.map(escapedString).join(', ')}]) AS cxm_metric`, ref: 'cxm_metric' }),
};

const snowflake: Dialect = {
  name: 'snowflake',
  ident: doubleQuoted,
  str: escapedString,
  text: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  matches: (e, p) => `(REGEXP_INSTR(${e}, ${escapedString(p)}) > 0)`,
  extract: (e, p) => `REGEXP_SUBSTR(${e}, ${escapedString(p)}, 1, 1, 'e', 1)`,
  replace: (e, p, r) => `REGEXP_REPLACE(${e}, ${escapedString(p)}, ${escapedString(r)})`,
  wallTimestamp: (t) => `CAST(${t} AS TIMESTAMP_NTZ)`,
  minusMinutes: (ts, m) => `DATEADD(minute, -(${m}), ${ts})`,
  epochPlusSeconds: (s) => `DATEADD(second, ${s}, CAST('1970-01-01 00:00:00' AS TIMESTAMP_NTZ))`,
  localDate: (utc, zone) => (zone === 'UTC' ? `CAST(${utc} AS DATE)` : `CAST(CONVERT_TIMEZONE('UTC', ${escapedString(zone)}, ${utc}) AS DATE)`),
  dateOf: (ts) => `CAST(${ts} AS DATE)`,
  dateLiteral: (d) => `DATE '${d}'`,
  addDays: (d, n) => `DATEADD(day, ${n}, ${d})`,
  isoYear: (d) => `YEAROFWEEKISO(${d})`,
  isoWeek: (d) => `WEEKISO(${d})`,
  sundayDow: (d) => `MOD(DAYOFWEEKISO(${d}), 7)`,
  dayOfYear: (d) => `DAYOFYEAR(${d})`,
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${escapedString(v)})`).join(', ')}) AS cxm_m(cxm_metric)`, ref: 'cxm_m.cxm_metric' }),
};

const spark: Dialect = {
  name: 'spark',
  ident: backQuoted,
  str: escapedString,
  text: 'STRING',
  int: 'INT',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  matches: (e, p) => `(${e} RLIKE ${escapedString(p)})`,
  extract: (e, p) => `regexp_extract(${e}, ${escapedString(p)}, 1)`,
  replace: (e, p, r) => `regexp_replace(${e}, ${escapedString(p)}, ${escapedString(r)})`,
  wallTimestamp: (t) => `CAST(${t} AS TIMESTAMP_NTZ)`,
  minusMinutes: (ts, m) => `timestampadd(MINUTE, -(${m}), ${ts})`,
  epochPlusSeconds: (s) => `timestampadd(SECOND, ${s}, CAST('1970-01-01 00:00:00' AS TIMESTAMP_NTZ))`,
  localDate: (utc, zone) => (zone === 'UTC' ? `CAST(${utc} AS DATE)` : `CAST(convert_timezone('UTC', ${escapedString(zone)}, ${utc}) AS DATE)`),
  dateOf: (ts) => `CAST(${ts} AS DATE)`,
  dateLiteral: (d) => `DATE '${d}'`,
  addDays: (d, n) => `date_add(${d}, ${n})`,
  isoYear: extractDate('YEAROFWEEK'),
  isoWeek: extractDate('WEEK'),
  sundayDow: (d) => `(dayofweek(${d}) - 1)`,
  dayOfYear: (d) => `dayofyear(${d})`,
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${escapedString(v)})`).join(', ')}) AS cxm_m(cxm_metric)`, ref: 'cxm_m.cxm_metric' }),
  note: (zone) => `-- Spark: a TIMESTAMP column is read as wall-clock time in the session zone: run with spark.sql.session.timeZone=${zone}`,
};

export const DIALECT: Record<DialectName, Dialect> = { duckdb, postgres, bigquery, snowflake, spark };
