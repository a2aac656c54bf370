/**
 * The enrichment options end to end against an independent implementation
 * (test/reference/enrich_fixture.py: the join with a dict, filters as hand-written predicates, tags
 * with Python's re, per-account roll-ups in plain Python, weighted shares with numpy, Kish's n_eff,
 * DescrStatsW, statsmodels' Wilson and two-proportion tests, the linearized NPS SE per respondent, BH
 * from multipletests). Every reference row is found in cxm's JSON by metric and group and compared
 * to 5e-8 (docs/methods.md asks for 1e-6).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

interface Test {
  diff: number;
  lower: number;
  upper: number;
  p: number;
  pAdjusted?: number | null;
}

interface Estimate {
  n: number;
  nEff: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

interface Row extends Estimate {
  metric: string;
  group: Record<string, string>;
  dimension?: string;
  vsRest?: Test;
  vsPrevious?: Test;
  share?: number;
  rest?: { n: number; value: number };
  impact?: { value: number; lower: number; upper: number };
  overallMinusRest?: number;
  rolling?: Estimate;
  current?: Estimate;
  baseline?: Estimate;
  diff?: number;
  p?: number;
}

interface Case {
  name: string;
  args: string[];
  weighted: boolean;
  /** the reference holds only some of cxm's rows (crosstab cells with answers, trend periods) */
  partial?: boolean;
  rows: Row[];
}

const { cases } = JSON.parse(readFileSync('test/reference/enrich-fixture.json', 'utf8')) as { cases: Case[] };

const close = (got: number | null | undefined, want: number | null | undefined, what: string) => {
  if (want === null || want === undefined) {
    expect(got ?? null, what).toBeNull();
    return;
  }
  expect(got, what).toBeTypeOf('number');
  expect(Math.abs((got as number) - want), `${what}: ${got} vs ${want}`).toBeLessThan(5e-8);
};

function estimate(got: Estimate, want: Estimate, weighted: boolean, what: string): void {
  expect(got.n, `${what} n`).toBe(want.n);
  if (weighted) close(got.nEff, want.nEff, `${what} nEff`);
  else expect(got.nEff, `${what}: no nEff unless weighted`).toBeUndefined();
  for (const k of ['value', 'lower', 'upper'] as const) close(got[k], want[k], `${what} ${k}`);
}

function test(got: Test | undefined, want: Test, what: string): void {
  expect(got, what).toBeDefined();
  for (const k of ['diff', 'lower', 'upper', 'p'] as const) close(got![k], want[k], `${what} ${k}`);
  if (want.pAdjusted !== undefined) close(got!.pAdjusted, want.pAdjusted, `${what} pAdjusted`);
}

const same = (a: Row, b: Row) => a.metric === b.metric && a.dimension === b.dimension && JSON.stringify(a.group) === JSON.stringify(b.group);

describe.each(cases)('$name', (c) => {
  it(`cxm ${c.args.join(' ')}`, async () => {
    const r = await runCli([...c.args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as Row[];
    if (!c.partial) expect(rows.length).toBe(c.rows.length);
    for (const want of c.rows) {
      const what = `${want.metric} ${want.dimension ?? ''} ${JSON.stringify(want.group)}`;
      const got = rows.find((x) => same(x, want));
      expect(got, what).toBeDefined();
      if (want.current) {
        estimate(got!.current!, want.current, c.weighted, `${what} current`);
        estimate(got!.baseline!, want.baseline!, c.weighted, `${what} baseline`);
        test(got as unknown as Test, want as unknown as Test, what);
        continue;
      }
      estimate(got!, want, c.weighted, what);
      if (want.vsRest) test(got!.vsRest, want.vsRest, `${what} vs rest`);
      if (want.vsPrevious) test(got!.vsPrevious, want.vsPrevious, `${what} vs previous`);
      if (want.rolling) for (const k of ['n', 'value', 'lower', 'upper'] as const) close(got!.rolling?.[k], want.rolling[k], `${what} rolling ${k}`);
      if (want.share !== undefined) {
        close(got!.share, want.share, `${what} share`);
        expect(got!.rest!.n).toBe(want.rest!.n);
        close(got!.rest!.value, want.rest!.value, `${what} rest`);
        for (const k of ['value', 'lower', 'upper'] as const) close(got!.impact![k], want.impact![k], `${what} impact ${k}`);
        // the identity the table rests on: impact = share × (segment − rest) = overall − rest
        close(got!.impact!.value, want.overallMinusRest, `${what} impact = overall − rest`);
      }
    }
    if (c.args[0] === 'drivers') {
      // sorted by impact within each metric, largest pull downwards first
      for (const metric of new Set(c.rows.map((x) => x.metric))) {
        const order = (list: Row[]) => list.filter((x) => x.metric === metric && x.dimension).map((x) => `${x.dimension}=${Object.values(x.group)[0]}`);
        expect(order(rows)).toEqual(order(c.rows));
      }
    }
  });
});
