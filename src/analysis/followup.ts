/**
 * `cxm followup`: the close-the-loop list — the respondents to call back (detractors by default), with
 * id, date, score, category, segment and contact columns and the comment, newest first. Unlike the
 * other commands it keeps rows, not Tallies, so memory is bounded by --limit: a heap keeps the newest
 * N matching rows, and the strings of a row are copied only when it makes the cut.
 *
 * Which rows it reads is decided by the row gate the fold uses (row-gate.ts): the --join row, --where,
 * --since/--until on the date column — so the list and a score with the same flags are about the same
 * rows. With --tags each row carries its tags. Every row read is counted once, as for the fold:
 * excluded (left out by the gate, or by a layout's rules), skipped (no answer in the score column),
 * invalid (an invalid score, reported with its line) or used (a valid score). Used rows that match the
 * group, the score range and --with-comment are "matched"; the newest --limit of them are listed.
 */
import { ROLE_DEFS, ROLES, type Role, roleName } from '../model/metrics.js';
import { IssueLog } from '../model/issues.js';
import { UsageError } from '../model/errors.js';
import type { Scale } from '../model/tally.js';
import { findColumn } from '../io/columns.js';
import { detectCommentColumn, detectContactColumns, detectIdColumn } from '../io/person-columns.js';
import { readSource, type Source } from '../io/read-source.js';
import type { RecordSink, SourceRecord } from '../io/record.js';
import { POINT_BLANK, POINT_INVALID, scorePoint } from '../io/score-point.js';
import { cachedScoreParser, type ScoreCell } from '../io/values.js';
import { formatCivil } from '../time/calendar.js';
import { BoundedHeap } from './bounded-heap.js';
import { detectDateColumn } from '../time/date-column.js';
import { bindDateSource, resolveDateColumn } from '../time/date-plan.js';
import { bindEnrich, scopeSpace, type ColumnSpace, type RowScope } from '../fold/enrich-plan.js';
import { enrichedSink, type EnrichedTarget } from '../fold/enriched-sink.js';
import type { FoldCounts } from '../fold/fold.js';
import { checkSameColumns, npsClassOf, resolveRoles, sourceContext, type ColumnOptions, type RoleSpec } from '../fold/plan.js';
import { collectWarnings, inputSummary, type EnrichSettings, type InputSummary, type Warning, resultEnvelope } from './result.js';
import { createRowDateReader, type RowDate } from '../time/row-date.js';
import { tagList, taggerFor } from '../fold/tagger.js';
import { formatWhere } from '../fold/where.js';

