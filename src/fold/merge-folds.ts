/**
 * Tallies merge by addition: results of several threads or files become one. Groups are matched by
 * their display key; issue line numbers of a later range are shifted to absolute lines. With --per,
 * the entities' states merge too (same group and entity: one state), before anything is rolled up.
 */
import { IssueLog } from '../model/issues.js';
import { exactValue, mergeExact } from '../model/exact-sum.js';
import { addInto, type Tally } from '../model/tally.js';
import { EntityAccumulator } from './entity-state.js';
import type { FoldCounts, FoldResult, GroupResult } from './fold.js';

export const KEY_SEPARATOR = '\u001f';

export interface FoldPart {
  result: FoldResult;
  /** added to the line numbers of this part's issues */
  lineOffset?: number;
}

const COUNT_KEYS = ['rows', 'used', 'skipped', 'invalid', 'excluded'] as const;

/** Row counts of several parts (threads, files, tally files) added up. */
export function sumCounts(parts: FoldCounts[]): FoldCounts {
  const out: FoldCounts = { rows: 0, used: 0, skipped: 0, invalid: 0, excluded: 0 };
  for (const p of parts) for (const k of COUNT_KEYS) out[k] += p[k];
  return out;
}

export function mergeFolds(parts: FoldPart[]): FoldResult {
  if (parts.length === 0) throw new Error('mergeFolds needs at least one part');
  const first = parts[0].result;
  const groups = new Map<string, GroupResult>();
  const issues = new IssueLog();
  const entities = first.entities ? new EntityAccumulator(first.entities.rule, first.roles.length, weightedStates(parts)) : null;
  const groupIndex = new Map<string, number>();
  // answer patterns add up when every part has them (tallies counted before they existed have none)
  const patterns = parts.every((p) => p.result.patterns) ? new Array<number>(first.patterns!.length).fill(0) : null;
  for (const { result, lineOffset = 0 } of parts) {
    if (result.roles.length !== first.roles.length || result.dimensions.join(KEY_SEPARATOR) !== first.dimensions.join(KEY_SEPARATOR)) {
      throw new Error('cannot merge folds of different plans');
    }
    for (const group of result.groups) {
      const key = group.key.join(KEY_SEPARATOR);
      const have = groups.get(key);
      if (have) {
        group.tallies.forEach((t, r) => addInto(have.tallies[r], t));
        if (have.weights && group.weights) mergeWeights(have, group.weights);
      } else {
        groupIndex.set(key, groups.size);
        const weights = group.weights?.map((w) => ({ sum: w.sum.map((p) => [...p]), squares: w.squares.map((p) => [...p]) }));
        groups.set(key, { key: [...group.key], tallies: group.tallies.map(copyTally), ...(weights ? { weights } : {}) });
      }
    }
    const states = result.entities;
    if (entities && states) {
      for (let k = 0; k < states.group.length; k++) {
        const g = groupIndex.get(result.groups[states.group[k]].key.join(KEY_SEPARATOR))!;
        entities.absorb(entities.entry(g, states.entity[k]), states, k, lineOffset);
      }
    }
    result.patterns?.forEach((n, p) => (patterns![p] += n));
    issues.merge(result.issues, lineOffset);
  }
  return {
    dimensions: first.dimensions,
    roles: first.roles,
    groups: [...groups.values()],
    counts: sumCounts(parts.map((p) => p.result.counts)),
    issues: issues.serialize(),
    ...(first.setDimensions ? { setDimensions: first.setDimensions } : {}),
    ...(entities ? { entities: entities.states } : {}),
    ...(patterns ? { patterns } : {}),
  };
}

/** Whether the entities' states carry weights (any part with a state has them). */
function weightedStates(parts: FoldPart[]): boolean {
  return parts.some((p) => (p.result.entities?.weightSum.length ?? 0) > 0);
}

/** Weighted groups: the exact sums merge, and the Tallies' weight sums are rounded from them once. */
function mergeWeights(into: GroupResult, from: NonNullable<GroupResult['weights']>): void {
  into.weights!.forEach((w, r) => {
    const t = into.tallies[r];
    w.sum.forEach((p, i) => {
      mergeExact(p, from[r].sum[i]);
      t.weightSum[i] = exactValue(p);
    });
    w.squares.forEach((p, i) => {
      mergeExact(p, from[r].squares[i]);
      t.weightSqSum[i] = exactValue(p);
    });
  });
}

function copyTally(t: Tally): Tally {
  return { ...t, count: [...t.count], weightSum: [...t.weightSum], weightSqSum: [...t.weightSqSum] };
}
