// trend, crosstab and compare from the command line: time zones, configuration, standard input,
// threads, determinism and the errors a user can make.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { sparkline } from '../../src/report/sparkline.js';

const bin = path.resolve('bin/cxm.js');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'cxm-dates-'));
const json = async (args: string[], stdin?: string) => {
  const r = await runCli([...args, '--format', 'json', '--quiet'], { stdin });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};
const periods = (result: { rows: { group: { period: string }; n: number }[] }) => result.rows.map((r) => `${r.group.period}:${r.n}`);

describe('time zones', () => {
  const csv = 'id,submitted_at,nps\n1,2026-01-04T23:30:00Z,9\n2,2026-01-05T12:00:00Z,10\n3,2026-01-04 23:30:00,7\n';

  it('moves a timestamp across midnight into the next week, and leaves wall-clock times alone', async () => {
    expect(periods(await json(['trend', '-', '--every', 'week', '--min-n', '1'], csv))).toEqual(['2026-W01:2', '2026-W02:1']);
    // 23:30Z is 00:30 on Monday in Berlin; the naive 23:30 stays on Sunday 4 January
    expect(periods(await json(['trend', '-', '--every', 'week', '--min-n', '1', '--tz', 'Europe/Berlin'], csv))).toEqual(['2026-W01:1', '2026-W02:2']);
    // 12:00Z is 04:00 in Los Angeles, still 5 January; 23:30Z is 15:30 on the 4th
    expect(periods(await json(['trend', '-', '--every', 'day', '--min-n', '1', '--tz', 'America/Los_Angeles'], csv))).toEqual([
      '2026-01-04:2',
      '2026-01-05:1',
    ]);
  });

  it('takes the date column, zone and week start from a config file, flags over config', async () => {
    const dir = tmp();
    const config = path.join(dir, 'cxm.config.json');
    const data = path.join(dir, 'two-dates.csv');
    writeFileSync(data, 'id,created_at,answered_at,nps\n1,2026-01-01T00:00:00Z,2026-01-03T23:30:00Z,9\n2,2026-01-01T00:00:00Z,2026-01-04T12:00:00Z,6\n');
    writeFileSync(config, JSON.stringify({ columns: { date: 'answered_at' }, timeZone: 'Asia/Tokyo', weekStart: 'sunday' }));
    const result = await json(['trend', data, '--config', config, '--every', 'week', '--min-n', '1']);
    expect(result.settings.date).toEqual({ column: 'answered_at', formats: ['iso-8601'], timeZone: 'Asia/Tokyo' });
    expect(result.settings.weekStart).toBe('sunday');
    // Saturday 23:30Z is Sunday 08:30 in Tokyo: both rows fall in the week starting Sunday 4 January
    expect(periods(result)).toEqual(['2026-W01:2']);
    const flags = await json(['trend', data, '--config', config, '--every', 'week', '--min-n', '1', '--tz', 'UTC', '--week-start', 'monday']);
    expect(periods(flags)).toEqual(['2026-W01:2']);
    expect(flags.settings.date.timeZone).toBe('UTC');
    writeFileSync(config, JSON.stringify({ timeZone: 'Nowhere/Town' }));
    const bad = await runCli(['trend', data, '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown time zone "Nowhere/Town"');
  });
});

describe('trend', () => {
  it('reads standard input like a file', async () => {
    const fromFile = await json(['trend', 'fixtures/responses.csv', '--every', 'month']);
    const fromStdin = await json(['trend', '-', '--every', 'month'], readFileSync('fixtures/responses.csv', 'utf8'));
    expect(fromStdin.rows).toEqual(fromFile.rows);
  });

  it('shows every period from --since to --until, empty ones with n = 0, and cuts the edge periods', async () => {
    const result = await json(['trend', 'fixtures/responses.csv', '--every', 'month', '--since', '2025-11-15', '--until', '2026-02-10', '--metric', 'nps']);
    expect(periods(result)).toEqual(['2025-11:0', '2025-12:0', '2026-01:80', '2026-02:30']);
    expect(result.rows.map((r: { start: string; end: string; partial: boolean }) => [r.start, r.end, r.partial])).toEqual([
      ['2025-11-15', '2025-11-30', true],
      ['2025-12-01', '2025-12-31', false],
      ['2026-01-01', '2026-01-31', false],
      ['2026-02-01', '2026-02-10', true],
    ]);
    expect(result.rows[0].value).toBeNull();
    expect(result.rows[2].vsPrevious).toMatchObject({ period: '2025-12', diff: null, p: null, pAdjusted: null, significant: false });
  });

  it('gives the rolling score of the last N periods from their summed answers, none before the window is full', async () => {
    const result = await json(['trend', 'fixtures/responses.csv', '--every', 'month', '--window', '3', '--metric', 'nps']);
    const [jan, feb, mar] = result.rows;
    expect(jan.rolling).toBeNull();
    expect(feb.rolling).toBeNull();
    const promoters = jan.counts.promoters + feb.counts.promoters + mar.counts.promoters;
    const detractors = jan.counts.detractors + feb.counts.detractors + mar.counts.detractors;
    expect(mar.rolling.n).toBe(jan.n + feb.n + mar.n);
    expect(mar.rolling.value).toBeCloseTo((100 * (promoters - detractors)) / mar.rolling.n, 10);
  });

  it('refuses a range of periods that is surely a stray date', async () => {
    const r = await runCli(['trend', '-', '--every', 'day'], { stdin: 'date,nps\n2026-01-05,9\n2099-01-05,9\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxm: the trend would have 26,664 days \(2026-01-05 to 2099-01-05\)\nhint: narrow it with --since\/--until/);
  });

  it('says so when no row has a usable date', async () => {
    const r = await runCli(['trend', '-', '--date', 'when', '--format', 'json'], { stdin: 'when,nps\n,9\n,7\n' });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.rows).toEqual([]);
    expect(result.settings.periods).toBeNull();
    expect(result.warnings.map((w: { code: string }) => w.code)).toEqual(['bad-date', 'bad-date', 'no-dates']);
    expect(r.stderr).toContain('read 2 rows: 0 used, 0 skipped (no answer), 0 invalid, 2 excluded');
  });

  it('turns unreadable dates into exit 2 with --strict, after writing the output', async () => {
    const r = await runCli(['trend', 'fixtures/dates/formats.csv', '--strict', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^metric,period/);
    expect(r.stderr).toMatch(/cxm: rows with a date that cannot be read \(--strict\)/);
  });

  it('gives the same output whatever the order of the rows', async () => {
    const dir = tmp();
    const [header, ...lines] = readFileSync('fixtures/responses.csv', 'utf8').trimEnd().split(/\n(?=R_)/);
    const reversed = path.join(dir, 'reversed.csv');
    writeFileSync(reversed, `${header}\n${lines.reverse().join('\n')}\n`);
    const args = ['--every', 'week', '--by', 'region', '--tz', 'America/New_York', '--format', 'csv', '--quiet'];
    const a = await runCli(['trend', 'fixtures/responses.csv', ...args]);
    const b = await runCli(['trend', reversed, ...args]);
    expect(b.stdout).toBe(a.stdout);
  });

  it('reads a file split across threads exactly as one thread does, bad dates and their lines included', () => {
    const dir = tmp();
    const file = path.join(dir, 'big.csv');
    const [header, ...rest] = readFileSync('fixtures/responses.csv', 'utf8').trimEnd().split(/\n(?=R_)/);
    const copies = Array.from({ length: 30 }, (_, k) => rest.map((line, i) => (i === 7 && k % 3 === 0 ? line.replace(/,2026-\d\d-\d\dT[\d:]+Z,/, ',someday,') : line)).join('\n'));
    writeFileSync(file, `${header}\n${copies.join('\n')}\n`);
    const args = [bin, 'trend', file, '--every', 'week', '--by', 'region', '--tz', 'Europe/Berlin', '--format', 'json'];
    const run = (threads: string) => spawnSync('node', args, { encoding: 'utf8', env: { ...process.env, CXM_THREADS: threads, CXM_MIN_BYTES_PER_THREAD: '1' } });
    const one = run('1');
    expect(one.status).toBe(0);
    expect(one.stderr).toContain('"someday" is not a date cxm can read');
    for (const threads of ['2', '5']) {
      const many = run(threads);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
    }
  });
});

describe('crosstab', () => {
  it('prints one matrix per metric and honours the configured segment order', async () => {
    const dir = tmp();
    const config = path.join(dir, 'cxm.config.json');
    writeFileSync(config, JSON.stringify({ segmentOrder: { plan: ['Enterprise', 'Business'] } }));
    const r = await runCli(['crosstab', 'fixtures/responses.csv', '--rows', 'region', '--cols', 'plan', '--metric', 'nps,csat', '--config', config, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^(NPS|CSAT %) \(column/gm)).toEqual(['NPS (column', 'CSAT % (column']);
    expect(r.stdout).toMatch(/region ↓ plan → │ Enterprise │ Business │ +Free │ +Pro │ Total/);
  });

  it('has a row for every combination, n = 0 where nobody answered, and is not tested there', async () => {
    const result = await json(['crosstab', '-', '--rows', 'a', '--cols', 'b', '--nps', 'nps', '--min-n', '1'], 'a,b,nps\nx,p,9\nx,q,6\ny,p,10\n');
    const cell = result.rows.find((r: { group: Record<string, string> }) => r.group.a === 'y' && r.group.b === 'q');
    expect(cell).toMatchObject({ n: 0, value: null, lowBase: true, vsRest: { diff: null, p: null, pAdjusted: null, significant: false } });
    expect(result.rows).toHaveLength(1 + 2 + 2 + 4);
  });
});

describe('compare', () => {
  it('takes two sets of files, with shell-style patterns expanded by cxm', async () => {
    const sets = await json(['compare', '--current', 'fixtures/compare/*-q2.csv', '--baseline', 'fixtures/compare/2026-q1.cs?', '--by', 'plan']);
    const pair = await json(['compare', 'fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv', '--by', 'plan']);
    expect(sets.settings.current).toEqual({ files: ['fixtures/compare/2026-q2.csv'] });
    expect(sets.settings.baseline).toEqual({ files: ['fixtures/compare/2026-q1.csv'] });
    expect(sets.rows).toEqual(pair.rows);
    const overlap = await runCli(['compare', '--current', 'fixtures/compare/*.csv', '--baseline', 'fixtures/compare/2026-q1.csv']);
    expect(overlap.stderr).toMatch(/^cxm: "fixtures\/compare\/2026-q1.csv" is both current and baseline/);
  });

  it('refuses standard input on both sides and a missing side', async () => {
    const both = await runCli(['compare', '-', '-']);
    expect(both.code).toBe(2);
    const half = await runCli(['compare', 'fixtures/responses.csv', '--period', '2026-W05']);
    expect(half.stderr).toBe('cxm: --period and --against go together\nhint: e.g. --period 2026-W05 --against 2026-W04\n');
    const badPeriod = await runCli(['compare', 'fixtures/responses.csv', '--period', 'last week', '--against', '2026-W04']);
    expect(badPeriod.stderr).toMatch(/^cxm: --period takes a date \(2026-01-05\) or a period/);
  });

  it('refuses date flags that two files without periods would ignore, --date-format too', async () => {
    const r = await runCli(['compare', 'fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv', '--date-format', 'dmy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cxm: --date-format only matters with --period\/--against/);
  });

  it('leaves out, with a warning, a metric only one side has', async () => {
    const dir = tmp();
    const current = path.join(dir, 'now.csv');
    const baseline = path.join(dir, 'before.csv');
    writeFileSync(current, 'nps,csat\n9,5\n7,4\n');
    writeFileSync(baseline, 'nps\n10\n3\n');
    const result = await json(['compare', current, baseline, '--min-n', '1']);
    expect([...new Set(result.rows.map((r: { metric: string }) => r.metric))]).toEqual(['nps']);
    expect(result.warnings).toEqual([{ code: 'one-side-metric', message: 'csat has a column in the current files only: not compared' }]);
  });
});

describe('sparkline', () => {
  it('spans the lowest to the highest value, with a gap for a period without answers', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇');
    expect(sparkline([10, null, 30])).toBe('▁ ▇');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([null])).toBe(' ');
  });
});

describe('the built binary', () => {
  it('runs trend, crosstab and compare like a user would', () => {
    for (const args of [
      ['trend', 'fixtures/responses.csv', '--every', 'month'],
      ['crosstab', 'fixtures/responses.csv', '--rows', 'region', '--cols', 'plan'],
      ['compare', 'fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv', '--by', 'region'],
    ]) {
      const out = execFileSync('node', [bin, ...args, '--format', 'csv', '--quiet'], { encoding: 'utf8' });
      expect(out.split('\n')[0]).toMatch(/^metric,/);
    }
  });
});
