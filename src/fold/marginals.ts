/**
 * The Tallies a command reads — per group, in total, and for everyone outside a group — from a fold.
 * A plain fold is a partition of the rows by its dimensions, so a marginal is a sum of groups and "the
 * rest" is the total minus the group. Two enrichments make that not enough:
 *
 * - comment tags: the fold groups rows by their *set* of tags (still a partition); a tag's group is
 *   every set that holds it, so a response with two tags counts once in each, and once in the total;
 * - --per: the groups hold entities' states, not Tallies; a marginal merges the states of each entity
 *   over the groups it covers and only then rolls each entity up to one answer. An entity is counted
 *   once per group it answered in, and "the rest" is the roll-up of the rows outside the group.
 */
import { addInto, emptyTally, subtractTallies, type Tally } from '../model/tally.js';
import { UNTAGGED } from '../io/tag-rules.js';
import { EntityAccumulator, entityWeight, rollUp } from './entity-state.js';
import type { FoldResult, GroupResult } from './fold.js';
import type { RoleSpec } from './plan.js';
import { KEY_SEPARATOR } from './merge-folds.js';
import { tagsOfKey } from './tagger.js';

/** One role's Tally summed over every group of a plain fold (empty when the fold does not count the role). */
export function foldTotal(fold: Pick<FoldResult, 'roles' | 'groups'>, role: RoleSpec): Tally {
  const total = emptyTally(role.scale);
  const r = fold.roles.findIndex((x) => x.role === role.role);
  if (r !== -1) for (const g of fold.groups) addInto(total, g.tallies[r]);
  return total;
}

export interface TallyGroup {
  key: string[];
  /** aligned with FoldResult.roles */
  tallies: Tally[];
}

export class Marginals {
  readonly dimensions: string[];
  private readonly sets: Set<number>;
  private readonly all: number[];
  private readonly cache = new Map<string, { groups: TallyGroup[]; byKey: Map<string, TallyGroup>; spanning: number }>();
  private readonly rests = new Map<string, Tally[]>();
  /** --per: the states of each fold group */
  private readonly statesOf: number[][] | null = null;

  constructor(private readonly fold: FoldResult) {
    this.dimensions = fold.dimensions;
    this.sets = new Set(fold.setDimensions ?? []);
    this.all = fold.dimensions.map((_, i) => i);
    const states = fold.entities;
    if (states) {
      this.statesOf = fold.groups.map(() => []);
      states.group.forEach((g, k) => this.statesOf![g].push(k));
    }
  }

  /** Whether the fold rolled rows up per entity (--per). */
  get perEntity(): boolean {
    return this.statesOf !== null;
  }

  /** The groups over some dimensions (indices; all by default), tag sets expanded, entities rolled up. */
  groups(dims: number[] = this.all): TallyGroup[] {
    return this.marginal(dims).groups;
  }

  /** The group with this key over `dims`, or empty Tallies when no row is in it. */
  group(dims: number[], key: string[]): Tally[] {
    return this.marginal(dims).byKey.get(key.join(KEY_SEPARATOR))?.tallies ?? this.empty();
  }

  /** Every row (each once): the total. */
  total(): Tally[] {
    return this.groups([])[0]?.tallies ?? this.empty();
  }

  /**
   * Everyone outside the group with this key over `dims`. Kept once computed: commands ask again for
   * each metric, and with --per each answer rolls up every entity outside the group.
   */
  rest(dims: number[], key: string[]): Tally[] {
    const id = `${dims.join(',')}|${key.join(KEY_SEPARATOR)}`;
    let rest = this.rests.get(id);
    if (!rest) this.rests.set(id, (rest = this.computeRest(dims, key)));
    return rest;
  }

  private computeRest(dims: number[], key: string[]): Tally[] {
    const total = this.total();
    const inside = this.group(dims, key);
    if (!this.statesOf) return total.map((t, r) => subtractTallies(t, inside[r]));
    const members = this.fold.groups.flatMap((g, i) => (this.matches(g, dims, key) ? [] : [i]));
    const outside = this.build([{ key: [], members }], false).groups[0]?.tallies ?? this.empty();
    // blank and invalid answers are counted per row, not per entity
    return outside.map((t, r) => ({ ...t, skipped: total[r].skipped - inside[r].skipped, invalid: total[r].invalid - inside[r].invalid }));
  }

