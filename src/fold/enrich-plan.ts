/**
 * The enrichment of a run, bound to one source by column index: the row gate (the --join row, --where,
 * --since/--until; row-gate.ts) and, for a fold, the --weight column and the --per entity column. All
 * plain data: it travels to worker threads inside the FoldPlan. Names are resolved against the
 * responses' columns followed by the join file's (ColumnSpace), and `tag` names the comment tags when
 * --tags is given. A RowScope is what binds it, before any source: the fold binds it to each input, and
 * the row collectors (followup's list, report's comment sample) bind the same scope to theirs.
 */
import { InputError, UsageError } from '../model/errors.js';
import { findColumn, normalizeHeader } from '../io/columns.js';
import { requireCommentColumn } from '../io/person-columns.js';
import type { JoinTable } from '../io/join-table.js';
import type { Source } from '../io/read-source.js';
import type { TagRule } from '../io/tag-rules.js';
import type { DateSource } from '../time/date-dimension.js';
import { bindDateSource } from '../time/date-plan.js';
import type { PerRule } from './entity-state.js';
import type { TagPlan } from './tagger.js';
import type { WhereExpr } from './where.js';
import { bindWhere, type BoundColumn, type BoundWhere } from './where-gate.js';

/** The name of the comment tags as a column (`--by tag`, `--where "tag = billing"`). */
export const TAG_COLUMN = 'tag';

export interface JoinPlan {
  file: string;
  /** the response column holding the key */
  column: string;
  index: number;
  /** joined columns are addressed from `base` (the response header's length) on */
  base: number;
  width: number;
  rows: [string, string[]][];
}

/** Which rows a run considers, and the columns the join adds to them (row-gate.ts applies it). */
export interface GatePlan {
  join?: JoinPlan;
  /** --where (several are joined with "and") */
  where?: BoundWhere;
  /** --since/--until when no date dimension applies them (score, crosstab, drivers, the row collectors…) */
  dates?: { date: DateSource; first: number | null; last: number | null };
  /** lines of rows left out as duplicate responses (duplicates.ts) */
  drop?: number[];
}

export interface EnrichPlan extends GatePlan {
  weight?: { column: string; index: number; decimalComma: boolean };
  per?: { column: string; index: number; rule: PerRule; date?: DateSource };
}

/** What the user asked for, by name (from LoadRequest). */
export interface EnrichRequest {
  where?: WhereExpr[];
  first?: number | null;
  last?: number | null;
  weight?: string;
  per?: string;
  perRule?: PerRule;
}

/**
 * What widens and selects the rows of a run, before it is bound to a source: the join table (read
 * once), the tag rules and the comment column they read, and the --where / --weight / --per request.
 * The date range is not in it: each pass brings its own (report's comment sample reads one period).
 */
export interface RowScope {
  join?: { table: JoinTable; on: string };
  tags?: { file: string; rules: TagRule[] };
  /** --comment: the column the tags read (detected when not given) */
  comment?: string;
  request: Omit<EnrichRequest, 'first' | 'last'>;
}

/** The columns of one source under a scope: its own, the join file's, and `tag`. */
export function scopeSpace(source: Source, scope: RowScope): ColumnSpace {
  return new ColumnSpace(source, scope.join, scope.tags ? tagPlan(source, scope.tags.rules, scope.comment) : undefined);
}

/** The comment tags of one source: the same rules, its own comment column. */
function tagPlan(source: Source, rules: TagRule[], comment: string | undefined): TagPlan {
  const file = source.input.name;
  const index = comment !== undefined ? findColumn(source.header, comment, '--comment', file) : requireCommentColumn(source.header, file, source.labels, source.preview);
  return { column: source.header[index], index, rules };
}

/** The columns a name can refer to in one source: the responses', then the join file's, then `tag`. */
export class ColumnSpace {
  readonly header: string[];

