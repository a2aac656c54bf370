/**
 * `cxm plan` against closed forms computed independently (test/reference/plan_reference.py: statsmodels
 * samplesize_confint_proportion and NormalIndPower, scipy's normal quantile, the csv module for the file
 * cases), and a seeded simulation: at the planned n the margin covers 95% of samples, and two periods of
 * the planned sizes catch a change of the MDE about 80% of the time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/api/index.js';
import { binomialSample, seededRandom } from '../../src/stats/index.js';
import { runCli } from '../helpers.js';

interface Row {
  metric: string;
  margin: number | null;
  nNeeded: number;
  nNeededFpc: number | null;
  mde: number | null;
  invites: number | null;
}
const reference = JSON.parse(readFileSync('test/reference/plan-reference.json', 'utf8')) as { cases: { args: string[]; rows: Row[] }[] };

describe.each(reference.cases)('cxm plan $args', (c) => {
  it('matches the independent closed forms', async () => {
    const r = await runCli(['plan', ...c.args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: Row[] }).rows;
    expect(rows.map((x) => Object.keys(x))).toEqual(c.rows.map(() => ['metric', 'margin', 'nNeeded', 'nNeededFpc', 'mde', 'invites']));
    rows.forEach((row, i) => {
      const ref = c.rows[i];
      expect(row.metric).toBe(ref.metric);
      expect(row.nNeeded).toBe(ref.nNeeded);
      expect(row.nNeededFpc).toBe(ref.nNeededFpc);
      expect(row.invites).toBe(ref.invites);
      if (ref.margin === null) expect(row.margin).toBeNull();
      else expect(row.margin).toBeCloseTo(ref.margin, 9);
      // NormalIndPower counts the far tail too and solves numerically: equal to a relative 1e-4
      if (ref.mde === null) expect(row.mde).toBeNull();
      else expect(Math.abs(row.mde! - ref.mde) / ref.mde).toBeLessThan(1e-4);
    });
  });
});

describe('plan by simulation (seeded)', () => {
  it('the n needed for ±5 gives a ±5 margin at 95%', async () => {
    const result = await plan([], { share: 50, margin: 5 });
    const n = result.rows[0].nNeeded!;
    const random = seededRandom(3);
    let inside = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) if (Math.abs((100 * binomialSample(n, 0.5, random)) / n - 50) <= 5) inside++;
    // SE of a 95% coverage over 20,000 runs: 0.0015
    expect(Math.abs(inside / runs - 0.95)).toBeLessThan(0.006);
  });

  it('two periods of n answers catch a true change of the MDE with about 80% power', async () => {
    const result = await plan([], { share: 50, n: 400, n2: 400 });
    const mde = result.rows[0].mde! / 100;
    const random = seededRandom(4);
    let caught = 0;
    const runs = 20000;
    for (let i = 0; i < runs; i++) {
      const a = binomialSample(400, 0.5 - mde / 2, random) / 400;
      const b = binomialSample(400, 0.5 + mde / 2, random) / 400;
      if ((b - a) / Math.sqrt((a * (1 - a)) / 400 + (b * (1 - b)) / 400) > 1.959963984540054) caught++;
    }
    // the variance at 0.5 ± MDE/2 is slightly below 0.25, so the power is a little above 0.8
    expect(caught / runs).toBeGreaterThan(0.79);
    expect(caught / runs).toBeLessThan(0.84);
  });

  it('refuses a file with figures, figures that do not add up, and no input', async () => {
    for (const args of [['fixtures/rank/airlines.csv', '--share', '50'], ['--promoters', '70', '--detractors', '40'], ['--promoters', '50'], [], ['--share', '50', '--power', '2'], ['--share', '50', '--response-rate', '0']]) {
      const r = await runCli(['plan', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^cxm: /);
    }
  });
});
