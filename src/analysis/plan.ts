/**
 * `cxm plan`: margin of error, answers needed and the detectable change, from a file's counts or from
 * figures (docs/methods.md, Planning). V is the variance of one answer: NPS p₊ + p₋ − (p₊ − p₋)², a share
 * p(1 − p); from a file, its own shares and the design effect of its weights, deff = n·Σw²/(Σw)² (Kish).
 *
 *   margin at n = z·√(V·deff/n)·100 · n needed for ±E = z²·V·10⁴·deff/E² (⌈⌉) · with a population N:
 *   n/(1 + (n − 1)/N) · MDE between n₁ and n₂ at power 1 − β = (z_{1−α/2} + z_{1−β})·√(V·deff/n₁ + V·deff/n₂)·100
 *   · invites = ⌈n needed / response rate⌉ (of the corrected n when a population is given).
 */
import { kindOf, type Metric } from '../model/metrics.js';
import { tallyN, type Tally } from '../model/tally.js';
import { minimumDetectableChange } from '../stats/minimum-detectable-change.js';
import { normalCriticalValue } from '../stats/normal-critical-value.js';
import { sampleSizeForMargin } from '../stats/sample-size-for-margin.js';
import { bandCounts, npsCounts } from './estimate.js';
import type { Loaded } from '../fold/load.js';
import { specOf } from '../fold/plan.js';
import { inputSummary, loadedWarnings, roleColumns, type InputSummary, type Warning, resultEnvelope } from './result.js';
import { roleIndex } from './score.js';

export interface PlanSettings {
  level: number;
  power: number;
  /** E in points */
  margin: number;
  n: number | null;
  n2: number | null;
  population: number | null;
  responseRate: number | null;
  /** figures instead of a file: shares in percent */
  promoters: number | null;
  detractors: number | null;
  share: number | null;
}

export interface PlanRow {
  /** nps, a percent metric of the file, or `share` for --share */
  metric: string;
  /** the margin of error (points, ±) at the current n; null without an n */
  margin: number | null;
  /** answers needed for ±E */
  nNeeded: number | null;
  /** the same with the finite-population correction (--population), else null */
  nNeededFpc: number | null;
  /** the smallest change between n and n2 answers detected with the power asked (points); null without an n */
  mde: number | null;
  /** invitations to send for nNeeded (nNeededFpc when given) at --response-rate; null without a rate */
  invites: number | null;
}

export interface PlanBasis {
  metric: string;
  /** the score the variance comes from (points) */
  value: number;
  /** V of one answer (0–1 or −1..1 scale) */
  variance: number;
  n: number | null;
  n2: number | null;
  deff: number;
}

export interface PlanResult {
  cxm: 1;
  command: 'plan';
  input: InputSummary;
  settings: { level: number; power: number; targetMargin: number; population: number | null; responseRate: number | null; from: 'figures' | 'data'; columns: Record<string, string>; basis: PlanBasis[] };
  rows: PlanRow[];
  warnings: Warning[];
}

const NO_INPUT: InputSummary = { files: [], rows: 0, used: 0, skipped: 0, invalid: 0, excluded: 0 };

export function planRow(basis: PlanBasis, s: PlanSettings): PlanRow {
  const z = normalCriticalValue(s.level);
  const v = basis.variance * basis.deff;
  const { n: need, nFpc } = sampleSizeForMargin(basis.variance, s.margin, z, { deff: basis.deff, ...(s.population !== null ? { population: s.population } : {}) });
  const nNeeded = Math.ceil(need - 1e-9);
  const nNeededFpc = nFpc === null ? null : Math.ceil(nFpc - 1e-9);
  const n = basis.n;
  const n2 = basis.n2 ?? n;
  return {
    metric: basis.metric,
    margin: n !== null && n > 0 ? z * Math.sqrt(v / n) * 100 : null,
    nNeeded,
    nNeededFpc,
    mde: n !== null && n > 0 && n2 !== null && n2 > 0 ? minimumDetectableChange(v, n, v, n2, s.level, s.power) : null,
    invites: s.responseRate === null ? null : Math.ceil((nNeededFpc ?? nNeeded) / s.responseRate - 1e-9),
  };
}

/** The basis of one metric of a file: its shares, n and the Kish design effect of its weights. */
function basisOf(metric: Metric, t: Tally, band: { lo: number; hi: number }, s: PlanSettings): PlanBasis {
  const n = tallyN(t);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < t.count.length; i++) {
    sum += t.weightSum[i];
    squares += t.weightSqSum[i];
  }
  const deff = sum > 0 && squares > 0 ? (n * squares) / (sum * sum) : 1;
  if (kindOf(metric) === 'nps') {
    const c = npsCounts(t);
    const total = c.detractors + c.passives + c.promoters;
    const pp = total > 0 ? c.promoters / total : 0;
    const pd = total > 0 ? c.detractors / total : 0;
    return { metric, value: 100 * (pp - pd), variance: pp + pd - (pp - pd) ** 2, n: s.n ?? n, n2: s.n2, deff };
  }
  const { x, n: m } = bandCounts(t, band);
  const p = m > 0 ? x / m : 0;
  return { metric, value: 100 * p, variance: p * (1 - p), n: s.n ?? n, n2: s.n2, deff };
}

function envelope(input: InputSummary, s: PlanSettings, from: 'figures' | 'data', columns: Record<string, string>, basis: PlanBasis[], warnings: Warning[]): PlanResult {
  return resultEnvelope('plan', {
    input,
    settings: { level: s.level, power: s.power, targetMargin: s.margin, population: s.population, responseRate: s.responseRate, from, columns, basis },
    rows: basis.map((b) => planRow(b, s)),
    warnings,
  });
}

/** From --promoters/--detractors or --share. */
export function planFromFigures(s: PlanSettings): PlanResult {
  let basis: PlanBasis;
  if (s.share !== null) {
    const p = s.share / 100;
    basis = { metric: 'share', value: s.share, variance: p * (1 - p), n: s.n, n2: s.n2, deff: 1 };
  } else {
    const pp = (s.promoters ?? 0) / 100;
    const pd = (s.detractors ?? 0) / 100;
    basis = { metric: 'nps', value: 100 * (pp - pd), variance: pp + pd - (pp - pd) ** 2, n: s.n, n2: s.n2, deff: 1 };
  }
  return envelope(NO_INPUT, s, 'figures', {}, [basis], []);
}

/** From a file: each NPS and percent metric's own shares, n and design effect. */
export function planFromData(loaded: Loaded, s: PlanSettings): PlanResult {
  const warnings = loadedWarnings(loaded);
  const total = loaded.marginals.total();
  const basis: PlanBasis[] = [];
  for (const metric of loaded.metrics) {
    if (kindOf(metric) === 'mean') {
      warnings.push({ code: 'plan-mean', message: `${metric} not planned: plan works on NPS and percents` });
      continue;
    }
    const spec = specOf(loaded.roles, metric);
    basis.push(basisOf(metric, total[roleIndex(loaded, spec)], spec.band, s));
  }
  return envelope(inputSummary(loaded.sources, loaded.fold.counts), s, 'data', roleColumns(loaded.roles), basis, warnings);
}
