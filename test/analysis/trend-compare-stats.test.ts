// trend, crosstab and compare on the fixtures against an independent Python implementation
// (test/reference/trend_compare.py): zoneinfo bucketing, docs/methods.md's NPS formulas, statsmodels
// (Wilson, proportions_ztest, Wald difference interval, t intervals, Welch), R p.adjust.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { expectClose, loadReference } from '../stats/helpers.js';

type Numbers = Record<string, unknown>;
interface Case {
  args: string[];
  rows: (Numbers & { metric: string; group: Record<string, string> })[];
}
const reference = loadReference<{ trend: Case[]; crosstab: Case[]; compare: Case[] }>('trend-compare.json');

const keyOf = (r: { metric: string; group: Record<string, string> }) => `${r.metric} ${JSON.stringify(Object.entries(r.group).sort())}`;

/**
 * Every field of `expected` (recursively) must be in `actual`: numbers to 1e-8 relative (Welch
 * intervals go through t quantiles at non-integer df, where scipy itself is good to ~1e-9), the rest equal.
 */
function expectMatch(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'number') {
    expectClose(actual as number, expected, 1e-8, 1e-9, label);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, label).toBeTypeOf('object');
    expect(actual, label).not.toBeNull();
    for (const [k, v] of Object.entries(expected)) expectMatch((actual as Record<string, unknown>)[k], v, `${label}.${k}`);
  } else {
    expect(actual ?? null, label).toEqual(expected);
  }
}

/** Every object holding both p and pAdjusted, at any depth. */
function tested(value: unknown): { p: number | null; pAdjusted: number | null }[] {
  if (value === null || typeof value !== 'object') return [];
  const own = 'pAdjusted' in value && 'p' in value ? [value as { p: number | null; pAdjusted: number | null }] : [];
  return [...own, ...Object.values(value).flatMap(tested)];
}

function suite(name: string, cases: Case[]): void {
  describe(name, () => {
    it.each(cases.map((c) => [c.args.join(' '), c] as const))('%s', async (_, c) => {
      const run = await runCli([...c.args, '--format', 'json', '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout).rows as Case['rows'];
      const byKey = new Map(rows.map((r) => [keyOf(r), r]));
      expect(rows.length).toBe(c.rows.length);
      for (const want of c.rows) {
        const got = byKey.get(keyOf(want));
        expect(got, keyOf(want)).toBeDefined();
        expectMatch(got, want, keyOf(want));
      }
      // the adjustment is really exercised: some adjusted p differs from its p
      expect(tested(c.rows).some((t) => t.pAdjusted !== null && t.pAdjusted !== t.p)).toBe(true);
    });
  });
}

suite('trend against Python', reference.trend);
suite('crosstab against Python', reference.crosstab);
suite('compare against Python', reference.compare);
