// Runs one .sql file through embedded DuckDB (@duckdb/node-api) with $FILE replaced; prints TSV.
// The runner sets NODE_PATH to the cache folder where DuckDB was installed.
const fs = require('node:fs');
const { DuckDBInstance } = require('@duckdb/node-api');

const [sqlFile, file] = process.argv.slice(2);
(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const sql = fs.readFileSync(sqlFile, 'utf8').replaceAll('$FILE', file.replaceAll("'", "''"));
  const result = await connection.runAndReadAll(sql);
  const lines = [result.columnNames().join('\t')];
  for (const row of result.getRows()) lines.push(row.map(String).join('\t'));
  process.stdout.write(`${lines.join('\n')}\n`);
})();
