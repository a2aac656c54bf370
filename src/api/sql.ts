/**
 * `sql`: the query that counts a warehouse table into Tallies, in one dialect. It reads no files, so
 * it takes only options, and resolves to the query's text.
 */
import { parseSqlOptions, type SqlOptions as ParsedSqlOptions } from '../options/sql-options.js';
import { type COMMAND_OPTIONS, flagValues, type OptionsOf } from './api-options.js';

export type SqlOptions = OptionsOf<typeof COMMAND_OPTIONS.sql>;

export async function runSql(o: ParsedSqlOptions): Promise<string> {
  const [{ tallyQuery }, { DIALECT }] = await Promise.all([import('../sql/query.js'), import('../sql/dialect.js')]);
  return tallyQuery({ dialect: DIALECT[o.dialect], from: o.from, by: o.by, roles: o.roles, period: o.period, gate: o.gate, where: o.where, weight: o.weight });
}

/** `sql({ dialect: 'duckdb', from: 'responses', nps: 'nps', by: ['region'] })` → the SQL text. */
export async function sql(options: SqlOptions = {}): Promise<string> {
  return runSql(parseSqlOptions(flagValues('sql', options)));
}
