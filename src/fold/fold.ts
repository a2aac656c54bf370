/**
 * The fold: every data record goes through `Folder.record` once and lands in the Tallies of its group.
 * Memory is O(groups × scale points); nothing per row is kept. A Folder's result is plain data, so
 * results from threads or files merge by addition (`mergeFolds`).
 */
import { InputError } from '../model/errors.js';
import { formatLimit, MAX_GROUPS } from '../io/limits.js';
import type { Role } from '../model/metrics.js';
import { IssueLog, type RowIssue, type SerializedIssueLog } from '../model/issues.js';
import { addExact, exactValue, type ExactSum } from '../model/exact-sum.js';
import { emptyTally, type Scale, type Tally } from '../model/tally.js';
import { PATTERN_UNITS, patternCount, rowsByPattern } from '../model/row-pattern.js';
import type { SourceRecord } from '../io/record.js';
import { POINT_BLANK, POINT_INVALID, scorePoint, type ScoreColumn } from '../io/score-point.js';
import { cachedScoreParser } from '../io/values.js';
import { createDimensionReader, type DimensionPlan, type DimensionReader } from './dimensions.js';
import type { EnrichPlan } from './enrich-plan.js';
import { EntityAccumulator, type EntityStates } from './entity-state.js';

/** What to fold, by column index for one source (see plan.ts for how names become indices). */
export interface FoldPlan {
  file: string;
  dimensions: DimensionPlan[];
  /** `only`: the rows whose column `index` holds one of `values` (lower case) answer the role; others count as not answered (a file of several survey types) */
  roles: { role: Role; column: string; index: number; scale: Scale; labels?: [string, number][]; only?: { index: number; values: string[] } }[];
  /** --join, --where, --since/--until, --weight, --per (enriched-sink.ts); absent for a plain fold */
  enrich?: EnrichPlan;
  /** most groups (--max-groups; MAX_GROUPS when absent) */
  maxGroups?: number;
}

export interface FoldCounts {
  /** data records read */
  rows: number;
  /** rows with at least one answer counted and no invalid score */
  used: number;
  /** rows whose score cells were all blank */
  skipped: number;
  /** rows with an invalid score cell (their valid cells still count) or that could not be read */
  invalid: number;
  /** rows left out by rule (preview/test responses, filters) */
  excluded: number;
}

export interface GroupResult {
  /** one display value per dimension */
  key: string[];
  /** aligned with FoldResult.roles */
  tallies: Tally[];
  /**
   * --weight: the exact Σw and Σw² behind the Tallies' weight sums, per role and scale point, so that
   * merging threads gives the same sums as one thread (exact-sum.ts)
   */
  weights?: { sum: ExactSum[]; squares: ExactSum[] }[];
}

export interface FoldResult {
  dimensions: string[];
  roles: { role: Role; column: string; scale: Scale }[];
  groups: GroupResult[];
  counts: FoldCounts;
  issues: SerializedIssueLog;
  /** dimensions whose keys are sets of values (comment tags): marginals.ts expands them */
  setDimensions?: number[];
  /** --per: the entities' states; the groups' Tallies then hold only skipped and invalid answers */
  entities?: EntityStates;
  /**
   * rows per answer pattern of the roles (model/row-pattern.ts): the rows counted used, skipped or
   * invalid by their answers, so that the counts of any subset of the roles can be derived. Rows
   * invalid as a whole (unreadable, a bad weight) are not in them. Absent from tallies counted without.
   */
  patterns?: number[];
}

export { BLANK_SEGMENT } from './dimensions.js';

