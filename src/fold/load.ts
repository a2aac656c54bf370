/**
 * What every command starts with: open the inputs, agree on their columns, decide which column plays
 * which role, and fold all records into Tallies grouped by the requested dimensions — enriched, when
 * asked, with a joined customer file, a row filter, weights, comment tags and per-entity roll-ups.
 */
import { type Role, roleOf, type Metric } from '../model/metrics.js';
import { InputError, UsageError } from '../model/errors.js';
import type { Scale } from '../model/tally.js';
import { findColumn } from '../io/columns.js';
import { readJoinTable } from '../io/join-table.js';
import { openSources, type OpenOptions, type Source } from '../io/read-source.js';
import type { TagRule } from '../io/tag-rules.js';
import type { Encoding } from '../io/decode.js';
import { bindDateDimension, resolveDateColumn, type DateRequest } from '../time/date-plan.js';
import { bindEnrich, scopeSpace, type EnrichPlan, type EnrichRequest, type RowScope } from './enrich-plan.js';
import type { PerRule } from './entity-state.js';
import { foldClusters } from './cluster-dimension.js';
import { foldSource } from './fold-source.js';
import { groupLimitError, type FoldResult } from './fold.js';
import { MAX_GROUPS } from '../io/limits.js';
import { foldTotal, Marginals } from './marginals.js';
import { outOfRangeMessage } from './out-of-range.js';
import { checkFiltersMatch } from './filter-check.js';
import { mergeFolds } from './merge-folds.js';
import { Progress } from './progress.js';
import { bindPlan, checkSameColumns, resolveRoles, sourceContext, type RoleSpec } from './plan.js';
import { formatWhere } from './where.js';
import { refuseRepeatedFiles, scanDuplicates, type DuplicatePolicy } from './duplicates.js';

/**
 * What results say about an input: its name and how it was read. A Source is one; a tally file
 * carries the same facts about the inputs it was counted from (load-tallies.ts).
 */
export type SourceInfo = Pick<Source, 'layout' | 'layoutEvidence' | 'headerRows' | 'dataLine' | 'notes'> & {
  input: { name: string };
  rules: { notAnswered?: { what: string } };
};

export interface LoadRequest {
  files: string[];
  columns: Partial<Record<Role, string>>;
  scales: Partial<Record<Role, Scale>>;
  bands: Partial<Record<Role, Scale>>;
  metrics: Metric[] | undefined;
  by: string[];
  /** label maps from a config file, per role */
  labels?: Partial<Record<Role, Record<string, number>>>;
  /** a dimension from the date column, after the --by columns (trend periods, compare windows) */
  date?: DateRequest;
  delimiter?: string;
  encoding?: Encoding;
  sheet?: string;
  entry?: string;
  /** `--layout`: the export's layout instead of the detected one */
  layout?: string;
  /** keep Qualtrics previews, tests and spam */
  includePreviews?: boolean;
  /** keep partial responses (Typeform) */
  includePartials?: boolean;
  stdin?: NodeJS.ReadableStream;
  threads?: number;
  /** --max-groups (MAX_GROUPS when absent) */
  maxGroups?: number;
  /** a display of reading progress (the command line's bar); it decides whether to show itself */
  progressDisplay?: ProgressDisplay;
  /** --date, --tz, --date-format: the date column for --since/--until and --per-rule latest (trend/compare bring their own in `date`) */
  dateColumn?: string;
  timeZone?: string;
  dateFormat?: string;
  /** --join FILE --on COL[=COL2] */
  join?: { file: string; on: string; key: string };
  /** --cluster COL: folded as a hidden group dimension after --by, then kept per Tally (cluster-dimension.ts) */
  cluster?: string;
  /** --duplicates and --id: how a response id seen more than once counts (duplicates.ts) */
  duplicates?: DuplicatePolicy;
  idColumn?: string;
  /** --tags RULES (already read) and --comment COL */
  tags?: { file: string; rules: TagRule[] };
  comment?: string;
}

/** What the enrichment options did, for settings and notes. */
export interface EnrichInfo {
  weight?: { column: string };
  where?: string[];
  join?: { file: string; on: string; key: string; columns: string[]; rows: number; notes: string[] };
  per?: { column: string; rule: PerRule };
  tags?: { file: string; column: string; tags: string[] };
  /** --since/--until on the date column (the gate of commands without periods) */
  dates?: { column: string; since: string | null; until: string | null };
  /** the duplicate-response check, when it ran */
  duplicates?: { column: string; policy: string; dropped: number; ids: number };
}

export interface ProgressDisplay {
  /** whether to show progress for this much input; if true, `tick` and `end` follow */
  start(progress: Progress): boolean;
  tick(): void;
  end(): void;
}

