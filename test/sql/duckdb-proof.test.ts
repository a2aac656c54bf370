// The proof on a real engine: `cxm sql --dialect duckdb` runs on embedded DuckDB over the fixtures, its
// result is written the way a user would (COPY … TO a CSV or NDJSON file), and cxm's output from those
// tallies equals its output from the raw files — score, crosstab and trend, every format. DuckDB is the
// independent computation here: it reads the files with its own CSV reader and counts with its own
// GROUP BY; cxm only wrote the query. What cannot be equal is listed: a warehouse has no line numbers,
// so the JSON `warnings` (rows listed by line) and `input.files` (the table instead of the file) differ.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { sqlString, useDuckDB } from './duckdb.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-duckdb-'));
const duckdb = useDuckDB();
let counter = 0;
/** The file as DuckDB reads a CSV: every column text (as an export is), or typed by DuckDB's sniffer. */
const table = (file: string, typed = false) => `read_csv(${sqlString(file)}, header = true${typed ? '' : ', all_varchar = true'})`;

/** Runs `cxm sql` with the flags, the query on DuckDB, and writes the result as a tally file. */
async function tallies(from: string, sqlArgs: string[], kind: 'csv' | 'ndjson' = 'csv'): Promise<string> {
  const query = await runCli(['sql', '--dialect', 'duckdb', '--from', from, ...sqlArgs]);
  expect(query.code, query.stderr).toBe(0);
  const out = path.join(dir, `t${++counter}.${kind}`);
  await duckdb().run(`COPY (${query.stdout}) TO ${sqlString(out)} (${kind === 'csv' ? 'HEADER' : 'FORMAT json'})`);
  return out;
}

/**
 * cxm on the raw file and on DuckDB's tallies, in every format: the same output. `rowArgs` (--where,
 * --weight, --since/--until of score and crosstab) go to the raw run only: the tallies were counted with them.
 */
async function same(command: string, file: string, args: string[], tallyFile: string, rowArgs: string[] = []): Promise<void> {
  for (const format of ['table', 'csv', 'json']) {
    const raw = await runCli([command, file, ...args, ...rowArgs, '--format', format]);
    const fromSql = await runCli([command, '--tallies', tallyFile, ...args, '--format', format]);
    expect(raw.code, raw.stderr).toBe(0);
    expect(fromSql.code, fromSql.stderr).toBe(0);
    if (format === 'json') {
      const [a, b] = [JSON.parse(raw.stdout), JSON.parse(fromSql.stdout)];
      for (const r of [a, b]) {
        delete r.warnings;
        delete r.input.files;
      }
      expect(b).toEqual(a);
    } else {
      expect(fromSql.stdout, `${command} ${args.join(' ')} --format ${format}`).toBe(raw.stdout);
    }
    // the counts line of the summary; the rows listed under it need line numbers
    expect(fromSql.stderr.split('\n')[0]).toBe(raw.stderr.split('\n')[0]);
  }
}

const RESPONSES = 'fixtures/responses.csv';
const ROLES = ['--nps', 'nps', '--csat', 'csat', '--ces', 'ces'];

describe('cxm sql on DuckDB equals cxm on the file: fixtures/responses.csv', () => {
  it('score by region, and by two columns with means', async () => {
    await same('score', RESPONSES, ['--by', 'region'], await tallies(table(RESPONSES), [...ROLES, '--by', 'region']));
    const two = await tallies(table(RESPONSES), [...ROLES, '--by', 'region,plan', '--metric', 'nps,csat-mean,ces']);
    await same('score', RESPONSES, ['--by', 'region,plan', '--metric', 'nps,csat-mean,ces', '--min-n', '10'], two);
  });

  it('crosstab, from an NDJSON result', async () => {
    const t = await tallies(table(RESPONSES), [...ROLES, '--by', 'region,channel'], 'ndjson');
    await same('crosstab', RESPONSES, ['--rows', 'region', '--cols', 'channel', '--ci'], t);
  });

  it('trend by ISO week, month (by region, New York), quarter, year and day', async () => {
    const date = ['--date', 'submitted_at'];
    await same('trend', RESPONSES, ['--every', 'week'], await tallies(table(RESPONSES), [...ROLES, ...date, '--every', 'week']));
    const ny = ['--every', 'month', '--tz', 'America/New_York'];
    await same('trend', RESPONSES, [...ny, '--by', 'region', '--window', '3'], await tallies(table(RESPONSES), [...ROLES, ...date, ...ny, '--by', 'region']));
    await same('trend', RESPONSES, ['--every', 'quarter'], await tallies(table(RESPONSES), [...ROLES, ...date, '--every', 'quarter']));
    await same('trend', RESPONSES, ['--every', 'year'], await tallies(table(RESPONSES), [...ROLES, ...date, '--every', 'year']));
    const march = ['--every', 'day', '--since', '2026-03-01', '--until', '2026-03-31'];
    await same('trend', RESPONSES, [...march, '--metric', 'nps'], await tallies(table(RESPONSES), ['--nps', 'nps', ...date, ...march]));
  });

  it('trend by Sunday weeks in Berlin, cut by --since/--until inside weeks', async () => {
    const flags = ['--every', 'week', '--week-start', 'sunday', '--tz', 'Europe/Berlin', '--since', '2026-02-04', '--until', '2026-04'];
    await same('trend', RESPONSES, [...flags, '--by', 'plan'], await tallies(table(RESPONSES), [...ROLES, '--date', 'submitted_at', ...flags, '--by', 'plan']));
  });

  it('reads columns DuckDB typed itself (TIMESTAMP WITH TIME ZONE, BIGINT)', async () => {
    const flags = ['--every', 'week', '--tz', 'Asia/Tokyo'];
    await same('trend', RESPONSES, [...flags, '--by', 'channel'], await tallies(table(RESPONSES, true), [...ROLES, '--date', 'submitted_at', ...flags, '--by', 'channel']));
  });
});