export class Folder {
  readonly issues = new IssueLog();
  /**
   * rows read and excluded as they come; `invalid` holds the rows invalid as a whole (unreadable, a bad
   * weight) until result() adds the rows used, skipped and invalid by their answers, from the patterns
   */
  readonly counts: FoldCounts = { rows: 0, used: 0, skipped: 0, invalid: 0, excluded: 0 };
  /** rows per answer pattern (model/row-pattern.ts) */
  private readonly patterns: Float64Array;
  private readonly plan: FoldPlan;
  private readonly readers: DimensionReader[];
  /** per dimension: raw key → value id, and value id → display text */
  private readonly keyIds: Map<string, number>[];
  /** per dimension with raw ids: raw id → value id (-1 unknown) */
  private readonly rawToValue: Int32Array[];
  private readonly valueTexts: string[][];
  private readonly valueIdByText: Map<string, number>[];
  /** composite value ids → group index */
  private readonly groupIndex = new Map<number | string, number>();
  private readonly groupKeys: number[][] = [];
  /** the current row's value ids, one per dimension (reused: no array per row) */
  private readonly rowIds: number[];
  /** per role: counts per group × point, skipped and invalid per group */
  private readonly counts3: Float64Array[];
  private readonly skipped: Float64Array[];
  private readonly invalid: Float64Array[];
  private capacity = 16;
  private readonly widths: number[];
  private readonly scoreColumns: ScoreColumn[];
  /** --weight: exact Σw and Σw² per role, group × point (null otherwise: record() never touches them) */
  private readonly weightSums: ExactSum[][] | null = null;
  private readonly weightSqSums: ExactSum[][] | null = null;
  /** --per: the entities' states (null otherwise) */
  private readonly entities: EntityAccumulator | null = null;

  constructor(plan: FoldPlan) {
    this.plan = plan;
    this.readers = plan.dimensions.map((d) => createDimensionReader(d, { file: plan.file, issues: this.issues }));
    this.keyIds = plan.dimensions.map(() => new Map());
    this.rowIds = plan.dimensions.map(() => 0);
    this.rawToValue = plan.dimensions.map(() => new Int32Array(64).fill(-1));
    this.valueTexts = plan.dimensions.map(() => []);
    this.valueIdByText = plan.dimensions.map(() => new Map());
    this.widths = plan.roles.map((r) => r.scale.hi - r.scale.lo + 1);
    this.counts3 = this.widths.map((w) => new Float64Array(this.capacity * w));
    this.skipped = plan.roles.map(() => new Float64Array(this.capacity));
    this.invalid = plan.roles.map(() => new Float64Array(this.capacity));
    this.scoreColumns = plan.roles.map((r) => ({ ...r, parse: cachedScoreParser(r.scale, r.labels ? new Map(r.labels) : undefined) }));
    this.patterns = new Float64Array(patternCount(plan.roles.length));
    if (plan.enrich?.weight) {
      this.weightSums = plan.roles.map(() => []);
      this.weightSqSums = plan.roles.map(() => []);
    }
    if (plan.enrich?.per) this.entities = new EntityAccumulator(plan.enrich.per.rule, plan.roles.length, plan.enrich.weight !== undefined);
  }

  /** Value id of dimension d for this record, or -1 when the row is left out. */
  private valueId(d: number, record: SourceRecord): number {
    const reader = this.readers[d];
    if (reader.rawId) {
      const raw = reader.rawId(record);
      let map = this.rawToValue[d];
      if (raw < map.length && map[raw] >= 0) return map[raw];
      if (raw >= map.length) {
        const next = new Int32Array(Math.max(map.length * 2, raw + 1)).fill(-1);
        next.set(map);
        map = this.rawToValue[d] = next;
      }
      return (map[raw] = this.textId(d, reader.rawText!(raw)));
    }
    const key = reader.key(record);
    if (key === null) return -1;
    let id = this.keyIds[d].get(key);
    if (id === undefined) {
      id = this.textId(d, reader.text(key, record));
      if (this.keyIds[d].size < 100_000) this.keyIds[d].set(key, id);
    }
    return id;
  }

  /** The value id of a display text in dimension d. */
  private textId(d: number, text: string): number {
    let id = this.valueIdByText[d].get(text);
    if (id === undefined) {
      id = this.valueTexts[d].length;
      this.valueTexts[d].push(text);
      this.valueIdByText[d].set(text, id);
    }
    return id;
  }