  /** The rows of the fold groups that pass `test`, as one set of Tallies (entities rolled up over them). */
  select(test: (group: GroupResult) => boolean): Tally[] {
    const members = this.fold.groups.flatMap((g, i) => (test(g) ? [i] : []));
    return this.build([{ key: [], members }], false).groups[0]?.tallies ?? this.empty();
  }

  /** With --per: how many entities answered in more than one of the groups over `dims`. */
  entitiesInSeveralGroups(dims: number[]): number {
    return this.marginal(dims).spanning;
  }

  /** A fold group's values on dimension d: its tags for a tag dimension, else its one value. */
  values(group: GroupResult, d: number): string[] {
    return this.sets.has(d) ? tagsOfKey(group.key[d], UNTAGGED) : [group.key[d]];
  }

  private matches(group: GroupResult, dims: number[], key: string[]): boolean {
    return dims.every((d, i) => this.values(group, d).includes(key[i]));
  }

  private empty(): Tally[] {
    return this.fold.roles.map((r) => emptyTally(r.scale));
  }

  private marginal(dims: number[]) {
    const id = dims.join(',');
    let m = this.cache.get(id);
    if (!m) {
      const plain = !this.statesOf && this.sets.size === 0 && dims.length === this.all.length && dims.every((d, i) => d === i);
      m = plain ? this.index(this.fold.groups, 0) : this.build(this.project(dims), dims.length > 0);
      this.cache.set(id, m);
    }
    return m;
  }

  /** Which fold groups make each group over `dims` (a fold group with two tags is in two). */
  private project(dims: number[]): { key: string[]; members: number[] }[] {
    const out = new Map<string, { key: string[]; members: number[] }>();
    this.fold.groups.forEach((g, i) => {
      let keys: string[][] = [[]];
      for (const d of dims) keys = keys.flatMap((k) => this.values(g, d).map((v) => [...k, v]));
      for (const key of keys) {
        const id = key.join(KEY_SEPARATOR);
        let entry = out.get(id);
        if (!entry) out.set(id, (entry = { key, members: [] }));
        entry.members.push(i);
      }
    });
    return [...out.values()];
  }

  /** Tallies of the projected groups; `countSpanning`: count the entities found in more than one of them. */
  private build(projected: { key: string[]; members: number[] }[], countSpanning: boolean) {
    const roles = this.fold.roles;
    const groups: TallyGroup[] = projected.map(({ key, members }) => {
      const tallies = roles.map((r) => emptyTally(r.scale));
      for (const i of members) this.fold.groups[i].tallies.forEach((t, r) => addInto(tallies[r], t));
      return { key, tallies };
    });
    let spanning = 0;
    const states = this.fold.entities;
    if (states && this.statesOf) {
      // counts come from the entities alone; the groups' Tallies above carry only skipped and invalid
      const merged = new EntityAccumulator(states.rule, roles.length, states.weightSum.length > 0);
      projected.forEach(({ members }, p) => {
        for (const i of members) for (const k of this.statesOf![i]) merged.absorb(merged.entry(p, states.entity[k]), states, k);
      });
      const m = merged.states;
      const seen = new Map<string, number>();
      for (let e = 0; e < m.group.length; e++) {
        if (countSpanning) seen.set(m.entity[e], (seen.get(m.entity[e]) ?? 0) + 1);
        const w = entityWeight(m, e);
        roles.forEach((role, r) => {
          const value = rollUp(m, e, r);
          if (value === null) return;
          const t = groups[m.group[e]].tallies[r];
          const i = value - role.scale.lo;
          t.count[i]++;
          t.weightSum[i] += w;
          t.weightSqSum[i] += w * w;
        });
      }
      for (const n of seen.values()) if (n > 1) spanning++;
    }
    return this.index(groups, spanning);
  }

  private index(groups: TallyGroup[], spanning: number) {
    return { groups, byKey: new Map(groups.map((g) => [g.key.join(KEY_SEPARATOR), g])), spanning };
  }
}
