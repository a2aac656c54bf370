// Issue 14's smaller points: --adjust-across all against R p.adjust (test/reference/adjust-across.R), the
// warning for a zero standard error, which test a comparison uses (settings.tests and the footnote), and a
// mean of one answer shown without an interval.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { expectClose, loadReference } from '../stats/helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-small-'));
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

interface Row {
  metric: string;
  group: Record<string, string>;
  value: number | null;
  lower: number | null;
  vsRest?: { p: number; pAdjusted: number | null };
}

async function json(args: string[]) {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { settings: Record<string, unknown>; rows: Row[]; warnings: { code: string; message: string }[] };
}

describe('--adjust-across all', () => {
  const ref = loadReference<{ p: number[]; all: number[]; perMetric: number[] }>('adjust-across.json');
  const args = ['score', 'fixtures/responses.csv', '--by', 'region', '--metric', 'nps,csat'];

  it('adjusts every test the command prints as one family (R p.adjust BH over 8)', async () => {
    const out = await json([...args, '--adjust-across', 'all']);
    expect(out.settings.adjustAcross).toBe('all');
    const tested = out.rows.filter((r) => r.vsRest);
    tested.forEach((r, i) => {
      expectClose(r.vsRest!.p, ref.p[i], 1e-12, 0, 'p');
      expectClose(r.vsRest!.pAdjusted, ref.all[i], 1e-9, 0, 'pAdjusted');
    });
  });

  it('by default each metric is its own family', async () => {
    const tested = (await json(args)).rows.filter((r) => r.vsRest);
    tested.forEach((r, i) => expectClose(r.vsRest!.pAdjusted, ref.perMetric[i], 1e-9, 0, 'pAdjusted'));
  });

  it('report refuses it with a hint', async () => {
    const r = await runCli(['report', 'fixtures/responses.csv', '--adjust-across', 'all']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--adjust-across all is not offered by report');
  });
});

describe('smaller points', () => {
  it('a plain Wald difference with standard error 0 warns', async () => {
    const file = write('all-promoters.csv', ['segment,nps', ...Array.from({ length: 40 }, (_, i) => `${i < 20 ? 'A' : 'B'},10`)]);
    const out = await json(['score', file, '--by', 'segment', '--method', 'nps=wald']);
    expect(out.rows.find((r) => r.group.segment === 'A')!.vsRest!.p).toBeNull();
    expect(out.warnings).toContainEqual({ code: 'zero-se', message: '2 differences have a standard error of 0 (no variation in the answers): zero-width interval, no p, not tested' });
  });

  it('settings.tests names the test of a difference; the footnote says so under --method nps=score', async () => {
    const out = await json(['score', 'fixtures/responses.csv', '--by', 'region', '--method', 'nps=score']);
    expect(out.settings.methods).toMatchObject({ nps: 'score', csat: 'wilson' });
    expect(out.settings.tests).toMatchObject({ nps: 'adjusted-wald', csat: 'newcombe' });
    expect((await json(['score', 'fixtures/responses.csv', '--metric', 'csat-mean'])).settings.tests).toEqual({ 'csat-mean': 'welch-t' });
    const table = await runCli(['score', 'fixtures/responses.csv', '--by', 'region', '--method', 'nps=score', '--metric', 'nps']);
    expect(table.stdout).toContain('NPS differences use the adjusted Wald difference test; --method nps=score sets the interval of each score only.');
  });

  it('a mean of one answer shows the value without an interval', async () => {
    const file = write('one.csv', ['segment,csat', 'A,4', 'B,2', 'B,3']);
    const a = (await json(['score', file, '--by', 'segment', '--metric', 'csat-mean', '--min-n', '1'])).rows.find((r) => r.group.segment === 'A')!;
    expect(a).toMatchObject({ value: 4, lower: null });
  });
});
