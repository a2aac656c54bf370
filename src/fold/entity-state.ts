/**
 * `--per COL` (B2B account-level scores): the answers of each entity (an account, a customer) are
 * rolled up into one answer per entity before scoring. While folding, each (group, entity) keeps a
 * small state per score column — the count and sum of its answers (rule `mean`), their minimum
 * (`min`), or the latest answer by the date column (`latest`) — plus the sum of its rows' weights.
 * States merge exactly (sums add, minimums take the smaller, latest takes the later), so threads and
 * files merge them before anything is classified; marginals.ts merges them again per segment and only
 * then rolls each entity up to one scale point. Memory is O(entities × groups they answered in).
 */
import { addExact, exactValue, mergeExact, type ExactSum } from '../model/exact-sum.js';

export const PER_RULES = ['mean', 'min', 'latest'] as const;
export type PerRule = (typeof PER_RULES)[number];

/** One score column's states, aligned with EntityStates.entity. Arrays a rule does not need stay empty. */
export interface RoleStates {
  /** answers counted */
  count: number[];
  /** mean: sum of the answers */
  sum: number[];
  /** min: the smallest answer */
  min: number[];
  /** latest: time (ms) and line of the latest answer, and the answer */
  at: number[];
  line: number[];
  value: number[];
}

/** Every (group, entity) state of a fold: plain data (crosses threads, merges by key). */
export interface EntityStates {
  rule: PerRule;
  /** the fold group (index into FoldResult.groups) of each state */
  group: number[];
  entity: string[];
  /**
   * --weight: Σ weights (exact: the same whatever the thread split) of the entity's rows in the group,
   * whose mean is its weight; empty when unweighted (every entity weighs 1)
   */
  weightSum: ExactSum[];
  rows: number[];
  roles: RoleStates[];
}

export class EntityAccumulator {
  readonly states: EntityStates;
  /** per group: entity → state */
  private readonly index: Map<string, number>[] = [];
  private readonly mean: boolean;
  private readonly min: boolean;
  private readonly latest: boolean;

  constructor(
    rule: PerRule,
    roles: number,
    private readonly weighted: boolean,
  ) {
    this.states = {
      rule,
      group: [],
      entity: [],
      weightSum: [],
      rows: [],
      roles: Array.from({ length: roles }, () => ({ count: [], sum: [], min: [], at: [], line: [], value: [] })),
    };
    this.mean = rule === 'mean';
    this.min = rule === 'min';
    this.latest = rule === 'latest';
  }

  /** The state of `entity` in group `g`, created empty on first sight. */
  entry(g: number, entity: string): number {
    const index = (this.index[g] ??= new Map());
    let e = index.get(entity);
    if (e !== undefined) return e;
    const s = this.states;
    e = s.group.length;
    index.set(entity, e);
    s.group.push(g);
    s.entity.push(entity);
    if (this.weighted) s.weightSum.push([]);
    s.rows.push(0);
    for (const r of s.roles) {
      r.count.push(0);
      if (this.mean) r.sum.push(0);
      if (this.min) r.min.push(Number.POSITIVE_INFINITY);
      if (this.latest) {
        r.at.push(Number.NEGATIVE_INFINITY);
        r.line.push(-1);
        r.value.push(Number.NaN);
      }
    }
    return e;
  }

  /** One row of the entity, with its weight (1 when unweighted). */
  addRow(e: number, weight: number): void {
    if (this.weighted) addExact(this.states.weightSum[e], weight);
    this.states.rows[e]++;
  }

  /** One answer (a scale point) of role r; `at`/`line` order answers for the `latest` rule. */
  add(e: number, r: number, value: number, at: number, line: number): void {
    const s = this.states.roles[r];
    s.count[e]++;
    if (this.mean) s.sum[e] += value;
    else if (this.min) {
      if (value < s.min[e]) s.min[e] = value;
    } else if (at > s.at[e] || (at === s.at[e] && line > s.line[e])) {
      s.at[e] = at;
      s.line[e] = line;
      s.value[e] = value;
    }
  }

  /** Merges state `k` of `other` into state e (line numbers of `other` shifted by lineOffset). */
  absorb(e: number, other: EntityStates, k: number, lineOffset = 0): void {
    if (this.weighted) mergeExact(this.states.weightSum[e], other.weightSum[k]);
    this.states.rows[e] += other.rows[k];
    this.states.roles.forEach((s, r) => {
      const o = other.roles[r];
      if (o.count[k] === 0) return;
      s.count[e] += o.count[k];
      if (this.mean) s.sum[e] += o.sum[k];
      else if (this.min) s.min[e] = Math.min(s.min[e], o.min[k]);
      else {
        const line = o.line[k] + lineOffset;
        if (o.at[k] > s.at[e] || (o.at[k] === s.at[e] && line > s.line[e])) {
          s.at[e] = o.at[k];
          s.line[e] = line;
          s.value[e] = o.value[k];
        }
      }
    });
  }
}

/**
 * The entity's one answer of role r: the mean of its answers rounded half up (8.5 → 9), their
 * minimum, or the latest; null when it gave none.
 */
export function rollUp(states: EntityStates, e: number, r: number): number | null {
  const s = states.roles[r];
  if (s.count[e] === 0) return null;
  if (states.rule === 'mean') return Math.floor(s.sum[e] / s.count[e] + 0.5);
  if (states.rule === 'min') return s.min[e];
  return s.value[e];
}

/** The entity's weight: the mean weight of its rows (an account's revenue when every row carries it). */
export function entityWeight(states: EntityStates, e: number): number {
  if (states.weightSum.length === 0) return 1;
  return states.rows[e] === 0 ? 0 : exactValue(states.weightSum[e]) / states.rows[e];
}
