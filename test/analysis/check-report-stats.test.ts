// check and report on the fixtures against an independent Python implementation
// (test/reference/check_report.py): the p-value each check's interval implies (closed forms, statsmodels
// score and Wald tests, scipy t tests), R p.adjust across the run, the verdict rules as documented;
// the report's periods, headline and segment tests and trend estimates.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { expectClose, loadReference } from '../stats/helpers.js';

interface CheckCase {
  args: string[];
  checks: Record<string, unknown>[];
}
interface ReportCase {
  args: string[];
  current: Record<string, string>;
  previous: Record<string, string>;
  asOf: string;
  headlines: Record<string, unknown>[];
  segments: { column: string; rows: Record<string, unknown>[] }[];
  trend: Record<string, unknown>[];
}
const reference = loadReference<{ check: CheckCase[]; report: ReportCase[] }>('check-report.json');

/** Every field of `expected` (recursively) in `actual`: numbers to 1e-8 relative or 1e-9 absolute, the rest equal. */
function expectMatch(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === 'number') expectClose(actual as number, expected, 1e-8, 1e-9, label);
  else if (expected !== null && typeof expected === 'object') {
    expect(actual, label).toBeTypeOf('object');
    for (const [k, v] of Object.entries(expected)) expectMatch((actual as Record<string, unknown>)[k], v, `${label}.${k}`);
  } else expect(actual ?? null, label).toEqual(expected);
}

describe('check against Python', () => {
  it.each(reference.check.map((c) => [c.args.join(' '), c] as const))('%s', async (_, c) => {
    const run = await runCli([...c.args, '--format', 'json', '--quiet']);
    const out = JSON.parse(run.stdout) as { checks: Record<string, unknown>[]; summary: { ok: boolean } };
    expect(run.code).toBe(out.summary.ok ? 0 : 1);
    expect(out.checks.length).toBe(c.checks.length);
    c.checks.forEach((want, i) => expectMatch(out.checks[i], want, `${want.kind} ${want.metric} ${JSON.stringify(want.group)}`));
  });

  it('exercises every verdict and the adjustment', () => {
    const all = reference.check.flatMap((c) => c.checks);
    for (const status of ['pass', 'fail', 'low-base']) expect(all.some((r) => r.status === status), status).toBe(true);
    expect(all.some((r) => r.pAdjusted !== null && r.pAdjusted !== r.p && (r.pAdjusted as number) < 1)).toBe(true);
    // a check the interval alone would fail, which passes only after the adjustment
    expect(all.some((r) => r.kind === 'min' && r.status === 'pass' && (r.p as number) < 0.05)).toBe(true);
  });
});

describe('report against Python', () => {
  it.each(reference.report.map((c) => [c.args.join(' '), c] as const))('%s', async (_, c) => {
    const run = await runCli([...c.args, '--format', 'json', '--quiet', '--comments', '0']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.settings.current).toEqual(c.current);
    expect(out.settings.previous).toEqual(c.previous);
    expect(out.settings.asOf).toBe(c.asOf);
    expectMatch(out.headlines, c.headlines, 'headlines');
    expect(out.segments.map((s: { column: string }) => s.column)).toEqual(c.segments.map((s) => s.column));
    c.segments.forEach((s, i) => {
      const rows = out.segments[i].rows as { metric: string; group: Record<string, string> }[];
      expect(rows.length).toBe(s.rows.length);
      for (const want of s.rows) {
        const got = rows.find((r) => r.metric === want.metric && JSON.stringify(r.group) === JSON.stringify(want.group));
        expectMatch(got, want, `${s.column} ${want.metric} ${JSON.stringify(want.group)}`);
      }
    });
    expect(out.trend.length).toBe(c.trend.length);
    c.trend.forEach((want, i) => expectMatch(out.trend[i], want, `trend ${i}`));
  });
});