  /** The record's group index, or -1 when a dimension leaves it out. */
  private group(record: SourceRecord): number {
    const dims = this.plan.dimensions.length;
    let composite: number | string;
    const ids = this.rowIds;
    if (dims === 0) composite = 0;
    else if (dims === 1) {
      composite = this.valueId(0, record);
      if (composite < 0) return -1;
    } else {
      for (let d = 0; d < dims; d++) {
        const id = this.valueId(d, record);
        if (id < 0) return -1;
        ids[d] = id;
      }
      // a number while it fits a double's 53 bits exactly (2 dimensions of 2^26 values, 3 of 2^17), else text
      if (dims === 2 && ids[1] < 67108864) composite = ids[0] * 67108864 + ids[1];
      else if (dims === 3 && ids[0] < 131072 && ids[1] < 131072 && ids[2] < 131072) composite = (ids[0] * 131072 + ids[1]) * 131072 + ids[2];
      else composite = ids.join(',');
    }
    let g = this.groupIndex.get(composite);
    if (g === undefined) {
      g = this.groupKeys.length;
      if (g >= (this.plan.maxGroups ?? MAX_GROUPS)) throw this.tooManyGroups(record.line);
      this.groupIndex.set(composite, g);
      // the row's ids are copied only when they start a group: the scratch array is reused for every row
      this.groupKeys.push(dims === 0 ? [] : dims === 1 ? [composite as number] : ids.slice());
      if (g >= this.capacity) this.grow();
    }
    return g;
  }

  /** The error at the group limit, naming the dimension with the most distinct values so far. */
  private tooManyGroups(line: number): InputError {
    const limit = this.plan.maxGroups ?? MAX_GROUPS;
    let d = 0;
    for (let i = 1; i < this.valueTexts.length; i++) if (this.valueTexts[i].length > this.valueTexts[d].length) d = i;
    return groupLimitError(limit, this.plan.dimensions[d]?.name ?? '', this.valueTexts[d]?.length ?? 0, { file: this.plan.file, line });
  }

  private grow(): void {
    const next = this.capacity * 2;
    for (let r = 0; r < this.widths.length; r++) {
      const c = new Float64Array(next * this.widths[r]);
      c.set(this.counts3[r]);
      this.counts3[r] = c;
      const s = new Float64Array(next);
      s.set(this.skipped[r]);
      this.skipped[r] = s;
      const v = new Float64Array(next);
      v.set(this.invalid[r]);
      this.invalid[r] = v;
    }
    this.capacity = next;
  }

  record(record: SourceRecord): void {
    this.counts.rows++;
    const g = this.group(record);
    if (g < 0) {
      this.counts.excluded++;
      return;
    }
    const units = PATTERN_UNITS;
    let pattern = 0;
    for (let r = 0; r < this.scoreColumns.length; r++) {
      const point = this.point(r, record, g);
      if (point === POINT_BLANK) continue;
      if (point === POINT_INVALID) {
        pattern += 2 * units[r];
        continue;
      }
      this.counts3[r][g * this.widths[r] + point]++;
      pattern += units[r];
    }
    this.patterns[pattern]++;
  }

  /** A record the reader left out by rule (a preview or test response, say); counted, not folded. */
  excluded(_line: number, _reason: string): void {
    this.counts.rows++;
    this.counts.excluded++;
  }

  /** A row refused before folding (a bad weight): counted as invalid, its issue logged. */
  invalidRow(issue: RowIssue): void {
    this.counts.rows++;
    this.counts.invalid++;
    this.issues.add(issue);
  }

  /**
   * `record` for enriched folds (enriched-sink.ts calls it): the row's weight goes into Σw and Σw²,
   * or, with --per, its answers go into the state of `entity` (`at`: time for the latest rule).
   */
  recordEnriched(record: SourceRecord, weight: number, entity: string | null, at: number): void {
    this.counts.rows++;
    const g = this.group(record);
    if (g < 0) {
      this.counts.excluded++;
      return;
    }
    const entities = this.entities;
    const e = entities && entity !== null ? entities.entry(g, entity) : -1;
    if (e >= 0) entities!.addRow(e, weight);
    let pattern = 0;
    for (let r = 0; r < this.plan.roles.length; r++) {
      const point = this.point(r, record, g);
      if (point === POINT_BLANK) continue;
      if (point === POINT_INVALID) {
        pattern += 2 * PATTERN_UNITS[r];
        continue;
      }
      pattern += PATTERN_UNITS[r];
      if (e >= 0) entities!.add(e, r, this.plan.roles[r].scale.lo + point, at, record.line);
      else {
        const k = g * this.widths[r] + point;
        this.counts3[r][k]++;
        if (this.weightSums) {
          addExact((this.weightSums[r][k] ??= []), weight);
          addExact((this.weightSqSums![r][k] ??= []), weight * weight);
        }
      }
    }
    this.patterns[pattern]++;
  }