export interface Loaded {
  /** the inputs read (from tallies: the inputs the tallies were counted from) */
  sources: SourceInfo[];
  roles: RoleSpec[];
  metrics: Metric[];
  fold: FoldResult;
  /** the fold's Tallies per group, in total and outside a group (tags expanded, entities rolled up) */
  marginals: Marginals;
  /** the date column and the layouts read in it (first source first), when a date dimension was asked for */
  date?: { column: string; formats: string[] };
  enrich: EnrichInfo;
  /** what selected and widened the rows, for a second pass over the inputs (report's comment sample) */
  scope?: RowScope;
}

/** --since/--until as given (for settings), next to the day numbers in LoadRequest. */
export interface DateBounds {
  since?: string | null;
  until?: string | null;
}

export async function load(request: LoadRequest & EnrichRequest & DateBounds): Promise<Loaded> {
  refuseRepeatedFiles(request.files);
  const sources: Source[] = [];
  for (const file of request.files) {
    sources.push(...(await openSources(file, openOptions(request))));
  }
  checkSameColumns(sources);
  const first = sources[0];
  const wanted = request.metrics ? [...new Set(request.metrics.map(roleOf))] : undefined;
  const roles = resolveRoles(first.header, first.input.name, request, wanted, sourceContext(first));
  const metrics: Metric[] = request.metrics ?? roles.map((r) => r.role);
  const dateColumn = request.date ? resolveDateColumn(first, request.date.column) : undefined;
  const hasBounds = (request.first ?? null) !== null || (request.last ?? null) !== null;
  // --since/--until need the date column too when no date dimension applies them, and so does --per-rule latest
  const gateDates = !request.date && hasBounds;
  const needsDates = gateDates || (request.per !== undefined && request.perRule === 'latest');
  const gateColumn = needsDates ? resolveDateColumn(first, request.dateColumn) : undefined;
  const scope = await rowScope(request, first);
  const duplicates = await scanDuplicates(sources, request.duplicates, request.idColumn, openOptions(request));
  const formats: string[] = [];
  const display = request.progressDisplay;
  let progress: Progress | undefined = new Progress(
    sources.reduce((sum, s) => sum + (s.input.size ?? 0), 0),
    () => display?.tick(),
  );
  if (!display?.start(progress)) progress = undefined;
  const parts = [];
  let firstEnrich: EnrichPlan | undefined;
  try {
    for (const source of sources) {
      const extra = [];
      if (request.date && dateColumn !== undefined) {
        const dimension = bindDateDimension(source, dateColumn, clipWindows(request.date, request.first ?? null, request.last ?? null), request.by);
        for (const f of dimension.date.formats) if (!formats.includes(f)) formats.push(f);
        extra.push(dimension);
      }
      const space = scopeSpace(source, scope);
      // named as --cluster in the error, before bindPlan would call it a --by column
      if (request.cluster !== undefined && space) space.index(request.cluster, '--cluster');
      else if (request.cluster !== undefined) findColumn(source.header, request.cluster, '--cluster', source.input.name);
      const plan = bindPlan(source, roles, request.cluster !== undefined ? [...request.by, request.cluster] : request.by, extra, space);
      let enrich = bindEnrich(space, request, { column: gateColumn, timeZone: request.timeZone ?? 'UTC', format: request.dateFormat, gate: gateDates });
      const drop = duplicates?.drop[sources.indexOf(source)];
      if (drop?.length) enrich = { ...(enrich ?? {}), drop };
      if (enrich) plan.enrich = enrich;
      if (request.maxGroups !== undefined) plan.maxGroups = request.maxGroups;
      if (source === first) firstEnrich = enrich;
      const result = await foldSource(source, plan, { threads: request.threads, progress });
      progress?.finishInput(source.input.size ?? 0, result.counts.rows);
      parts.push({ result });
    }
  } finally {
    if (progress) display!.end();
  }
  checkDataRows(sources, parts.map((p) => p.result.counts.rows));
  const merged = parts.length === 1 ? parts[0].result : mergeFolds(parts);
  // with --cluster the (group, cluster) pairs are what is held in memory: they are counted against the limit
  checkGroupCount(merged, request.maxGroups ?? MAX_GROUPS);
  const fold = request.cluster !== undefined ? foldClusters(merged, request.by.length) : merged;
  checkFiltersMatch(first, request, fold.counts);
  checkScales(first, roles, fold);
  const enrich = enrichInfo(request, first, firstEnrich, scope, gateDates ? gateColumn : undefined);
  if (duplicates) enrich.duplicates = { column: duplicates.column, policy: duplicates.policy, dropped: duplicates.dropped, ids: duplicates.ids };
  return { sources, roles, metrics, fold, marginals: new Marginals(fold), ...(dateColumn !== undefined ? { date: { column: dateColumn, formats } } : {}), enrich, scope };
}