describe('cxm sql on DuckDB counts awkward cells like cxm: fixtures/sql/cells.csv', () => {
  const CELLS = 'fixtures/sql/cells.csv';
  const roles = ['--nps', 'nps', '--csat', 'csat'];

  it('blank words, decimals, labels, leading numbers, out of range, formula guards, Unicode spaces', async () => {
    await same('score', CELLS, ['--by', 'segment', '--min-n', '1'], await tallies(table(CELLS), [...roles, '--by', 'segment']));
    await same('score', CELLS, ['--metric', 'csat-mean,nps'], await tallies(table(CELLS), [...roles, '--metric', 'csat-mean,nps']));
  });

  it('dates: zones, offsets, wall-clock times, impossible dates, placeholders, year ends', async () => {
    for (const flags of [
      ['--every', 'week'],
      ['--every', 'week', '--week-start', 'sunday'],
      ['--every', 'day', '--tz', 'Europe/Berlin', '--since', '2026-01-01', '--until', '2026-10-31'],
      ['--every', 'day', '--tz', 'Asia/Kolkata', '--since', '2025-12-28', '--until', '2026-01-10'],
      ['--every', 'month', '--tz', 'America/Los_Angeles'],
      ['--every', 'year', '--tz', 'Pacific/Kiritimati'],
    ]) {
      await same('trend', CELLS, [...flags, '--min-n', '1'], await tallies(table(CELLS), [...roles, '--date', 'answered_at', ...flags]));
    }
  });

  it('ISO and Sunday weeks across year ends', async () => {
    for (const flags of [['--every', 'week'], ['--every', 'week', '--week-start', 'sunday']]) {
      const file = 'fixtures/dates/new-year.csv';
      await same('trend', file, [...flags, '--min-n', '1'], await tallies(table(file), ['--nps', 'nps', '--date', 'Timestamp', ...flags]));
    }
  });

  it('unix seconds and milliseconds', async () => {
    const seconds = path.join(dir, 'unix.csv');
    const ms = path.join(dir, 'unix-ms.csv');
    const instants = [1767225600, 1767312000.5, 1767398399, 1767398400, 1767657599, 1785000000, 1798761599];
    writeFileSync(seconds, `id,t,nps\n${instants.map((t, i) => `${i},${t},${i % 11}`).join('\n')}\n`);
    writeFileSync(ms, `id,t,nps\n${instants.map((t, i) => `${i},${Math.floor(t * 1000)},${(i * 3) % 11}`).join('\n')}\n`);
    for (const [file, format] of [[seconds, 'unix'], [ms, 'unix-ms']]) {
      const flags = ['--every', 'day', '--tz', 'America/Chicago', '--date-format', format, '--date', 't'];
      await same('trend', file, [...flags, '--min-n', '1'], await tallies(table(file), ['--nps', 'nps', ...flags]));
    }
  });
});

