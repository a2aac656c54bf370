/**
 * Weights that overflow the sums: two weights of 1e154, each squarable alone, made Σw² infinite — NaN
 * and an interval of −100 to 100 with exit 0, or exit 3. A non-zero weight outside 1e-100–1e100 is an
 * invalid row (named with its line and column); no NaN reaches an output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'w.csv');
writeFileSync(file, 'nps,w,wave\n9,1e154,a\n0,1e154,b\n10,1,a\n7,2,b\n3,1e-200,a\n8,1,b\n6,1,a\n');
const baseline = path.join(dir, 'baseline.csv');
writeFileSync(baseline, 'nps,w\n9,1e154\n10,1e154\n4,1\n9,3\n');

describe('weights whose sums would overflow', () => {
  for (const variance of ['kish', 'linearized']) {
    it(`are invalid rows, with their line and column (--variance ${variance})`, async () => {
      const r = await runCli(['score', file, '--weight', 'w', '--variance', variance, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/NaN|null,\s*"upper": null/);
      const row = JSON.parse(r.stdout).rows[0];
      expect(row.n).toBe(4);
      expect(Number.isFinite(row.value) && Number.isFinite(row.lower) && Number.isFinite(row.upper)).toBe(true);
      expect(row.lower).toBeGreaterThan(-100);
      expect(r.stderr).toContain('read 7 rows: 4 used, 0 skipped (no answer), 3 invalid');
      for (const [line, value] of [[2, '1e154'], [3, '1e154'], [6, '1e-200']]) {
        expect(r.stderr).toContain(`w.csv:${line}: column "w": "${value}" is outside the weights cxm accepts, 1e-100 to 1e100`);
      }
    });
  }

  it('a comparison stays finite too', async () => {
    const r = await runCli(['compare', file, baseline, '--weight', 'w', '--variance', 'linearized', '--format', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });
});