  constructor(
    readonly source: Source,
    /** the join file's table and the response column (--on) that holds its key */
    readonly join: { table: JoinTable; on: string } | undefined,
    readonly tags: TagPlan | undefined,
  ) {
    this.header = [...source.header, ...(join?.table.columns ?? [])];
    if (tags) {
      const clash = this.header.find((h) => normalizeHeader(h) === TAG_COLUMN);
      if (clash !== undefined) throw new UsageError(`--tags: the file already has a column ${JSON.stringify(clash)}; the comment tags are called "${TAG_COLUMN}"`, 'rename that column to use --tags');
    }
  }

  isTag(name: string): boolean {
    return this.tags !== undefined && normalizeHeader(name) === TAG_COLUMN;
  }

  /** The index of a column (responses' or joined); `flag` names the option in errors. */
  index(name: string, flag: string): number {
    if (!this.tags && normalizeHeader(name) === TAG_COLUMN && !this.header.some((h) => normalizeHeader(h) === TAG_COLUMN)) {
      throw new InputError(`${flag}: no column ${JSON.stringify(name)}`, { file: this.source.input.name }, 'to tag the comments by keyword, give --tags RULES.json');
    }
    return findColumn(this.header, name, flag, this.source.input.name, this.source.labels);
  }

  /** Numbers in this column may use a decimal comma (its file is delimited with `;`). */
  decimalComma(index: number): boolean {
    return index >= this.source.header.length ? this.join!.table.decimalComma : this.source.delimiter === ';';
  }

  resolve(name: string, flag: string): BoundColumn {
    if (this.tags && this.isTag(name)) return { column: TAG_COLUMN, tags: this.tags };
    const index = this.index(name, flag);
    return { column: this.header[index], index, decimalComma: this.decimalComma(index) };
  }
}

/** The date column of a binding: for --since/--until (when `gate`: no date dimension applies them) and --per-rule latest. */
export interface DateBinding {
  column?: string;
  timeZone: string;
  format?: string;
  gate: boolean;
}

/** Binds the row gate to one source: the join, --where, and --since/--until when `dates.gate`. */
export function bindGate(space: ColumnSpace, request: Pick<EnrichRequest, 'where' | 'first' | 'last'>, dates: DateBinding): GatePlan {
  const source = space.source;
  const plan: GatePlan = {};
  const join = space.join;
  if (join) {
    const index = findColumn(source.header, join.on, '--on', source.input.name);
    plan.join = { file: join.table.file, column: source.header[index], index, base: source.header.length, width: join.table.columns.length, rows: join.table.rows };
  }
  if (request.where?.length) {
    const bound = request.where.map((w) => bindWhere(w, (name) => space.resolve(name, '--where')));
    plan.where = bound.reduce((left, right) => ({ kind: 'and', left, right }));
  }
  const first = request.first ?? null;
  const last = request.last ?? null;
  if (dates.gate && (first !== null || last !== null)) plan.dates = { date: bindDateSource(source, dates.column!, dates.timeZone, dates.format), first, last };
  return plan;
}

/**
 * Binds the enrichment to one source: the row gate, then --weight and --per. `dates.column` is needed
 * for --since/--until (when `dates.gate`) and for `--per-rule latest`. Undefined when nothing applies.
 */
export function bindEnrich(space: ColumnSpace, request: EnrichRequest, dates: DateBinding): EnrichPlan | undefined {
  const source = space.source;
  const plan: EnrichPlan = bindGate(space, request, dates);
  if (request.weight !== undefined) {
    if (space.isTag(request.weight)) throw new UsageError('--weight: the comment tags are not a number');
    const index = space.index(request.weight, '--weight');
    plan.weight = { column: space.header[index], index, decimalComma: space.decimalComma(index) };
  }
  if (request.per !== undefined) {
    if (space.isTag(request.per)) throw new UsageError('--per: a response can have several tags; roll up by a column');
    const index = space.index(request.per, '--per');
    const rule = request.perRule ?? 'mean';
    plan.per = { column: space.header[index], index, rule, ...(rule === 'latest' ? { date: bindDateSource(source, dates.column!, dates.timeZone, dates.format) } : {}) };
  }
  return Object.keys(plan).length ? plan : undefined;
}
