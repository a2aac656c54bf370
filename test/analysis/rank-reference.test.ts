/**
 * `cxm rank` against an independent fit (test/reference/rank_fixture.py: scipy L-BFGS-B on the
 * Dirichlet-multinomial / beta-binomial marginal likelihood, exact Beta quantiles, 20,000 numpy posterior
 * draws) on fixtures/rank/airlines.csv, whose airlines have known true scores (fixtures/rank/truth.json):
 * the prior, the posterior means, the credible and rank intervals, P(top/bottom k), the funnel verdicts,
 * and that the shrunken scores are closer to the truth than the raw ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rank } from '../../src/api/index.js';

interface RefRow {
  airline: string;
  n: number;
  raw: number;
  value: number;
  lower: number;
  upper: number;
  rankLower: number;
  rankUpper: number;
  pTop: number;
  pBottom: number;
  outside: string | null;
}
interface RefCase {
  metric: 'nps' | 'recommend';
  weighted: boolean;
  k: number;
  alpha: number[];
  logLikelihood: number;
  overall: number;
  rows: RefRow[];
  mse: { raw: number; shrunk: number } | null;
}
const reference = JSON.parse(readFileSync('test/reference/rank-fixture.json', 'utf8')) as { cases: RefCase[] };
const truth = JSON.parse(readFileSync('fixtures/rank/truth.json', 'utf8')) as { airline: string; nps: number; recommend: number }[];
const FIXTURE = 'fixtures/rank/airlines.csv';
const COLUMNS = { nps: 'likelihood_to_recommend', recommend: 'recommended' };

describe.each(reference.cases)('rank --by airline, $metric (weighted: $weighted) against scipy', async (ref) => {
  const result = await rank([FIXTURE], { by: 'airline', ...COLUMNS, metric: ref.metric, k: String(ref.k), ...(ref.weighted ? { weight: 'weight' } : {}) });
  const prior = result.settings.priors[0];
  const rows = new Map(result.rows.map((r) => [r.group.airline, r]));

  it('fits the same prior by marginal likelihood', () => {
    expect(prior.method).toBe('marginal-likelihood');
    expect(prior.noSpread).toBe(false);
    prior.alpha.forEach((a, i) => expect(a).toBeCloseTo(ref.alpha[i], 2));
    expect(prior.overall).toBeCloseTo(ref.overall, 9);
    expect(result.rows).toHaveLength(ref.rows.length);
  });

  it('gives every unit the reference raw score, posterior mean and funnel verdict', () => {
    for (const r of ref.rows) {
      const row = rows.get(r.airline)!;
      expect(row.n).toBe(r.n);
      expect(row.raw).toBeCloseTo(r.raw, 9);
      expect(row.value).toBeCloseTo(r.value, 3);
      expect(row.outside).toBe(r.outside);
    }
  });

  it('draws intervals, rank intervals and P(top/bottom k) within Monte Carlo error of the reference', () => {
    for (const r of ref.rows) {
      const row = rows.get(r.airline)!;
      // 1,000 draws: a probability's SE ≤ 0.016, so 0.06 is about 4 SE. A tail quantile's error grows with
      // the spread of the posterior: allowed 8% of the reference interval's width (+0.5 point), and for
      // ranks 10% of the rank interval's width (at least 3 places: ranks are discrete, and a 2.5% tail is 25 draws).
      expect(Math.abs(row.pTop - r.pTop)).toBeLessThan(0.06);
      expect(Math.abs(row.pBottom - r.pBottom)).toBeLessThan(0.06);
      const width = r.upper - r.lower;
      expect(Math.abs(row.lower - r.lower)).toBeLessThan(0.08 * width + 0.5);
      expect(Math.abs(row.upper - r.upper)).toBeLessThan(0.08 * width + 0.5);
      const places = Math.max(3, 0.1 * (r.rankUpper - r.rankLower));
      expect(Math.abs(row.rankLower - r.rankLower)).toBeLessThanOrEqual(places);
      expect(Math.abs(row.rankUpper - r.rankUpper)).toBeLessThanOrEqual(places);
    }
  });

  if (!ref.weighted) it('lands closer to the true scores than the raw scores (mean squared error)', () => {
    const t = new Map(truth.map((x) => [x.airline, x[ref.metric]]));
    const mse = (f: (r: (typeof result.rows)[number]) => number) => result.rows.reduce((s, r) => s + (f(r) - t.get(r.group.airline)!) ** 2, 0) / result.rows.length;
    const raw = mse((r) => r.raw);
    const shrunk = mse((r) => r.value);
    expect(raw).toBeCloseTo(ref.mse!.raw, 3);
    expect(shrunk).toBeCloseTo(ref.mse!.shrunk, 1);
    // the figure docs/commands/rank.md states: shrinkage cuts the error to under a quarter (NPS) / a sixth (recommend)
    expect(shrunk / raw).toBeLessThan(ref.metric === 'nps' ? 0.25 : 0.17);
  });
});
