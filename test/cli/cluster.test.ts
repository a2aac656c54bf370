// --cluster COL (issue 14, defect 5): cluster-robust standard errors for every score and difference,
// against R survey (svymean on the design with ids = ~id, svyby + svycontrast for differences; see
// test/reference/cluster.R, which also wrote fixtures/cluster/answers.csv). With --method nps=wald and
// csat=wald the interval is the estimate ± z·SE, so the SE can be read off it; means use t(G − 1).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { loadReference } from '../stats/helpers.js';

interface RRow {
  metric: string;
  group: string;
  value: number;
  se: number;
  diff: number | null;
  diffSe: number | null;
}
const reference = loadReference<{ z975: number; t975: number; cases: { weighted: boolean; clusters: number; rows: RRow[] }[] }>('cluster.json');
const file = 'fixtures/cluster/answers.csv';
const methods = ['--method', 'nps=wald,csat=wald', '--metric', 'nps,csat,csat-mean', '--min-n', '1'];

interface Row {
  metric: string;
  group: Record<string, string>;
  value: number;
  lower: number;
  upper: number;
  vsRest?: { diff: number; lower: number; upper: number; p: number };
  vsPrevious?: { diff: number; lower: number; upper: number; p: number };
}

async function json(args: string[]): Promise<{ settings: Record<string, unknown>; rows: Row[] }> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const close = (got: number, want: number, what: string) => expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(want)));

for (const c of reference.cases) {
  const weight = c.weighted ? ['--weight', 'w'] : [];
  const critical = (metric: string) => (metric === 'csat-mean' ? reference.t975 : reference.z975);
  describe(`--cluster id${c.weighted ? ' --weight w' : ''} against R survey`, () => {
    it('score --by region: every score and every region against the rest', async () => {
      const out = await json(['score', file, '--cluster', 'id', '--by', 'region', ...weight, ...methods]);
      expect(out.settings.cluster).toBe('id');
      for (const want of c.rows.filter((r) => r.group !== '2026-02')) {
        const got = out.rows.find((r) => r.metric === want.metric && (r.group.region ?? '') === want.group)!;
        const what = `${want.metric} ${want.group || 'all'}`;
        close(got.value, want.value, `${what} value`);
        close(got.lower, want.value - critical(want.metric) * want.se, `${what} lower`);
        close(got.upper, want.value + critical(want.metric) * want.se, `${what} upper`);
        if (want.diff === null || want.metric === 'csat') continue; // percents: Newcombe (below)
        close(got.vsRest!.diff, want.diff, `${what} vs rest`);
        close(got.vsRest!.lower, want.diff - critical(want.metric) * want.diffSe!, `${what} vs rest lower`);
        close(got.vsRest!.upper, want.diff + critical(want.metric) * want.diffSe!, `${what} vs rest upper`);
      }
    });

    it('trend --every month: February against January (the same customers in both months)', async () => {
      const out = await json(['trend', file, '--every', 'month', '--cluster', 'id', ...weight, ...methods]);
      for (const want of c.rows.filter((r) => r.group === '2026-02')) {
        const got = out.rows.find((r) => r.metric === want.metric && r.group.period === '2026-02')!;
        close(got.lower, want.value - critical(want.metric) * want.se, `${want.metric} February lower`);
        if (want.metric === 'csat') continue;
        close(got.vsPrevious!.diff, want.diff!, `${want.metric} change`);
        close(got.vsPrevious!.upper, want.diff! + critical(want.metric) * want.diffSe!, `${want.metric} change upper`);
      }
    });
  });
}

describe('--cluster', () => {
  it('inspect --cluster counts the ids that answered more than once (counted here from the file)', async () => {
    const { readFileSync } = await import('node:fs');
    const perId = new Map<string, number>();
    for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) perId.set(line.split(',')[0], (perId.get(line.split(',')[0]) ?? 0) + 1);
    const several = [...perId.values()].filter((n) => n > 1);
    const r = await runCli(['inspect', file, '--cluster', 'id', '--format', 'json']);
    expect(JSON.parse(r.stdout).files[0].clusterRepeats).toEqual({ column: 'id', ids: perId.size, several: several.length, answers: several.reduce((a, b) => a + b, 0) });
    expect((await runCli(['inspect', file, '--cluster', 'id'])).stdout).toContain(`${several.length} of ${perId.size} id values answered more than once`);
  });

  it('percent differences use Newcombe on the cluster-robust effective n: the interval excludes 0 exactly when p < α', async () => {
    const out = await json(['score', file, '--cluster', 'id', '--by', 'region', '--metric', 'csat', '--min-n', '1']);
    for (const r of out.rows.filter((x) => x.vsRest)) expect(r.vsRest!.lower > 0 || r.vsRest!.upper < 0).toBe(r.vsRest!.p < 0.05);
  });

  it('widens the intervals when customers answer several times (here: against the plain Wilson interval)', async () => {
    const plain = await json(['score', file, '--metric', 'csat']);
    const clustered = await json(['score', file, '--metric', 'csat', '--cluster', 'id']);
    expect(clustered.rows[0].upper - clustered.rows[0].lower).toBeGreaterThan(plain.rows[0].upper - plain.rows[0].lower);
  });

  it('refuses a missing column, --per, --emit tallies, and tallies without the cluster column, each with a hint', async () => {
    expect((await runCli(['score', file, '--cluster', 'customer'])).stderr).toMatch(/--cluster/);
    const per = await runCli(['score', file, '--cluster', 'id', '--per', 'id']);
    expect(per.code).toBe(2);
    expect(per.stderr).toContain('--cluster and --per');
    const emit = await runCli(['score', file, '--cluster', 'id', '--by', 'region', '--emit', 'tallies']);
    expect(emit.code).toBe(2);
    expect(emit.stderr).toContain('--by region,id --emit tallies');
  });

  it('reads tally files that carry the cluster column as a group column: the same numbers', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const t = join(mkdtempSync(join(tmpdir(), 'cxm-cluster-')), 't.csv');
    expect((await runCli(['score', file, '--by', 'region,id', '--weight', 'w', '--emit', 'tallies', '-o', t, '--quiet'])).code).toBe(0);
    const direct = await json(['score', file, '--cluster', 'id', '--by', 'region', '--weight', 'w', ...methods]);
    const back = await json(['score', '--tallies', t, '--cluster', 'id', '--by', 'region', ...methods]);
    expect(back.rows).toEqual(direct.rows);
    const without = await runCli(['score', '--tallies', t, '--cluster', 'region']);
    expect(without.code).toBe(0); // region is a group column too: allowed
    const plainTallies = join(mkdtempSync(join(tmpdir(), 'cxm-cluster-')), 'p.csv');
    await runCli(['score', file, '--by', 'region', '--emit', 'tallies', '-o', plainTallies, '--quiet']);
    const refused = await runCli(['score', '--tallies', plainTallies, '--cluster', 'id']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--by id --emit tallies');
  });
});
