/**
 * Bounded groups: a column with a distinct value per response made one group per row — 200k groups a
 * stack overflow, 3M an out-of-memory abort. Past --max-groups (1,000,000 by default) the run stops
 * early with exit 2, naming the column and its distinct values so far. The terminal table, which
 * cli-table3 lays out in quadratic time, shows its first rows and says how many more there are.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_GROUPS } from '../../src/io/limits.js';
import { MAX_TABLE_ROWS } from '../../src/report/render-table.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-groups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'ids.csv');
writeFileSync(file, `id,nps,submitted_at\n${Array.from({ length: 3000 }, (_, i) => `u${i},${i % 11},2026-0${1 + (i % 3)}-15`).join('\n')}\n`);

describe('--max-groups', () => {
  it('is at least 1,000,000 by default', () => {
    expect(MAX_GROUPS).toBeGreaterThanOrEqual(1_000_000);
  });

  it('one group past it is exit 2 with the line, the column and its distinct values so far', async () => {
    const r = await runCli(['score', file, '--by', 'id', '--max-groups', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`cxm: ${file}:1002: more than 1,000 groups, the limit: column "id" has 1,001 distinct values so far`);
    expect(r.stderr).toContain('--max-groups N');
  });

  it('a run with exactly that many groups is read', async () => {
    const r = await runCli(['score', file, '--by', 'id', '--max-groups', '3000', '--format', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1 + 1 + 3000); // header, overall, one row per id
  });

  it('periods count: 3 months × 2 plans is 6 groups', async () => {
    const plans = path.join(dir, 'plans.csv');
    writeFileSync(plans, `plan,nps,submitted_at\n${Array.from({ length: 60 }, (_, i) => `p${i % 2},${i % 11},2026-0${1 + (i % 3)}-15`).join('\n')}\n`);
    expect((await runCli(['trend', plans, '--every', 'month', '--by', 'plan', '--max-groups', '6', '--quiet'])).code).toBe(0);
    const r = await runCli(['trend', plans, '--every', 'month', '--by', 'plan', '--max-groups', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 5 groups, the limit/);
  });

  it('threads each under the limit, together over it: still refused', () => {
    const r = spawnSync(process.execPath, [path.resolve('bin/cxm.js'), 'score', file, '--by', 'id', '--max-groups', '2000'], { env: { ...process.env, CXM_THREADS: '2', CXM_MIN_BYTES_PER_THREAD: '1' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^cxm: (.*:\d+: )?more than 2,000 groups, the limit: column "id" has \d{1,3}(,\d{3})* distinct values so far$/);
  });
});

describe('the terminal table', () => {
  it(`shows ${MAX_TABLE_ROWS} rows and how many more; CSV keeps every row`, async () => {
    const table = await runCli(['score', file, '--by', 'id', '--quiet']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('… and 2,001 more rows: use --format csv, json or markdown for every row'); // 3001 rows with the overall
    expect(table.stdout).not.toMatch(/│ u2999 /);
    const markdown = await runCli(['score', file, '--by', 'id', '--format', 'markdown', '--quiet']);
    expect(markdown.stdout).toMatch(/\| u2999 /);
  });
});
