/**
 * What differs between the SQL engines `cxm sql` writes for: quoting, string literals, regular
 * expressions, types, numbers from text, and the date functions (zone conversion, ISO weeks, day
 * arithmetic). Everything else in the query (sql/query.ts) is written once. The query's own regular
 * expressions are kept to what every engine reads the same way: bracket classes with literal characters,
 * no backslash classes (`\d`, `\s`); a `--where` pattern is rewritten for the engine's flavor (regex.ts).
 */
import type { RegexFlavor } from './regex.js';

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
  /**
   * how a stage of the WITH list is introduced: `AS MATERIALIZED` where the engine would otherwise inline
   * the stages into one expression, copying each column's expression into every use (PostgreSQL 12+ then
   * evaluates the date regexes thousands of times per row: 480 rows took 3.4 s instead of 0.1 s)
   */
  stageAs: string;
  /** a comment line for the top of the query, when the engine needs a setting */
  note?(zone: string): string | null;
  /** the flavor of the engine's regular expressions, and a search for one (case-sensitive: regex.ts spells `i` out) */
  regex: RegexFlavor;
  search(expr: string, pattern: string): string;
  /** the double a text that has the form of a plain number stands for (NULL where the engine cannot read it) */
  toDouble(text: string): string;
  /** a double constant (finite, or ±Infinity) */
  number(value: number): string;
  /** text compared by code points (byte order of UTF-8), whatever the session's collation */
  binary(expr: string): string;
  /** the sum of doubles: as near the exact sum as the engine can add (cxm adds weights exactly) */
  sum(expr: string): string;
}

/** The engine's SUM of doubles, in the order it adds them. */
const plainSum = (e: string) => `SUM(${e})`;

/** `CAST('…' AS type)` of a number as JavaScript writes it (the shortest text that reads back exactly). */
const castDouble = (type: string, infinity: string) => (value: number) =>
  Number.isFinite(value) ? `CAST('${String(value)}' AS ${type})` : `CAST('${value < 0 ? '-' : ''}${infinity}' AS ${type})`;

/** Standard SQL strings (DuckDB, Postgres): quotes doubled, nothing else escaped. */
const standardString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Strings with backslash escapes (BigQuery, Snowflake, Spark): backslash, quote, tab and line ends escaped. */
const escapedString = (text: string) => `'${text.replace(/[\\'\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}'`;

const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const backQuoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;

const extractDate = (unit: string) => (date: string) => `CAST(EXTRACT(${unit} FROM ${date}) AS INTEGER)`;

const duckdb: Dialect = {
  name: 'duckdb',
  stageAs: 'AS MATERIALIZED',
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
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${standardString(v)})`).join(', ')}) AS cxm_metrics(cxm_metric)`, ref: 'cxm_metrics.cxm_metric' }),
  regex: 're2',
  search: (e, p) => `regexp_matches(${e}, ${standardString(p)})`,
  // DuckDB reads numbers out of range as JavaScript does (±Infinity, 0)
  toDouble: (t) => `CAST(${t} AS DOUBLE)`,
  number: castDouble('DOUBLE', 'Infinity'),
  binary: (e) => `(${e} COLLATE C)`,
  // fsum adds with a compensation term (Kahan–Babuška): in practice the correctly rounded sum cxm has
  sum: (e) => `fsum(${e})`,
};

const postgres: Dialect = {
  name: 'postgres',
  stageAs: 'AS MATERIALIZED',
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
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${standardString(v)})`).join(', ')}) AS cxm_metrics(cxm_metric)`, ref: 'cxm_metrics.cxm_metric' }),
  regex: 'postgres',
  search: (e, p) => `(${e} ~ ${standardString(p)})`,
  // a cast out of range is an error in PostgreSQL: exponents of up to three digits go through NUMERIC,
  // and only magnitudes within 1e-300…1e300 (or 0) are cast to a double
  toDouble: (t) =>
    `CASE WHEN ${t} ~ '^[^eE]*([eE][+-]?0*[0-9]{1,3})?$' AND (abs(CAST(${t} AS NUMERIC)) BETWEEN 1e-300 AND 1e300 OR CAST(${t} AS NUMERIC) = 0) THEN CAST(${t} AS DOUBLE PRECISION) END`,
  number: castDouble('DOUBLE PRECISION', 'Infinity'),
  binary: (e) => `(${e} COLLATE "C")`,  sum: plainSum,
};

const bigquery: Dialect = {
  name: 'bigquery',
  stageAs: 'AS',
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
  regex: 're2',
  search: (e, p) => `REGEXP_CONTAINS(${e}, ${escapedString(p)})`,
  toDouble: (t) => `SAFE_CAST(${t} AS FLOAT64)`,
  number: castDouble('FLOAT64', 'inf'),
  binary: (e) => e,  sum: plainSum,
};

const snowflake: Dialect = {
  name: 'snowflake',
  stageAs: 'AS',
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
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${escapedString(v)})`).join(', ')}) AS cxm_metrics(cxm_metric)`, ref: 'cxm_metrics.cxm_metric' }),
  regex: 'posix',
  search: (e, p) => `(REGEXP_INSTR(${e}, ${escapedString(p)}, 1, 1, 0, 'c') > 0)`,
  toDouble: (t) => `TRY_CAST(${t} AS DOUBLE)`,
  number: castDouble('DOUBLE', 'inf'),
  // Snowflake compares text by its Unicode codes unless a column has a collation of its own
  binary: (e) => e,  sum: plainSum,
};

const spark: Dialect = {
  name: 'spark',
  stageAs: 'AS',
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
  list: (values) => ({ from: `(VALUES ${values.map((v) => `(${escapedString(v)})`).join(', ')}) AS cxm_metrics(cxm_metric)`, ref: 'cxm_metrics.cxm_metric' }),
  note: (zone) => `-- Spark: a TIMESTAMP column is read as wall-clock time in the session zone: run with spark.sql.session.timeZone=${zone}`,
  regex: 'java',
  search: (e, p) => `(${e} RLIKE ${escapedString(p)})`,
  // Java reads numbers out of range as JavaScript does (±Infinity, 0)
  toDouble: (t) => `CAST(${t} AS DOUBLE)`,
  number: castDouble('DOUBLE', 'Infinity'),
  binary: (e) => e,  sum: plainSum,
};

export const DIALECT: Record<DialectName, Dialect> = { duckdb, postgres, bigquery, snowflake, spark };
