/**
 * `cxm sql --dialect D --from TABLE`: prints one SQL query whose result is a tally file, so a warehouse
 * counts the answers and cxm (`--tallies`) does the statistics. Declares the flags; the work is loaded
 * on use.
 */
import type { Command } from 'commander';
import { METRICS, ROLE_DEFS, ROLES } from '../../model/metrics.js';
import { addDateFlags, collect } from '../flags.js';
import type { CliIo } from '../io.js';

const EXAMPLES = `
Examples:
  cxm sql --dialect duckdb --from "read_csv('responses.csv')" --nps nps --by region
  cxm sql --dialect bigquery --from 'cx.responses' --nps ltr --csat csat --by region,plan
  cxm sql --dialect postgres --from responses --nps nps --every week --date submitted_at --tz Europe/Berlin
  cxm sql --dialect snowflake --from "SELECT * FROM responses WHERE brand = 'acme'" --nps NPS -o tallies.sql
  cxm sql --dialect duckdb --from "read_csv('responses.csv')" --nps nps --by region --where 'plan in (Pro, Business)' --weight w
  cxm sql --dialect postgres --from "SELECT r.*, c.revenue FROM responses r LEFT JOIN customers c USING (email)" --nps nps --weight revenue

Run the query on the engine and give its result to any command:
  duckdb -csv -c "$(cxm sql --dialect duckdb --from "read_csv('responses.csv')" --nps nps --by region)" | cxm score --tallies - --by region`;

export function defineSql(program: Command, io: CliIo): Command {
  const cmd = program
    .command('sql')
    .summary('a SQL query that counts Tallies in a warehouse (DuckDB, Postgres, BigQuery, Snowflake, Spark)')
    .description('Prints one SQL query whose result is a tally file: run it where the responses live, then read the result with --tallies in any command. docs/warehouse/ has the commands for each engine.')
    .option('--dialect <name>', 'duckdb, postgres, bigquery, snowflake or spark')
    .option('--from <table>', 'the table, a table function, or a query (SELECT …) holding the responses')
    .option('--by <columns>', 'segment columns, comma-separated (repeatable)', collect)
    .option('--every <period>', 'also count by period: day, week, month, quarter or year (needs --date)')
    .option('--since <date>', 'first day or period counted (by --date), e.g. 2026-01-05 or 2026-W02')
    .option('--until <date>', 'last day or period counted, included')
    .option('--where <expr>', 'count the rows where EXPR holds, as the other commands read it (repeatable: all must hold)', collect)
    .option('--weight <column>', 'weight each response by this column: the tallies hold Σw and Σw² per point')
    .option('--join <file>', 'refused: join in the warehouse, with a JOIN in --from')
    .option('--on <column[=column]>', 'refused with --join')
    .option('--per <column>', 'refused: per-account roll-ups are not tallies')
    .option('--per-rule <rule>', 'refused with --per')
    .option('--tags <file>', 'refused: a response counted under each of its tags does not add up');
  for (const role of ROLES) cmd.option(`--${role} <column>`, ROLE_DEFS[role].help);
  cmd
    .option('--metric <list>', `${METRICS.join(', ')} (default: every named column)`, collect)
    .option('--scale <metric=lo-hi>', 'answer scale of a column, e.g. ces=1-5 (repeatable)', collect)
    .option('--band <metric=lo-hi>', 'answers that count as satisfied/agree, e.g. csat=4-5 (repeatable)', collect)
    .option('--config <file>', 'a JSON config file (columns, scales, bands, labels, time zone)')
    .option('-o, --output <file>', 'write the query to a file (atomically) instead of standard output; - is standard output');
  addDateFlags(cmd);
  cmd.addHelpText('after', EXAMPLES);
  cmd.action(async (raw: Record<string, unknown>) => {
    const [{ parseSqlOptions }, { runSql }, { writeOutput }] = await Promise.all([
      import('../../options/sql-options.js'),
      import('../../api/sql.js'),
      import('../../io/write-output.js'),
    ]);
    const o = parseSqlOptions(raw);
    const text = await runSql(o);
    if (o.output && o.output !== '-') await writeOutput(o.output, text);
    else io.stdout.write(text);
  });
  return cmd;
}
