// Issue 14, defect 3: a segment-vs-rest test needs both sides at or above --min-n (n_eff when weighted);
// a segment with a low-base rest is shown, not tested, and out of the adjustment family. The p-value of the
// segment that is still tested is checked against statsmodels (Newcombe interval inverted, newcombe.py's method).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-rest-'));

function csv(name: string, groups: { segment: string; satisfied: number; other: number; weight?: number }[]): string {
  const lines = ['segment,csat,w'];
  for (const g of groups) {
    for (let i = 0; i < g.satisfied; i++) lines.push(`${g.segment},5,${g.weight ?? 1}`);
    for (let i = 0; i < g.other; i++) lines.push(`${g.segment},2,${g.weight ?? 1}`);
  }
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Row {
  group: Record<string, string>;
  lowBase: boolean;
  vsRest?: { p: number | null; pAdjusted: number | null; restLowBase?: boolean };
}

async function rows(args: string[]): Promise<Row[]> {
  const r = await runCli(['score', ...args, '--metric', 'csat', '--format', 'json']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { rows: Row[] }).rows;
}

describe('low base of the rest', () => {
  // A: 60 answers, B: 5, C: 4 — A's rest has n = 9, under --min-n 10
  const file = csv('small-rest.csv', [
    { segment: 'A', satisfied: 50, other: 10 },
    { segment: 'B', satisfied: 1, other: 4 },
    { segment: 'C', satisfied: 2, other: 2 },
  ]);

  it('a segment of n = 60 against a rest of n = 9 is not tested', async () => {
    const a = (await rows([file, '--by', 'segment', '--min-n', '10'])).find((r) => r.group.segment === 'A')!;
    expect(a.lowBase).toBe(false);
    expect(a.vsRest).toMatchObject({ restLowBase: true, pAdjusted: null });
    const table = await runCli(['score', file, '--by', 'segment', '--metric', 'csat', '--min-n', '10']);
    expect(table.stdout).toContain('rest low base');
  });

  it('with both sides large enough the test is made, with the Newcombe p of statsmodels', async () => {
    const a = (await rows([file, '--by', 'segment', '--min-n', '5'])).find((r) => r.group.segment === 'A')!;
    expect(a.vsRest?.restLowBase).toBe(false);
    // 50/60 against 3/9: smallest α whose Newcombe interval excludes 0 (test/reference/newcombe_ref.py)
    expect(a.vsRest?.p).toBeCloseTo(0.00085361, 7);
    expect(a.vsRest?.pAdjusted).not.toBeNull();
  });

  it('weighted: the rest is judged on Kish n_eff', async () => {
    // the rest has 12 answers, one of weight 20: n_eff = 31²/411 ≈ 2.3 < 10
    const weighted = csv('weighted-rest.csv', [
      { segment: 'A', satisfied: 50, other: 10 },
      { segment: 'B', satisfied: 10, other: 1 },
      { segment: 'C', satisfied: 0, other: 1, weight: 20 },
    ]);
    const a = (await rows([weighted, '--by', 'segment', '--min-n', '10', '--weight', 'w'])).find((r) => r.group.segment === 'A')!;
    expect(a.vsRest?.restLowBase).toBe(true);
    expect(a.vsRest?.pAdjusted).toBeNull();
  });
});