describe('cxm sql on DuckDB with --where, --weight and --since/--until equals cxm on the file', () => {
  /** the flags for both: `cxm sql` counts with them, the raw run reads with them */
  async function both(command: string, file: string, args: string[], sqlArgs: string[], rowArgs: string[], from = table(file)): Promise<void> {
    await same(command, file, args, await tallies(from, [...sqlArgs, ...rowArgs]), rowArgs);
  }

  it('--where: =, !=, in, not in, numeric and text comparisons, regular expressions (with i), and/or/not', async () => {
    // the same cases run on PostgreSQL by scripts/prove-postgres.mjs
    const wheres: string[][] = JSON.parse(readFileSync(new URL('./where-cases.json', import.meta.url), 'utf8'));
    for (const where of wheres) {
      await both('score', RESPONSES, ['--by', 'region'], [...ROLES, '--by', 'region'], where);
      await both('crosstab', RESPONSES, ['--rows', 'plan', '--cols', 'channel'], [...ROLES, '--by', 'plan,channel'], where);
    }
    const date = ['--date', 'submitted_at'];
    const where = ['--where', 'plan ~ /^(free|pro)$/i'];
    await same('trend', RESPONSES, ['--every', 'month'], await tallies(table(RESPONSES), [...ROLES, ...date, '--every', 'month', ...where]), where);
  });

  it('--where on awkward cells: blanks, padded text, leading numbers, NULL cells of typed columns', async () => {
    const CELLS = 'fixtures/sql/cells.csv';
    for (const where of [['--where', 'segment = EMEA'], ['--where', 'nps > 5'], ['--where', 'csat != 5 and segment ~ /a/i'], ['--where', 'nps <= "8"']]) {
      await both('score', CELLS, ['--min-n', '1'], ['--nps', 'nps', '--csat', 'csat'], where);
    }
    await both('score', RESPONSES, ['--by', 'plan'], [...ROLES, '--by', 'plan'], ['--where', 'csat >= 4 or ces < 3'], table(RESPONSES, true));
  });

  it('--weight: blank, invalid, negative, zero and too large weights as cxm reads them (fixtures/enrich/weights.csv)', async () => {
    const file = 'fixtures/enrich/weights.csv';
    await both('score', file, ['--by', 'region', '--min-n', '1'], ['--nps', 'nps', '--by', 'region'], ['--weight', 'weight']);
    await both('score', file, ['--min-n', '1'], ['--nps', 'nps'], ['--weight', 'weight', '--where', 'region = APAC']);
  });

  it('--weight on the responses, by segment, crosstab and trend', async () => {
    // a weight column derived from the response id: plain, fractional, blank, invalid, zero and negative
    // weights; binary fractions, whose sums every engine adds exactly (docs/choices.md)
    const file = path.join(dir, 'weighted.csv');
    const cycle = ["'1'", "'2'", "'0.5'", "'1.5'", "''", "'abc'", "'0'", "'-1'", "'3'", "'1.25'", "' 2.75 '", "'0.125'", "'25e-2'"];
    await duckdb().run(
      `COPY (SELECT *, [${cycle.join(', ')}][CAST(substr(response_id, 3) AS INTEGER) % ${cycle.length} + 1] AS weight FROM ${table(RESPONSES)}) TO ${sqlString(file)} (HEADER)`,
    );
    const w = ['--weight', 'weight'];
    await both('score', file, ['--by', 'region'], [...ROLES, '--by', 'region'], w);
    await both('crosstab', file, ['--rows', 'region', '--cols', 'plan', '--ci'], [...ROLES, '--by', 'region,plan'], [...w, '--where', 'channel != chat']);
    const month = ['--date', 'submitted_at', '--every', 'month'];
    await same('trend', file, [...month, '--by', 'plan'], await tallies(table(file), [...ROLES, ...month, '--by', 'plan', ...w]), w);
  });

  it('--since/--until without --every keep the rows in the range (score, crosstab)', async () => {
    const range = ['--date', 'submitted_at', '--since', '2026-02-01', '--until', '2026-03-15'];
    await both('score', RESPONSES, ['--by', 'region'], [...ROLES, '--by', 'region'], range);
    await both('crosstab', RESPONSES, ['--rows', 'region', '--cols', 'plan'], [...ROLES, '--by', 'region,plan'], [...range, '--tz', 'Asia/Tokyo', '--where', 'nps >= 5']);
    await both('score', 'fixtures/sql/cells.csv', ['--min-n', '1'], ['--nps', 'nps', '--csat', 'csat'], ['--date', 'answered_at', '--since', '2026-01', '--until', '2026-W20', '--tz', 'Europe/Berlin']);
  });

  it('reading fewer metrics than counted: the input block counts rows as a run reading only those does', async () => {
    const all = await tallies(table(RESPONSES), [...ROLES, '--by', 'region']);
    const cells = await tallies(table('fixtures/sql/cells.csv'), ['--nps', 'nps', '--csat', 'csat']);
    for (const metric of ['nps', 'csat', 'ces', 'csat-mean,ces', 'nps,ces-mean']) {
      await same('score', RESPONSES, ['--by', 'region', '--metric', metric], all);
    }
    for (const metric of ['nps', 'csat']) await same('score', 'fixtures/sql/cells.csv', ['--metric', metric, '--min-n', '1'], cells);
    const raw = await runCli(['score', RESPONSES, '--metric', 'ces']);
    expect(raw.stderr.split('\n')[0]).toMatch(/^read 480 rows: \d+ used, [1-9]\d* skipped/);
  });
});

describe('cxm sql on DuckDB equals cxm on the file: a yes/no recommend column (fixtures/recommend.csv)', () => {
  const RECOMMEND = 'fixtures/recommend.csv';
  it('score by region and trend by month: the spellings read as cxm reads them, the same invalid answers', async () => {
    const rec = ['--recommend', 'recommended'];
    // named on both sides: detected from its header, "recommended" would be taken as NPS (issue 13)
    await same('score', RECOMMEND, [...rec, '--by', 'region'], await tallies(table(RECOMMEND), [...rec, '--by', 'region']));
    const month = ['--date', 'submitted_at', '--every', 'month'];
    await same('trend', RECOMMEND, [...rec, ...month], await tallies(table(RECOMMEND), [...rec, ...month]));
  });
});
