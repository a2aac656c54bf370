/**
 * The library against the command line: each function, given the options that spell a command's
 * flags, resolves to what `cxm <command> … --format json` prints; render() gives each format's text;
 * bad input rejects with the error the command line reports (exit 2).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as cxm from '../../src/api/index.js';
import { formatPlace } from '../../src/model/errors.js';
import { runCli } from '../helpers.js';

type Options = Record<string, string | number | boolean | readonly string[]>;

/** The options object as command-line flags: `{ minN: 10, by: ['a', 'b'] }` → `--min-n 10 --by a --by b`. */
function argv(options: Options): string[] {
  const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return Object.entries(options).flatMap(([key, value]) => {
    if (value === true) return [flag(key)];
    if (value === false) return [`--no-${key}`];
    if (Array.isArray(value)) return value.flatMap((v) => [flag(key), v]);
    return [flag(key), String(value)];
  });
}

async function cliJson(command: string, files: string[], options: Options): Promise<{ code: number; json: unknown }> {
  const run = await runCli([command, ...files, ...argv(options), '--format', 'json', '--quiet']);
  // --quiet: nothing on standard error but a failed check's line
  expect(run.stderr, run.stderr).toBe(run.code === 1 ? 'cxm: 3 checks failed\n' : '');
  return { code: run.code, json: JSON.parse(run.stdout) };
}

const R = 'fixtures/responses.csv';

/** The functions the cases call by command name. */
const FUNCTIONS = {
  score: cxm.score,
  crosstab: cxm.crosstab,
  trend: cxm.trend,
  compare: cxm.compare,
  drivers: cxm.drivers,
  rank: cxm.rank,
  plan: cxm.plan,
  report: cxm.report,
  followup: cxm.followup,
  inspect: cxm.inspect,
} as unknown as Record<string, (files: readonly string[], options: Options) => Promise<cxm.Renderable>>;
const CASES: { name: string; command: 'score' | 'crosstab' | 'trend' | 'compare' | 'drivers' | 'rank' | 'plan' | 'report' | 'followup' | 'inspect'; files: string[]; options: Options }[] = [
  { name: 'score by a segment at a 90% level', command: 'score', files: [R], options: { by: ['region'], metric: ['nps', 'csat'], level: 0.9 } },
  { name: 'score joined, weighted and tagged', command: 'score', files: [R], options: { join: 'fixtures/customers.csv', on: 'email', weight: 'revenue', by: 'tier', tags: 'fixtures/tags.json', metric: 'nps', minN: 10 } },
  { name: 'crosstab with low base suppressed', command: 'crosstab', files: [R], options: { rows: 'region', cols: 'plan', metric: 'nps', suppressLow: true } },
  { name: 'trend by week with a window', command: 'trend', files: [R], options: { every: 'week', metric: ['nps'], window: 4, since: '2026-02' } },
  { name: 'compare two files', command: 'compare', files: ['fixtures/compare/2026-q2.csv', 'fixtures/compare/2026-q1.csv'], options: { by: ['region'], metric: 'nps,csat' } },
  { name: 'compare two sets of files', command: 'compare', files: [], options: { current: ['fixtures/compare/2026-q2.csv'], baseline: ['fixtures/compare/2026-q1.csv'], metric: 'nps' } },
  { name: 'compare two periods', command: 'compare', files: [R], options: { period: '2026-05', against: '2026-04', metric: 'csat-mean' } },
  { name: 'drivers of segments and tags', command: 'drivers', files: [R], options: { by: ['region', 'plan'], tags: 'fixtures/tags.json', metric: 'nps' } },
  { name: 'rank airlines, weighted, top 5', command: 'rank', files: ['fixtures/rank/airlines.csv'], options: { by: 'airline', k: '5', weight: 'weight', seed: 7 } },
  { name: 'plan from NPS figures', command: 'plan', files: [], options: { promoters: 50, detractors: 20, margin: 4, population: 5000, responseRate: '25%' } },
  { name: 'plan from a weighted file', command: 'plan', files: ['fixtures/rank/airlines.csv'], options: { weight: 'weight', n2: 200 } },
  { name: 'report of a quarter', command: 'report', files: [R], options: { every: 'quarter', metric: ['nps', 'csat-mean'], comments: 2, asOf: '2026-06-30' } },
  { name: 'followup of promoters without contacts', command: 'followup', files: [R], options: { group: 'promoters', limit: 3, contact: false } },
  { name: 'inspect an export', command: 'inspect', files: ['fixtures/exports/typeform.json'], options: {} },
];

