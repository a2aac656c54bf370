/**
 * The recommend metric (a yes/no column, issue 13) end to end against an independent implementation:
 * `cxm score fixtures/recommend.csv --recommend recommended --by region` — the share answering yes, its
 * Wilson interval, each region against the rest, the answers read from every spelling, blank and invalid
 * counts — computed from the raw CSV with statsmodels (test/reference/recommend_fixture.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

interface Row {
  metric?: string;
  group: Record<string, string>;
  n: number;
  value: number;
  lower: number;
  upper: number;
  counts: Record<string, number>;
  skipped: number;
  invalid: number;
  vsRest?: { diff: number; lower: number; upper: number; p: number; pAdjusted: number | null; significant?: boolean };
}

const reference = JSON.parse(readFileSync('test/reference/recommend-fixture.json', 'utf8')) as {
  rows: Row[];
  clopperPearson: { n: number; value: number; lower: number; upper: number };
};
const FIXTURE = 'fixtures/recommend.csv';

describe('score --recommend --by region against statsmodels', async () => {
  const r = await runCli(['score', FIXTURE, '--recommend', 'recommended', '--by', 'region', '--format', 'json']);
  const json = JSON.parse(r.stdout) as { settings: { methods: Record<string, string>; columns: Record<string, string> }; rows: Row[] };

  it('scores the column as recommend, with Wilson intervals, and no other metric', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(json.settings.methods).toEqual({ recommend: 'wilson' });
    expect(json.settings.columns).toEqual({ recommend: 'recommended' });
    expect(json.rows.every((x) => x.metric === 'recommend')).toBe(true);
    expect(json.rows.map((x) => x.group)).toEqual(reference.rows.map((x) => x.group));
  });

  it.each(reference.rows.map((ref, i) => [JSON.stringify(ref.group), i] as const))('%s', (_name, i) => {
    const ref = reference.rows[i];
    const got = json.rows[i];
    expect(got.n).toBe(ref.n);
    expect(got.counts).toEqual(ref.counts);
    expect([got.skipped, got.invalid]).toEqual([ref.skipped, ref.invalid]);
    for (const k of ['value', 'lower', 'upper'] as const) expect(got[k]).toBeCloseTo(ref[k], 9);
    if (ref.vsRest) {
      for (const k of ['diff', 'lower', 'upper', 'p'] as const) expect(got.vsRest![k]).toBeCloseTo(ref.vsRest[k], 9);
      expect(got.vsRest!.pAdjusted).toBeCloseTo(ref.vsRest.pAdjusted!, 9);
    }
  });

  it('takes --method recommend=clopper-pearson', async () => {
    const cp = await runCli(['score', FIXTURE, '--recommend', 'recommended', '--method', 'recommend=clopper-pearson', '--format', 'json']);
    const row = (JSON.parse(cp.stdout) as { rows: Row[] }).rows[0];
    expect(row.n).toBe(reference.clopperPearson.n);
    for (const k of ['value', 'lower', 'upper'] as const) expect(row[k]).toBeCloseTo(reference.clopperPearson[k], 9);
  });
});
