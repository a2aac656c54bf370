/**
 * `--cluster`: the cluster-robust variance of a score, or of a difference of two scores, from the
 * per-cluster parts of its Tallies (Tally.clusters), and the effective n that feeds the usual interval
 * methods (docs/methods.md, "Cluster-robust variance"; R `survey::svymean` with `ids = ~COL`).
 *
 * Each answer has a score s on its scale point: NPS −1/0/1 by class, a percent 1 inside the band and 0
 * outside, a mean the answer itself. For a domain with W = Σw and ȳ = Σw·s/W, a cluster's total is
 * t_g = Σ_{i∈g} wᵢ(sᵢ − ȳ)/W, and Var = G/(G − 1)·Σ_g (t_g − t̄)² over the G clusters of the whole data.
 * The per-answer variance is V = Σw(s − ȳ)²/W (NPS: pP + pD − NPS²; a percent: p(1 − p)); the effective
 * n is V/Var, used as Kish's n_eff is for weights.
 */
import type { Tally } from '../model/tally.js';
import { clusterVariance } from '../stats/cluster-variance.js';

/** The score of an answer on scale point index i. */
export type PointScore = (i: number) => number;

interface Domain {
  /** Σw */
  weight: number;
  /** ȳ */
  mean: number;
  /** V = Σw(s − ȳ)²/W */
  perAnswer: number;
}

function domainOf(t: Tally, score: PointScore): Domain | null {
  let weight = 0;
  let sum = 0;
  for (let i = 0; i < t.count.length; i++) {
    weight += t.weightSum[i];
    sum += t.weightSum[i] * score(i);
  }
  if (weight === 0) return null;
  const mean = sum / weight;
  let squares = 0;
  for (let i = 0; i < t.count.length; i++) squares += t.weightSum[i] * (score(i) - mean) ** 2;
  return { weight, mean, perAnswer: squares / weight };
}

/** t_g of every cluster with answers in the domain, signed (+1 or −1, for a difference), added into `into`. */
function addTotals(into: Map<string, number>, t: Tally, d: Domain, score: PointScore, sign: number): void {
  for (const [id, part] of t.clusters!.byId) {
    let z = 0;
    for (let i = 0; i < part.count.length; i++) z += part.weightSum[i] * (score(i) - d.mean);
    into.set(id, (into.get(id) ?? 0) + (sign * z) / d.weight);
  }
}

function universeSize(a: Tally, b?: Tally): number {
  const ua = a.clusters!.universe;
  const ub = b?.clusters?.universe;
  if (!ub || ub === ua) return ua.size;
  let extra = 0;
  for (const id of ub) if (!ua.has(id)) extra++;
  return ua.size + extra;
}

export interface ClusterEstimate {
  /** ȳ on the score's scale */
  mean: number;
  /** the cluster-robust variance of ȳ, null with fewer than 2 clusters */
  variance: number | null;
  /** V, the per-answer variance */
  perAnswer: number;
  /** G */
  clusters: number;
}

/** The cluster-robust variance of one domain's mean score; null for an empty domain. */
export function clusterEstimate(t: Tally, score: PointScore): ClusterEstimate | null {
  if (!t.clusters) throw new Error('clusterEstimate needs a Tally split by cluster');
  const d = domainOf(t, score);
  if (!d) return null;
  const totals = new Map<string, number>();
  addTotals(totals, t, d, score, 1);
  const clusters = universeSize(t);
  return { mean: d.mean, variance: clusterVariance([...totals.values()], clusters), perAnswer: d.perAnswer, clusters };
}

/** The cluster-robust variance of ȳ_a − ȳ_b: t_g = t_g^a − t_g^b over the clusters of both (their covariance included). */
export function clusterDifferenceVariance(a: Tally, b: Tally, score: PointScore): { variance: number | null; clusters: number } | null {
  if (!a.clusters || !b.clusters) throw new Error('clusterDifferenceVariance needs Tallies split by cluster');
  const da = domainOf(a, score);
  const db = domainOf(b, score);
  if (!da || !db) return null;
  const totals = new Map<string, number>();
  addTotals(totals, a, da, score, 1);
  addTotals(totals, b, db, score, -1);
  const clusters = universeSize(a, b);
  return { variance: clusterVariance([...totals.values()], clusters), clusters };
}

/** V/Var: the n whose simple-random-sample variance V/n equals the cluster-robust one; null when undefined. */
export function clusterEffectiveN(e: ClusterEstimate, scale = 1): number | null {
  if (e.variance === null || !(e.variance > 0) || !(e.perAnswer > 0)) return null;
  return e.perAnswer / (e.variance * scale);
}