/** The request's row scope: the join file read (its columns named against `first`'s), the tag rules, --where, --weight, --per. */
export async function rowScope(request: Pick<LoadRequest, 'join' | 'tags' | 'comment'> & Omit<EnrichRequest, 'first' | 'last'>, first: Source): Promise<RowScope> {
  if (request.join && request.join.file === '-') throw new UsageError('--join reads a file, not standard input');
  const table = request.join ? await readJoinTable(request.join.file, request.join.key, first.header) : undefined;
  return {
    ...(table ? { join: { table, on: request.join!.on } } : {}),
    ...(request.tags ? { tags: request.tags } : {}),
    ...(request.comment !== undefined ? { comment: request.comment } : {}),
    request: { where: request.where, weight: request.weight, per: request.per, perRule: request.perRule },
  };
}

/**
 * --since/--until with a date dimension: its days cut to the range (compare's windows; the day or
 * period grain of trend, check and report, whose own bounds stay when they are narrower).
 */
function clipWindows(date: DateRequest, first: number | null, last: number | null): DateRequest {
  if (first === null && last === null) return date;
  const lo = (a: number | null) => (a === null ? first : first === null ? a : Math.max(a, first));
  const hi = (a: number | null) => (a === null ? last : last === null ? a : Math.min(a, last));
  const g = date.grouping;
  if (g.kind === 'period') return { ...date, grouping: { ...g, first: lo(g.first), last: hi(g.last) } };
  const windows = g.windows.map((w) => ({ ...w, first: lo(w.first)!, last: hi(w.last)! }));
  return { ...date, grouping: { kind: 'date-window', windows } };
}

/** What the options did, with columns named as in the file (the first source's binding). */
function enrichInfo(request: LoadRequest & EnrichRequest & DateBounds, first: Source, plan: EnrichPlan | undefined, scope: RowScope, gateColumn: string | undefined): EnrichInfo {
  const info: EnrichInfo = {};
  const join = scope.join?.table;
  if (plan?.weight) info.weight = { column: plan.weight.column };
  if (request.where?.length) info.where = request.where.map(formatWhere);
  if (join && request.join) info.join = { file: join.file, on: plan?.join?.column ?? request.join.on, key: join.key, columns: join.columns, rows: join.rows.length, notes: join.notes };
  if (plan?.per) info.per = { column: plan.per.column, rule: plan.per.rule };
  if (request.tags) info.tags = { file: request.tags.file, column: scopeSpace(first, scope).tags!.column, tags: request.tags.rules.map((r) => r.tag) };
  if (gateColumn !== undefined) info.dates = { column: gateColumn, since: request.since ?? null, until: request.until ?? null };
  return info;
}

/** A score column most of whose answers lie outside its scale is the wrong column or the wrong scale: exit 2, with the range seen. */
function checkScales(first: Source, roles: RoleSpec[], fold: FoldResult): void {
  for (const spec of roles) {
    const index = first.header.indexOf(spec.column);
    const message = outOfRangeMessage(spec, foldTotal(fold, spec), first.preview.map((row) => row[index] ?? ''));
    if (message) throw new InputError(message, { file: first.input.name }, `declare the scale the question used with --scale ${spec.role}=LO-HI, or name another column with --${spec.role}`);
  }
}

export const NO_DATA_ROWS = 'no data rows: the file has a header and nothing after it';

/**
 * Zero data rows is a broken export, not a score of n = 0: a run whose inputs hold no rows at all
 * stops with exit 2 (a cron job or CI gate should notice); a header-only file among files with rows is
 * noted and the run goes on.
 */
function checkDataRows(sources: Source[], rows: number[]): void {
  if (rows.some((n) => n > 0)) {
    sources.forEach((s, k) => {
      if (rows[k] === 0) s.notes.push(NO_DATA_ROWS);
    });
    return;
  }
  const hint = 'an export of a period nobody answered in? cxm stops rather than report n = 0';
  if (sources.length === 1) throw new InputError(NO_DATA_ROWS, { file: sources[0].input.name, line: sources[0].dataLine }, hint);
  throw new InputError(`no data rows in any of the ${sources.length} files: each has a header and nothing after it`, { file: sources[0].input.name }, hint);
}

/** How the reader should open each input of a request. */
export function openOptions(request: Pick<LoadRequest, 'delimiter' | 'encoding' | 'sheet' | 'entry' | 'layout' | 'includePreviews' | 'includePartials' | 'stdin'>): OpenOptions {
  return { delimiter: request.delimiter, encoding: request.encoding, sheet: request.sheet, entry: request.entry, layout: request.layout, includePreviews: request.includePreviews, includePartials: request.includePartials, stdin: request.stdin };
}

/** Files and threads each under the limit may make more groups together. */
function checkGroupCount(fold: FoldResult, limit: number): void {
  if (fold.groups.length <= limit) return;
  const distinct = fold.dimensions.map((_, d) => new Set(fold.groups.map((g) => g.key[d])).size);
  const d = distinct.indexOf(Math.max(...distinct));
  throw groupLimitError(limit, fold.dimensions[d] ?? '', distinct[d]);
}
