#!/usr/bin/env node
// The DuckDB proof (test/sql/duckdb-proof.test.ts) on a real PostgreSQL: loads the fixtures into tables of
// text columns (as an export lands in a warehouse), runs `cxm sql --dialect postgres`, writes the result with
// COPY … TO STDOUT, and checks that cxm's output from those tallies equals its output from the raw files.
// Needs `psql` and a database it reaches through the usual PG* variables (PGHOST, PGPORT, PGUSER, PGDATABASE).
// Not part of `npm test` (CI has no PostgreSQL): run `node scripts/prove-postgres.mjs` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-pg-'));
const cxm = (args) => spawnSync(process.execPath, ['bin/cxm.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

function psql(sql, input) {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr.trim()}`);
  return r.stdout;
}

/** A table named `name` with one text column per header column of the CSV file. */
function load(name, file) {
  const header = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const columns = header.split(',').map((c) => `"${c.replaceAll('"', '""')}" text`);
  psql(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (${columns.join(', ')})`);
  psql(`COPY ${name} FROM STDIN WITH (FORMAT csv, HEADER true)`, readFileSync(file));
}

let count = 0;
let failed = 0;
function tallies(from, sqlArgs) {
  const q = cxm(['sql', '--dialect', 'postgres', '--from', from, ...sqlArgs]);
  if (q.status !== 0) throw new Error(`cxm sql ${sqlArgs.join(' ')}: ${q.stderr}`);
  const out = path.join(dir, `t${++count}.csv`);
  const t0 = Date.now();
  writeFileSync(out, psql(`COPY (${q.stdout}) TO STDOUT WITH (FORMAT csv, HEADER)`));
  if (process.env.CXM_PROVE_TIMES) console.log(`${Date.now() - t0} ms  ${sqlArgs.join(" ")}`); // the query time on the server
  return out;
}

/** cxm on the raw file and on the tallies: the same output in every format (JSON without warnings and files). */
function same(command, file, args, tallyFile, rowArgs = []) {
  for (const format of ['table', 'csv', 'json']) {
    const raw = cxm([command, file, ...args, ...rowArgs, '--format', format]);
    const fromSql = cxm([command, '--tallies', tallyFile, ...args, '--format', format]);
    let a = raw.stdout;
    let b = fromSql.stdout;
    if (format === 'json' && raw.status === 0 && fromSql.status === 0) {
      [a, b] = [a, b].map((text) => {
        const r = JSON.parse(text);
        delete r.warnings;
        delete r.input.files;
        return JSON.stringify(r);
      });
    }
    const ok = raw.status === 0 && fromSql.status === 0 && a === b && raw.stderr.split('\n')[0] === fromSql.stderr.split('\n')[0];
    if (!ok) failed++;
    console.log(`${ok ? 'same' : 'DIFF'}  ${command} ${[...args, ...rowArgs].join(' ')} --format ${format}${ok ? '' : `\n  raw: ${raw.stderr.split('\n')[0]}\n  sql: ${fromSql.stderr.split('\n')[0]}`}`);
  }
}

const both = (command, file, table, args, sqlArgs, rowArgs) => same(command, file, args, tallies(table, [...sqlArgs, ...rowArgs]), rowArgs);

const R = 'fixtures/responses.csv';
const ROLES = ['--nps', 'nps', '--csat', 'csat', '--ces', 'ces'];
const date = ['--date', 'submitted_at'];
load('cxm_responses', R);
load('cxm_cells', 'fixtures/sql/cells.csv');
load('cxm_weights', 'fixtures/enrich/weights.csv');

same('score', R, ['--by', 'region'], tallies('cxm_responses', [...ROLES, '--by', 'region']));
same('score', R, ['--by', 'region,plan', '--metric', 'nps,csat-mean,ces', '--min-n', '10'], tallies('cxm_responses', [...ROLES, '--by', 'region,plan', '--metric', 'nps,csat-mean,ces']));
same('crosstab', R, ['--rows', 'region', '--cols', 'channel', '--ci'], tallies('cxm_responses', [...ROLES, '--by', 'region,channel']));
for (const every of ['day', 'week', 'month', 'quarter', 'year']) same('trend', R, ['--every', every], tallies('cxm_responses', [...ROLES, ...date, '--every', every]));
const ny = ['--every', 'month', '--tz', 'America/New_York'];
same('trend', R, [...ny, '--by', 'region', '--window', '3'], tallies('cxm_responses', [...ROLES, ...date, ...ny, '--by', 'region']));
const berlin = ['--every', 'week', '--week-start', 'sunday', '--tz', 'Europe/Berlin', '--since', '2026-02-04', '--until', '2026-05-20'];
same('trend', R, [...berlin, '--by', 'plan'], tallies('cxm_responses', [...ROLES, ...date, ...berlin, '--by', 'plan']));
const cellRoles = ['--nps', 'nps', '--csat', 'csat'];
same('score', 'fixtures/sql/cells.csv', ['--by', 'segment', '--min-n', '1'], tallies('cxm_cells', [...cellRoles, '--by', 'segment']));

const wheres = JSON.parse(readFileSync(new URL('../test/sql/where-cases.json', import.meta.url), 'utf8'));
for (const where of wheres) {
  both('score', R, 'cxm_responses', ['--by', 'region'], [...ROLES, '--by', 'region'], where);
  both('crosstab', R, 'cxm_responses', ['--rows', 'plan', '--cols', 'channel'], [...ROLES, '--by', 'plan,channel'], where);
}
for (const where of [['--where', 'segment = EMEA'], ['--where', 'nps > 5'], ['--where', 'csat != 5 and segment ~ /a/i'], ['--where', 'nps <= "8"']]) {
  both('score', 'fixtures/sql/cells.csv', 'cxm_cells', ['--min-n', '1'], cellRoles, where);
}
both('score', 'fixtures/enrich/weights.csv', 'cxm_weights', ['--by', 'region', '--min-n', '1'], ['--nps', 'nps', '--by', 'region'], ['--weight', 'weight']);
both('score', 'fixtures/enrich/weights.csv', 'cxm_weights', ['--min-n', '1'], ['--nps', 'nps'], ['--weight', 'weight', '--where', 'region = APAC']);
both('score', R, 'cxm_responses', ['--by', 'plan'], [...ROLES, ...date, '--by', 'plan'], ['--since', '2026-03-01', '--until', '2026-05-31']);
for (const metric of ['nps', 'csat', 'ces']) same('score', R, ['--by', 'region', '--metric', metric], tallies('cxm_responses', [...ROLES, '--by', 'region']));

psql('DROP TABLE cxm_responses; DROP TABLE cxm_cells; DROP TABLE cxm_weights');
console.log(failed === 0 ? `all ${count} queries: cxm's output from PostgreSQL's tallies equals its output from the files` : `${failed} differences`);
process.exit(failed === 0 ? 0 : 1);
