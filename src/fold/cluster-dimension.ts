/**
 * `--cluster COL`: the cluster column is folded as one more (hidden, last) group dimension, so the fold
 * holds Σw and Σw·s per (group, cluster) — all the cluster-robust variance needs (docs/methods.md,
 * "Cluster-robust variance"). This takes that dimension off again: groups that differ only in the
 * cluster are added together, and each Tally keeps its answers per cluster (Tally.clusters), which
 * every sum and difference of Tallies carries along (model/tally.ts). Tally files counted with the
 * cluster column among their group columns are read the same way.
 *
 * Rows with a blank cluster id form one cluster, "(blank)" (the fold cannot tell them apart); the
 * command warns when there are any.
 */
import { UsageError } from '../model/errors.js';
import { addCounts, emptyTally, type Tally } from '../model/tally.js';
import type { FoldResult, GroupResult } from './fold.js';
import { KEY_SEPARATOR } from './merge-folds.js';

/** The fold without its dimension `at` (the cluster column), each Tally split by cluster. */
export function foldClusters(fold: FoldResult, at: number): FoldResult {
  const universe = new Set<string>();
  const groups = new Map<string, GroupResult>();
  // added in the order of their keys, not of the input: sums of rounded weights then come out the same
  // from responses and from tally files (which list the groups in another order)
  const ordered = fold.groups.map((g) => ({ g, k: g.key.join(KEY_SEPARATOR) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (const { g } of ordered) {
    const id = g.key[at];
    universe.add(id);
    const key = [...g.key.slice(0, at), ...g.key.slice(at + 1)];
    const k = key.join(KEY_SEPARATOR);
    let into = groups.get(k);
    if (!into) groups.set(k, (into = { key, tallies: fold.roles.map((r) => withClusters(emptyTally(r.scale), universe)) }));
    g.tallies.forEach((t, r) => {
      const target = into!.tallies[r];
      addCounts(target, t);
      if (tallyEmpty(t)) return;
      const byId = target.clusters!.byId;
      const part = byId.get(id);
      if (part) addCounts(part, t);
      else byId.set(id, { ...t, count: [...t.count], weightSum: [...t.weightSum], weightSqSum: [...t.weightSqSum] });
    });
  }
  if (universe.size === 1) {
    throw new UsageError(`--cluster ${fold.dimensions[at]}: every answer has the same id, one cluster`, 'cluster-robust variances need at least two clusters: name the customer or account id column');
  }
  const { setDimensions, ...rest } = fold;
  const sets = setDimensions?.filter((d) => d !== at).map((d) => (d > at ? d - 1 : d));
  return { ...rest, dimensions: fold.dimensions.filter((_, d) => d !== at), groups: [...groups.values()], ...(sets?.length ? { setDimensions: sets } : {}) };
}

function withClusters(t: Tally, universe: ReadonlySet<string>): Tally {
  t.clusters = { universe, byId: new Map() };
  return t;
}

function tallyEmpty(t: Tally): boolean {
  return t.count.every((c) => c === 0);
}