describe('each function resolves to the schema-v1 object of --format json', () => {
  for (const c of CASES) {
    it(`${c.command}: ${c.name}`, async () => {
      const cli = await cliJson(c.command, c.files, c.options);
      expect(cli.code).toBe(0);
      expect(await FUNCTIONS[c.command](c.files, c.options)).toStrictEqual(cli.json);
    });
  }

  it('check resolves with the verdicts and the exit code: 0 when it passes', async () => {
    const options = { every: 'month', maxDrop: ['nps=5', 'csat=3'], min: 'nps=20' };
    const cli = await cliJson('check', [R], options);
    const { exitCode, ...verdicts } = await cxm.check([R], options);
    expect(verdicts).toStrictEqual(cli.json);
    expect(exitCode).toBe(cli.code);
    expect(exitCode).toBe(0);
  });

  it('check against baseline files', async () => {
    const options = { baseline: 'fixtures/compare/2026-q1.csv', maxDrop: 'nps=5', by: 'region' };
    const files = ['fixtures/compare/2026-q2.csv'];
    const cli = await cliJson('check', files, options);
    const { exitCode, ...verdicts } = await cxm.check(files, options);
    expect(verdicts).toStrictEqual(cli.json);
    expect(exitCode).toBe(cli.code);
  });

  it('check resolves (does not reject) when a check fails, with exit code 1', async () => {
    const options = { min: 'nps=60', by: 'region' };
    const cli = await cliJson('check', [R], options);
    const { exitCode, ...verdicts } = await cxm.check([R], options);
    expect(cli.code).toBe(1);
    expect(exitCode).toBe(1);
    expect(verdicts).toStrictEqual(cli.json);
    expect(verdicts.summary.ok).toBe(false);
  });

  it('readTallies gives the rows --emit tallies --format json writes, by period with every', async () => {
    const plain = await runCli(['score', R, '--by', 'region', '--emit', 'tallies', '--format', 'json', '--quiet']);
    expect(await cxm.readTallies([R], { by: 'region' })).toStrictEqual(JSON.parse(plain.stdout));
    const weekly = await runCli(['trend', 'fixtures/dates/new-year.csv', '--every', 'week', '--week-start', 'sunday', '--emit', 'tallies', '--format', 'json', '--quiet']);
    expect(await cxm.readTallies(['fixtures/dates/new-year.csv'], { every: 'week', weekStart: 'sunday' })).toStrictEqual(JSON.parse(weekly.stdout));
  });

  it('tallies read back score as the responses do', async () => {
    const tallies = await cxm.readTallies([R], { by: 'region' });
    const file = `${process.env.TMPDIR ?? '/tmp'}/cxm-api-tallies-${process.pid}.csv`;
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(file, await cxm.render(tallies, 'csv'));
    try {
      const fromTallies = await cxm.score([file], { tallies: true, by: 'region' });
      const fromResponses = await cxm.score([R], { by: 'region' });
      expect(fromTallies.rows).toStrictEqual(fromResponses.rows);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('sql resolves to the query text', async () => {
    const options = { dialect: 'snowflake', from: 'RESPONSES', nps: 'NPS', csat: 'CSAT', metric: 'nps,csat-mean', every: 'month', date: 'SUBMITTED_AT' };
    const run = await runCli(['sql', ...argv(options)]);
    expect(run.code).toBe(0);
    expect(await cxm.sql(options)).toBe(run.stdout);
  });

  it('reads - from the stream given, as the command line reads standard input', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(R);
    const fromStdin = await cxm.score(['-'], { by: 'region' }, { stdin: Readable.from([text]) });
    const cli = await runCli(['score', '-', '--by', 'region', '--format', 'json', '--quiet'], { stdin: text });
    expect(fromStdin).toStrictEqual(JSON.parse(cli.stdout));
  });
});

describe('render', () => {
  const formats = [
    { command: 'score', files: [R], options: { by: 'region' }, formats: ['table', 'csv', 'markdown', 'json'] },
    { command: 'crosstab', files: [R], options: { rows: 'region', cols: 'plan', metric: 'nps' }, formats: ['table', 'csv'] },
    { command: 'followup', files: [R], options: { limit: 5 }, formats: ['table', 'markdown', 'csv'] },
    { command: 'report', files: [R], options: { every: 'month', comments: 0 }, formats: ['markdown', 'html'] },
  ] as const;
  for (const c of formats) {
    it(`${c.command}: ${c.formats.join(', ')} as the command line writes them`, async () => {
      const result = await FUNCTIONS[c.command](c.files, c.options);
      for (const format of c.formats) {
        const cli = await runCli([c.command, ...c.files, ...argv(c.options), '--format', format, '--quiet']);
        expect(await cxm.render(result, format), format).toBe(cli.stdout);
      }
    });
  }

  it('check: junit, github and table from the verdicts (the exit code is not part of them)', async () => {
    const verdicts = await cxm.check([R], { min: 'nps=60', by: 'region' });
    for (const format of ['junit', 'github', 'table', 'json'] as const) {
      const cli = await runCli(['check', R, '--min', 'nps=60', '--by', 'region', '--format', format, '--quiet']);
      expect(await cxm.render(verdicts, format), format).toBe(cli.stdout);
    }
  });

  it('crosstab intervals and colour are render options', async () => {
    const result = await cxm.crosstab([R], { rows: 'region', cols: 'plan', metric: 'nps' });
    const cli = await runCli(['crosstab', R, '--rows', 'region', '--cols', 'plan', '--metric', 'nps', '--ci', '--quiet'], { env: { FORCE_COLOR: '1' } });
    expect(await cxm.render(result, 'table', { ci: true, color: true })).toBe(cli.stdout);
    expect(await cxm.render(result, 'table', { ci: true })).not.toBe(cli.stdout);
  });

  it('refuses a format the result has not', async () => {
    const result = await cxm.score([R], {});
    await expect(cxm.render(result, 'junit')).rejects.toThrow('a score result renders as table, json, csv, markdown, not "junit"');
    await expect(cxm.render(result, 'junit')).rejects.toBeInstanceOf(cxm.UsageError);
  });
});

describe('bad input rejects with the error the command line reports (exit 2)', () => {
  const cases: { name: string; run: () => Promise<unknown>; argv: string[]; type: typeof cxm.UsageError | typeof cxm.InputError }[] = [
    { name: 'a level out of range', run: () => cxm.score([R], { level: 2 }), argv: ['score', R, '--level', '2', '--quiet'], type: cxm.UsageError },
    { name: 'a missing file', run: () => cxm.score(['fixtures/nope.csv']), argv: ['score', 'fixtures/nope.csv', '--quiet'], type: cxm.InputError },
    { name: 'no input file', run: () => cxm.trend([]), argv: ['trend', '--quiet'], type: cxm.UsageError },
    { name: 'nothing to check', run: () => cxm.check([R]), argv: ['check', R, '--quiet'], type: cxm.UsageError },
    { name: 'a crosstab without --cols', run: () => cxm.crosstab([R], { rows: 'region' }), argv: ['crosstab', R, '--rows', 'region', '--quiet'], type: cxm.UsageError },
    { name: 'an unknown metric', run: () => cxm.score([R], { metric: 'nsp' }), argv: ['score', R, '--metric', 'nsp', '--quiet'], type: cxm.UsageError },
    { name: 'strict with invalid rows', run: () => cxm.score(['fixtures/reader/invalid.csv'], { strict: true }), argv: ['score', 'fixtures/reader/invalid.csv', '--strict', '--format', 'json', '--quiet'], type: cxm.InputError },
    { name: 'sql without a dialect', run: () => cxm.sql({ from: 'responses', nps: 'nps' }), argv: ['sql', '--from', 'responses', '--nps', 'nps'], type: cxm.UsageError },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const cli = await runCli(c.argv);
      expect(cli.code).toBe(2);
      const error = await c.run().then(
        () => expect.unreachable('resolved'),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(c.type);
      expect(cxm.isCxmError(error)).toBe(true);
      const e = error as InstanceType<typeof cxm.InputError>;
      expect(e.exitCode).toBe(2);
      expect(cli.stderr.split('\n')[0]).toBe(`cxm: ${formatPlace('place' in e ? e.place : undefined)}${e.message}`);
    });
  }

  it('without strict, invalid rows are counted and the call resolves', async () => {
    const result = await cxm.score(['fixtures/reader/invalid.csv']);
    expect(result.input.invalid).toBeGreaterThan(0);
  });
});
