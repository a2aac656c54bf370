// The recommend metric from the command line: its flag, its fixed yes/no scale, invalid answers counted
// and listed, the table and CSV it prints, check thresholds, followup, and tally files that add up.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../../src/api/index.js';
import { runCli } from '../helpers.js';

const FIXTURE = 'fixtures/recommend.csv';
const REC = ['--recommend', 'recommended'];
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-recommend-'));
const small = path.join(dir, 'small.csv');
writeFileSync(small, 'id,answer\n1,Yes\n2,no\n3,TRUE\n4,maybe\n5,\n6,2\n7,y\n8,N\n');

describe('--recommend COLUMN', () => {
  it('reads 1/0, yes/no, true/false and y/n in any case; other answers are invalid, excluded, counted and listed by line', async () => {
    const r = await runCli(['score', small, '--recommend', 'answer', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const row = JSON.parse(r.stdout).rows[0];
    expect(row).toMatchObject({ metric: 'recommend', n: 5, value: 60, counts: { yes: 3, no: 2 }, skipped: 1, invalid: 2 });
    expect(r.stderr).toContain('8 rows: 5 used, 1 skipped (no answer), 2 invalid');
    expect(r.stderr).toMatch(/small\.csv:5: column "answer": "maybe" is not a score on 0-1/);
    expect(r.stderr).toMatch(/small\.csv:7: column "answer": "2" is not a score on 0-1/);
    const strict = await runCli(['score', small, '--recommend', 'answer', '--strict']);
    expect(strict.code).toBe(2);
  });

  it('prints a Recommend % table with its Wilson interval', async () => {
    const r = await runCli(['score', FIXTURE, ...REC, '--no-color']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Recommend % (column "recommended") · Wilson 95% CI');
    expect(r.stdout).toMatch(/│ +340 │ +66\.5% │ 61\.3% – 71\.3% │/);
  });

  it('adds a yes column to CSV output only when recommend is scored', async () => {
    const rec = await runCli(['score', FIXTURE, ...REC, '--format', 'csv']);
    const [header, first] = rec.stdout.split('\n');
    expect(header).toBe('metric,n,value,lower,upper,promoters,passives,detractors,satisfied,agree,yes,low_base,vs_rest_diff,vs_rest_lower,vs_rest_upper,p,p_adjusted,significant,skipped,invalid');
    expect(first.split(',').slice(0, 2).concat(first.split(',')[10])).toEqual(['recommend', '340', '226']);
    const nps = await runCli(['score', 'fixtures/responses.csv', '--metric', 'nps', '--format', 'csv']);
    expect(nps.stdout.split('\n')[0]).not.toContain(',yes,');
  });

  it('refuses --scale and --band: the scale is the metric (0 = no, 1 = yes)', async () => {
    for (const flag of ['--scale', '--band']) {
      const r = await runCli(['score', FIXTURE, ...REC, flag, 'recommend=1-5']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} recommend is always 0-1 (no = 0, yes = 1) and yes counts`);
    }
  });

  it('is not looked for: --metric recommend without --recommend names the flag', async () => {
    const r = await runCli(['score', FIXTURE, '--metric', 'recommend']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no recommend column found');
    expect(r.stderr).toContain('name it with --recommend COLUMN');
  });

  it('is in the help of the scoring commands and of cxm sql', async () => {
    for (const command of ['score', 'trend', 'check', 'followup', 'sql']) {
      const r = await runCli([command, '--help']);
      expect(r.stdout, command).toContain('--recommend <column>');
    }
    expect((await runCli(['score', '--help'])).stdout).toContain('nps, csat, ces, csat-mean, ces-mean, recommend');
  });
});

describe('recommend in check, followup and tally files', () => {
  it('checks a minimum in percent, and refuses one outside 0..100', async () => {
    const pass = await runCli(['check', FIXTURE, ...REC, '--min', 'recommend=60', '--format', 'json']);
    expect(pass.code, pass.stderr).toBe(0);
    const fail = await runCli(['check', FIXTURE, ...REC, '--min', 'recommend=75']);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('Recommend % ≥ 75%');
    const out = await runCli(['check', FIXTURE, ...REC, '--min', 'recommend=101']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('recommend runs from 0 to 100');
  });

  it('lists the answers of no by default in followup', async () => {
    const r = await runCli(['followup', small, '--recommend', 'answer', '--metric', 'recommend', '--id', 'id', '--no-contact', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as { id: string; category: string; score: number }[];
    expect(rows.map((x) => [x.id, x.score, x.category]).sort()).toEqual([
      ['2', 0, 'no'],
      ['8', 0, 'no'],
    ]);
  });

  it('writes tallies that score the same as the file', async () => {
    const tallies = path.join(dir, 'rec.tallies.csv');
    const emit = await runCli(['score', FIXTURE, ...REC, '--by', 'region', '--emit', 'tallies', '-o', tallies]);
    expect(emit.code, emit.stderr).toBe(0);
    for (const format of ['table', 'csv']) {
      const raw = await runCli(['score', FIXTURE, ...REC, '--by', 'region', '--format', format]);
      const back = await runCli(['score', '--tallies', tallies, '--by', 'region', '--format', format]);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toBe(raw.stdout);
    }
  });
});

describe('recommend in the library', () => {
  it('score(files, { recommend }) resolves to what --format json prints', async () => {
    const result = await score([FIXTURE], { recommend: 'recommended', by: ['region'] });
    const cli = await runCli(['score', FIXTURE, ...REC, '--by', 'region', '--format', 'json', '--quiet']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(cli.stdout));
  });
});