/** NPS classes, and the success band (or not) of a CSAT / CES answer. */
export const NPS_GROUPS = ['detractors', 'passives', 'promoters'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** Which columns the list shows, by name (resolved on the first file, bound by name in each). */
export interface FollowupColumns {
  id: string | null;
  comment: string | null;
  contacts: string[];
  /** null: no date column (rows listed in file order, latest first) */
  date: string | null;
  by: string[];
}

/** No scope: no join, no tags, no filter (what a list of the responses alone reads). */
export const PLAIN_SCOPE: RowScope = { request: {} };

export interface FollowupSettings {
  spec: RoleSpec;
  /** categories to list (see categoryOf); null for every answer */
  categories: string[] | null;
  /** --score LO-HI: list answers in this range instead of by category */
  scores: Scale | null;
  /** --since/--until as local day numbers (the row gate applies them on the date column) */
  since: number | null;
  until: number | null;
  withComment: boolean;
  limit: number;
  timeZone: string;
  /** --date-format: the one date layout to read, else decided per file */
  dateFormat?: string;
}

export interface FollowupRow {
  id: string | null;
  /** the local calendar day (YYYY-MM-DD) in --tz, null without a usable date */
  date: string | null;
  /** the date cell as written */
  timestamp: string | null;
  score: number;
  category: string;
  group: Record<string, string>;
  contact: Record<string, string>;
  comment: string | null;
  /** the comment's tags (with --tags; none: []) */
  tags?: string[];
  file: string;
  line: number;
}

/** The category of an answer: NPS detractor/passive/promoter; CSAT satisfied or not; CES agree or not. */
export function categoryOf(spec: RoleSpec, value: number): string {
  const words = ROLE_DEFS[spec.role].success;
  if (words === null) return groupCategory(npsClassOf(value - spec.scale.lo));
  return value >= spec.band.lo && value <= spec.band.hi ? words.yes : words.no;
}

/** The category an NPS group stands for (`detractors` → `detractor`). */
export const groupCategory = (group: NpsGroup): string => group.slice(0, -1);

/**
 * Column names for the list: given, else found from the first file's header. Named columns may be the
 * join file's (`--by tier`, `--contact owner`); detected ones are the responses' own (the respondent's
 * id, comment and contact details). `tag` in --by (with --tags) is the tags column every row has then.
 */
export function resolveFollowupColumns(
  space: ColumnSpace,
  given: { id?: string; comment?: string; contacts?: string[] | null; date: string | null; by: string[] },
): FollowupColumns {
  const source = space.source;
  const header = source.header;
  const file = source.input.name;
  const name = (value: string, flag: string) => space.header[space.index(value, flag)];
  const id = given.id !== undefined ? name(given.id, '--id') : (header[detectIdColumn(header) ?? -1] ?? null);
  const comment = given.comment !== undefined ? name(given.comment, '--comment') : (header[detectCommentColumn(header, file, source.labels, source.preview) ?? -1] ?? null);
  const contacts = given.contacts === null ? [] : given.contacts !== undefined ? given.contacts.map((c) => name(c, '--contact')) : detectContactColumns(header, source.labels).map((i) => header[i]);
  const by = given.by.filter((b) => !space.isTag(b)).map((b) => name(b, '--by'));
  return { id, comment, contacts, date: given.date, by };
}

interface Candidate {
  day: number;
  ms: number;
  fileIndex: number;
  line: number;
  row: FollowupRow | null;
}

/** Newer first: later day, later time, later file, later line. Rows without a date are the oldest. */
function newer(a: Candidate, b: Candidate): number {
  return a.day - b.day || a.ms - b.ms || a.fileIndex - b.fileIndex || a.line - b.line;
}

export class FollowupCollector {
  readonly issues = new IssueLog();
  readonly counts: FoldCounts = { rows: 0, used: 0, skipped: 0, invalid: 0, excluded: 0 };
  matched = 0;
  /** the date layouts read, over all sources */
  readonly dateFormats: string[] = [];
  private readonly heap: BoundedHeap<Candidate>;
  private readonly parse: (raw: string) => ScoreCell;

  constructor(
    private readonly columns: FollowupColumns,
    private readonly s: FollowupSettings,
    /** the join, tags and --where of the run (--weight and --per too for report's comment sample) */
    private readonly scope: RowScope = PLAIN_SCOPE,
  ) {
    this.heap = new BoundedHeap(s.limit, newer);
    this.parse = cachedScoreParser(s.spec.scale, s.spec.labels.length ? new Map(s.spec.labels) : undefined);
  }

  /** A sink for one source (sources read one after another, in order): the row gate, then the list. */
  sink(source: Source, fileIndex: number): RecordSink {
    const file = source.input.name;
    const space = scopeSpace(source, this.scope);
    const at = (name: string, flag: string) => space.index(name, flag);
    const scoreIndex = at(this.s.spec.column, `--${this.s.spec.role}`);
    const idIndex = this.columns.id === null ? -1 : at(this.columns.id, '--id');
    const commentIndex = this.columns.comment === null ? -1 : at(this.columns.comment, '--comment');
    const contacts = this.columns.contacts.map((c) => [c, at(c, '--contact')] as const);
    const by = this.columns.by.map((c) => [c, at(c, '--by')] as const);
    const dateSource = this.columns.date === null ? null : bindDateSource(source, this.columns.date, this.s.timeZone, this.s.dateFormat);
    for (const f of dateSource?.formats ?? []) if (!this.dateFormats.includes(f)) this.dateFormats.push(f);
    // rows outside --since/--until never get here (the gate leaves them out): this reads the time to sort by
    const readDate = dateSource ? createRowDateReader(dateSource, { file, issues: this.issues }) : null;
    const tagger = space.tags ? taggerFor(space.tags) : null;
    const { spec, categories, scores, withComment } = this.s;
    const counts = this.counts;
    const scoreColumn = { index: scoreIndex, column: spec.column, scale: spec.scale, parse: this.parse };
    const consider = (record: SourceRecord) => {
      counts.rows++;
      const date: RowDate | null = readDate ? readDate(record) : null;
      const point = scorePoint(record, scoreColumn, this.issues, file);
      if (point === POINT_BLANK) {
        counts.skipped++;
        return;
      }
      if (point === POINT_INVALID) {
        counts.invalid++;
        return;
      }
      const value = spec.scale.lo + point;
      counts.used++;
      const category = categoryOf(spec, value);
      if (scores ? value < scores.lo || value > scores.hi : categories !== null && !categories.includes(category)) return;
      const comment = commentIndex === -1 ? null : record.text(commentIndex).trim();
      if (withComment && !comment) return;
      this.matched++;
      const candidate: Candidate = { day: date?.day ?? -Infinity, ms: date?.ms ?? -Infinity, fileIndex, line: record.line, row: null };
      if (!this.heap.wouldKeep(candidate)) {
        this.heap.dropped++;
        return;
      }
      const text = (i: number) => record.text(i).trim();
      candidate.row = {
        id: idIndex === -1 ? null : text(idIndex),
        date: date === null ? null : formatCivil(date.day),
        timestamp: dateSource === null ? null : text(dateSource.index),
        score: value,
        category,
        group: Object.fromEntries(by.map(([name, i]) => [name, text(i) || '(blank)'])),
        contact: Object.fromEntries(contacts.map(([name, i]) => [name, text(i)])),
        comment,
        ...(tagger ? { tags: tagList(tagger(record)) } : {}),
        file,
        line: record.line,
      };
      this.heap.push(candidate);
    };
    const list: EnrichedTarget = {
      issues: this.issues,
      record: consider,
      // report's comment sample: a row with a usable weight and entity is listed like any other
      recordEnriched: (r: SourceRecord) => consider(r),
      invalidRow: (issue) => {
        counts.rows++;
        counts.invalid++;
        this.issues.add(issue);
      },
      unreadable: (line: number, message: string) => {
        counts.rows++;
        counts.invalid++;
        this.issues.add({ code: 'invalid-value', file, line, message });
      },
      excluded: () => {
        counts.rows++;
        counts.excluded++;
      },
    };
    const request = { ...this.scope.request, first: this.s.since, last: this.s.until };
    const plan = bindEnrich(space, request, { column: this.columns.date ?? undefined, timeZone: this.s.timeZone, format: this.s.dateFormat, gate: true });
    return plan ? enrichedSink(list, plan, file) : list;
  }

  /** Reads the sources one after another into the list. */
  async read(sources: Source[]): Promise<void> {
    for (const [i, source] of sources.entries()) await readSource(source, this.sink(source, i), this.issues);
  }

  /** The rows kept, newest first. */
  rows(): FollowupRow[] {
    return this.heap.sorted().map((c) => c.row!);
  }
}

export interface FollowupResult {
  cxm: 1;
  command: 'followup';
  input: InputSummary;
  settings: {
    metric: Role;
    column: string;
    scale: Scale;
    /** the categories listed (null: all), or the score range */
    categories: string[] | null;
    scores: Scale | null;
    since: string | null;
    until: string | null;
    withComment: boolean;
    limit: number;
    columns: FollowupColumns;
    date: { column: string; formats: string[]; timeZone: string } | null;
  } & Pick<EnrichSettings, 'where' | 'join' | 'tags'>;
  /** matching rows, and how many of them the list shows */
  matched: number;
  listed: number;
  rows: FollowupRow[];
  warnings: Warning[];
}

export function followupResult(sources: Source[], collector: FollowupCollector, columns: FollowupColumns, s: FollowupSettings, scope: RowScope = PLAIN_SCOPE): FollowupResult {
  const rows = collector.rows();
  const warnings = collectWarnings(sources, collector.issues.serialize());
  const join = scope.join;
  if (join) for (const note of join.table.notes) warnings.push({ code: 'read-note', message: note, file: join.table.file });
  if (columns.date === null) warnings.push({ code: 'no-date-column', message: 'no date column: rows are listed latest in the file first' });
  if (columns.comment === null) warnings.push({ code: 'no-comment-column', message: 'no comment column found (name one with --comment)' });
  if (collector.matched > rows.length) {
    warnings.push({ code: 'limit', message: `${collector.matched - rows.length} more matching rows not listed (--limit ${s.limit}); narrow with --since, or raise --limit` });
  }
  return resultEnvelope('followup', {
    input: inputSummary(sources, collector.counts),
    settings: {
      metric: s.spec.role,
      column: s.spec.column,
      scale: s.spec.scale,
      categories: s.scores ? null : s.categories,
      scores: s.scores,
      since: s.since === null ? null : formatCivil(s.since),
      until: s.until === null ? null : formatCivil(s.until),
      withComment: s.withComment,
      limit: s.limit,
      columns,
      date: columns.date === null ? null : { column: columns.date, formats: collector.dateFormats, timeZone: s.timeZone },
      ...scopeSettings(sources[0], scope, collector),
    },
    matched: collector.matched,
    listed: rows.length,
    rows,
    warnings,
  });
}

/** --where, --join and --tags as the settings of the other commands name them. */
function scopeSettings(first: Source, scope: RowScope, collector: FollowupCollector): Pick<EnrichSettings, 'where' | 'join' | 'tags'> {
  const out: Pick<EnrichSettings, 'where' | 'join' | 'tags'> = {};
  const where = scope.request.where;
  if (where?.length) out.where = where.map(formatWhere);
  const join = scope.join;
  if (join) {
    const t = join.table;
    out.join = { file: t.file, on: first.header[findColumn(first.header, join.on, '--on', first.input.name)], key: t.key, columns: t.columns, rows: t.rows.length, unmatched: collector.issues.count('unmatched-join') };
  }
  if (scope.tags) out.tags = { file: scope.tags.file, column: scopeSpace(first, scope).tags!.column, tags: scope.tags.rules.map((r) => r.tag) };
  return out;
}

/** What the command line asks for: the list's settings before the score column is known, and the columns to show. */
export interface FollowupRequest extends ColumnOptions, Omit<FollowupSettings, 'spec' | 'categories'> {
  /** the score to list; undefined: NPS when found, else the first score column */
  role: Role | undefined;
  /** undefined: the metric's default (DEFAULT_CATEGORIES) */
  categories: string[] | null | undefined;
  dateColumn: string | undefined;
  /** --since/--until given: the date column is required */
  needsDate: boolean;
  id: string | undefined;
  comment: string | undefined;
  /** undefined: detect; null: none (--no-contact) */
  contacts: string[] | null | undefined;
  by: string[];
}

/** The default answers to call back: NPS detractors; CSAT and CES answers outside the success band. */
export const DEFAULT_CATEGORIES = Object.fromEntries(ROLES.map((r) => [r, [ROLE_DEFS[r].success?.no ?? groupCategory('detractors')]])) as Record<Role, string[]>;

/** From the request and the first file's header (and the join file's) to the columns and settings of the list. */
export function planFollowup(sources: Source[], request: FollowupRequest, scope: RowScope = PLAIN_SCOPE): { columns: FollowupColumns; settings: FollowupSettings } {
  checkSameColumns(sources);
  const first = sources[0];
  const roles = resolveRoles(first.header, first.input.name, request, request.role ? [request.role] : undefined, sourceContext(first));
  const spec = roles.find((r) => r.role === (request.role ?? 'nps')) ?? roles[0];
  if (request.scores && (request.scores.lo < spec.scale.lo || request.scores.hi > spec.scale.hi)) {
    throw new UsageError(`--score ${request.scores.lo}-${request.scores.hi} is not inside the ${roleName(spec.role)} scale ${spec.scale.lo}-${spec.scale.hi}`);
  }
  const found = request.dateColumn !== undefined || request.needsDate || first.dateHint !== undefined || detectDateColumn(first.header, first.input.name) !== null;
  const date = found ? resolveDateColumn(first, request.dateColumn) : null;
  const columns = resolveFollowupColumns(scopeSpace(first, scope), { id: request.id, comment: request.comment, contacts: request.contacts, date, by: request.by });
  const settings: FollowupSettings = {
    spec,
    categories: request.categories === undefined ? DEFAULT_CATEGORIES[spec.role] : request.categories,
    scores: request.scores,
    since: request.since,
    until: request.until,
    withComment: request.withComment,
    limit: request.limit,
    timeZone: request.timeZone,
    dateFormat: request.dateFormat,
  };
  return { columns, settings };
}
