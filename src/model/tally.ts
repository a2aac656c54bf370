/**
 * The Tally: for one group and one score column, how many answers fell on each scale point, with the
 * sum of weights and of squared weights per point, plus the blank (skipped) and invalid cells.
 * Every statistic cxm prints is a function of Tallies, and Tallies merge by addition, so a pass over
 * the rows is a fold in O(groups) memory that can be split across threads, files or a warehouse.
 */

/** The score columns cxm knows. A metric (nps, csat, csat-mean…) is computed from one role's Tally. */
export type Role = 'nps' | 'csat' | 'ces';
export const ROLES: readonly Role[] = ['nps', 'csat', 'ces'];

/** An integer answer scale, both ends included. */
export interface Scale {
  lo: number;
  hi: number;
}

export interface Tally {
  /** the answer scale: index i of the arrays is the point lo + i */
  lo: number;
  hi: number;
  count: number[];
  weightSum: number[];
  weightSqSum: number[];
  skipped: number;
  invalid: number;
  /**
   * `--cluster`: the same answers split by cluster (customer or account id), for the cluster-robust
   * variance. Present only in clustered runs; adding and subtracting Tallies carries it along.
   */
  clusters?: ClusterParts;
}

/** A Tally's answers per cluster, and every cluster id of the data set it came from (G = its size). */
export interface ClusterParts {
  universe: ReadonlySet<string>;
  byId: Map<string, Tally>;
}

export function emptyTally(scale: Scale): Tally {
  const width = scale.hi - scale.lo + 1;
  return {
    lo: scale.lo,
    hi: scale.hi,
    count: new Array<number>(width).fill(0),
    weightSum: new Array<number>(width).fill(0),
    weightSqSum: new Array<number>(width).fill(0),
    skipped: 0,
    invalid: 0,
  };
}

function sameScale(a: Tally, b: Tally): void {
  if (a.lo !== b.lo || a.hi !== b.hi) {
    throw new Error(`cannot combine tallies on scales ${a.lo}-${a.hi} and ${b.lo}-${b.hi}`);
  }
}

/** A copy that shares no array (nor cluster part) with t. */
export function copyTally(t: Tally): Tally {
  const copy: Tally = { lo: t.lo, hi: t.hi, count: [...t.count], weightSum: [...t.weightSum], weightSqSum: [...t.weightSqSum], skipped: t.skipped, invalid: t.invalid };
  if (t.clusters) copy.clusters = { universe: t.clusters.universe, byId: new Map([...t.clusters.byId].map(([id, part]) => [id, copyTally(part)])) };
  return copy;
}

/** a + b, a new Tally. */
export function addTallies(a: Tally, b: Tally): Tally {
  const sum = copyTally(a);
  addInto(sum, b);
  return sum;
}

/** Adds b into a in place (the fold's merge step). */
export function addInto(a: Tally, b: Tally): void {
  sameScale(a, b);
  addCounts(a, b);
  if (b.clusters) addClusters(a, b.clusters);
}

/** Adds the counts, weight sums and skipped/invalid counts of b into a; not its per-cluster parts. */
export function addCounts(a: Tally, b: Tally): void {
  for (let i = 0; i < a.count.length; i++) {
    a.count[i] += b.count[i];
    a.weightSum[i] += b.weightSum[i];
    a.weightSqSum[i] += b.weightSqSum[i];
  }
  a.skipped += b.skipped;
  a.invalid += b.invalid;
}

function addClusters(a: Tally, parts: ClusterParts): void {
  if (!a.clusters) a.clusters = { universe: parts.universe, byId: new Map() };
  else if (a.clusters.universe !== parts.universe) a.clusters.universe = new Set([...a.clusters.universe, ...parts.universe]);
  for (const [id, part] of parts.byId) {
    const into = a.clusters.byId.get(id);
    if (into) addInto(into, part);
    else a.clusters.byId.set(id, copyTally(part));
  }
}

/**
 * a − b: "everyone else" when b is a part of a (a segment against the total). Counts are integers,
 * so the result is exact; weight sums may carry rounding error and are clamped at zero.
 */
export function subtractTallies(a: Tally, b: Tally): Tally {
  sameScale(a, b);
  const out = subtractCounts(a, b);
  if (a.clusters) {
    const byId = new Map<string, Tally>();
    for (const [id, part] of a.clusters.byId) {
      const minus = b.clusters?.byId.get(id);
      const left = minus ? subtractCounts(part, minus) : copyTally(part);
      if (tallyN(left) > 0) byId.set(id, left);
    }
    out.clusters = { universe: a.clusters.universe, byId };
  }
  return out;
}

function subtractCounts(a: Tally, b: Tally): Tally {
  return {
    lo: a.lo,
    hi: a.hi,
    count: a.count.map((v, i) => v - b.count[i]),
    weightSum: a.weightSum.map((v, i) => (a.count[i] === b.count[i] ? 0 : Math.max(0, v - b.weightSum[i]))),
    weightSqSum: a.weightSqSum.map((v, i) => (a.count[i] === b.count[i] ? 0 : Math.max(0, v - b.weightSqSum[i]))),
    skipped: a.skipped - b.skipped,
    invalid: a.invalid - b.invalid,
  };
}

/** Number of answers counted. */
export function tallyN(t: Tally): number {
  let n = 0;
  for (const c of t.count) n += c;
  return n;
}

/** Whether any weight differs from 1, i.e. the Tally came from a weighted run. */
export function isWeighted(t: Tally): boolean {
  for (let i = 0; i < t.count.length; i++) {
    if (t.weightSum[i] !== t.count[i] || t.weightSqSum[i] !== t.count[i]) return true;
  }
  return false;
}

/** Relative tolerance of hasEqualWeights: sums of equal weights drift from count × w by rounding only. */
const EQUAL_WEIGHTS_TOLERANCE = 1e-9;

/**
 * Whether every answer in the Tally has (up to rounding) the same weight: per point Σw² · count = (Σw)²
 * (equality in Cauchy–Schwarz holds only for equal weights) and the same mean weight on every point.
 * Such a Tally is scored from its plain counts, so equal weights reproduce unweighted results exactly.
 */
export function hasEqualWeights(t: Tally): boolean {
  let common: number | null = null;
  for (let i = 0; i < t.count.length; i++) {
    const c = t.count[i];
    if (c === 0) continue;
    const sum = t.weightSum[i];
    const mean = sum / c;
    if (common === null) common = mean;
    else if (Math.abs(mean - common) > EQUAL_WEIGHTS_TOLERANCE * common) return false;
    if (Math.abs(t.weightSqSum[i] * c - sum * sum) > EQUAL_WEIGHTS_TOLERANCE * sum * sum) return false;
  }
  return true;
}