  /**
   * Role r's answer in this record as an offset on its scale; blank answers (counted as skipped) and
   * invalid ones (counted, logged) give POINT_BLANK / POINT_INVALID.
   */
  private point(r: number, record: SourceRecord, g: number): number {
    // a row of another survey type (role.only) has no answer for this role
    const only = this.plan.roles[r].only;
    if (only && !only.values.includes(record.text(only.index).trim().toLowerCase())) {
      this.skipped[r][g]++;
      return POINT_BLANK;
    }
    const point = scorePoint(record, this.scoreColumns[r], this.issues, this.plan.file);
    if (point === POINT_BLANK) this.skipped[r][g]++;
    else if (point === POINT_INVALID) this.invalid[r][g]++;
    return point;
  }

  /** The exact weight sums of group g, per role and point (for mergeFolds). */
  private exactWeights(g: number): { sum: ExactSum[]; squares: ExactSum[] }[] {
    return this.widths.map((w, r) => ({
      sum: Array.from({ length: w }, (_, i) => this.weightSums![r][g * w + i] ?? []),
      squares: Array.from({ length: w }, (_, i) => this.weightSqSums![r][g * w + i] ?? []),
    }));
  }

  unreadable(line: number, message: string): void {
    this.counts.rows++;
    this.counts.invalid++;
    this.issues.add({ code: 'invalid-value', file: this.plan.file, line, message });
  }

  result(): FoldResult {
    const roles = this.plan.roles;
    const groups: GroupResult[] = this.groupKeys.map((ids, g) => ({
      key: ids.map((id, d) => this.valueTexts[d][id]),
      tallies: roles.map((role, r) => {
        const t = emptyTally(role.scale);
        const w = this.widths[r];
        for (let i = 0; i < w; i++) {
          const c = this.counts3[r][g * w + i];
          t.count[i] = c;
          t.weightSum[i] = this.weightSums ? exactValue(this.weightSums[r][g * w + i] ?? []) : c;
          t.weightSqSum[i] = this.weightSqSums ? exactValue(this.weightSqSums[r][g * w + i] ?? []) : c;
        }
        t.skipped = this.skipped[r][g];
        t.invalid = this.invalid[r][g];
        return t;
      }),
      ...(this.weightSums ? { weights: this.exactWeights(g) } : {}),
    }));
    const byAnswers = rowsByPattern(this.patterns, roles.map((_, r) => r));
    const c = this.counts;
    return {
      dimensions: this.plan.dimensions.map((d) => d.name),
      roles: roles.map((r) => ({ role: r.role, column: r.column, scale: r.scale })),
      groups,
      counts: { rows: c.rows, used: byAnswers.used, skipped: byAnswers.skipped, invalid: c.invalid + byAnswers.invalid, excluded: c.excluded },
      patterns: [...this.patterns],
      issues: this.issues.serialize(),
      ...setDimensions(this.plan.dimensions),
      ...(this.entities ? { entities: this.entities.states } : {}),
    };
  }
}


/** `setDimensions` of a result: the tag dimensions, whose keys are sets (absent when there are none). */
export function setDimensions(dimensions: DimensionPlan[]): { setDimensions?: number[] } {
  const sets = dimensions.flatMap((d, i) => (d.kind === 'tags' ? [i] : []));
  return sets.length ? { setDimensions: sets } : {};
}

/** More groups than --max-groups: exit 2, naming the column and its distinct values so far. */
export function groupLimitError(limit: number, column: string, distinct: number, place?: { file: string; line?: number }): InputError {
  const count = (n: number) => formatLimit(n, 'count');
  return new InputError(
    `more than ${count(limit)} groups, the limit: column ${JSON.stringify(column)} has ${count(distinct)} distinct values so far`,
    place,
    `group by a column with fewer values, or raise the limit with --max-groups N (each group takes memory: see docs/security.md)`,
  );
}
