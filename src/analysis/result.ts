/**
 * The parts of the JSON v1 envelope every command shares: what was read, with which settings, and
 * the warnings. (ARCHITECTURE.md, Contracts: add fields, never rename.)
 */
import { metricDef, type Metric, roleName, unhandledKind } from '../model/metrics.js';
import { shownIssues, type IssueCode, type SerializedIssueLog } from '../model/issues.js';
import { layoutTitle } from '../io/layout.js';
import type { PAdjustMethod } from '../stats/types.js';
import { methodOf, type StatSettings } from './estimate.js';
import type { RoleSpec } from '../fold/plan.js';
import type { FoldCounts, FoldResult } from '../fold/fold.js';
import type { EnrichInfo, Loaded, SourceInfo } from '../fold/load.js';
import { foldTotal } from '../fold/marginals.js';
import { narrowRangeMessage } from './scale-check.js';
import { duplicateMessage } from '../fold/duplicates.js';

export interface InputSummary {
  files: string[];
  rows: number;
  used: number;
  skipped: number;
  invalid: number;
  excluded: number;
}

export interface Warning {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: string;
}

/** The statistics settings every command reports: level, interval method per metric, low base, adjustment. */
export interface StatSettingsJson {
  level: number;
  methods: Record<string, string>;
  minN: number;
  adjust: PAdjustMethod;
  /** the test of a difference per metric (segment vs rest, period vs previous): it need not be the interval's method */
  tests: Record<string, string>;
  /** --cluster: the id column whose clusters the variances are robust to */
  cluster?: string;
  /** --adjust-across all: one adjustment family over every test the command prints */
  adjustAcross?: 'all';
}

export function statSettings(metrics: Metric[], s: StatSettings & { minN: number; adjust: PAdjustMethod; adjustAcross?: string }): StatSettingsJson {
  const methods: Record<string, string> = {};
  const tests: Record<string, string> = {};
  for (const m of metrics) {
    methods[m] = methodOf(m, s.methods, s.variance);
    tests[m] = testOf(m, s);
  }
  return { level: s.level, methods, tests, minN: s.minN, adjust: s.adjust, ...(s.adjustAcross === 'all' ? { adjustAcross: 'all' as const } : {}), ...(s.cluster !== undefined ? { cluster: s.cluster } : {}) };
}

/**
 * Which test compares two groups (estimate.ts compareTallies): NPS the adjusted difference test unless
 * --method nps=wald (score and bootstrap set only the interval of each score), or the linearized one;
 * percents Newcombe; means Welch t, or t on the cluster SE under --cluster.
 */
export function testOf(metric: Metric, s: StatSettings): string {
  const def = metricDef(metric);
  switch (def.kind) {
    case 'nps':
      return s.variance === 'linearized' ? 'linearized' : s.methods[def.role] === 'wald' ? 'wald' : 'adjusted-wald';
    case 'proportion':
      return 'newcombe';
    case 'mean':
      return s.cluster !== undefined ? 'cluster-t' : 'welch-t';
    default:
      return unhandledKind(def);
  }
}

/** Which column each score role was read from. */
export function roleColumns(roles: RoleSpec[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const r of roles) columns[r.role] = r.column;
  return columns;
}

export function inputSummary(sources: SourceInfo[], counts: FoldCounts): InputSummary {
  return {
    files: sources.map((s) => s.input.name),
    rows: counts.rows,
    used: counts.used,
    skipped: counts.skipped,
    invalid: counts.invalid,
    excluded: counts.excluded,
  };
}

/** Issue codes summarised in one warning each instead of listed row by row. */
const SUMMARISED = new Set(['excluded-preview', 'excluded-test', 'excluded-spam', 'excluded-partial', 'excluded-unanswered', 'unfinished-row']);

/**
 * The enrichment a run used, for `settings` (only what was asked for, so plain runs keep their JSON):
 * `weight` {column, variance}, `where` (as read, fully parenthesised), `join` {file, on, key, columns,
 * rows, unmatched}, `per` {column, rule}, `tags` {file, column, tags}, and for commands without periods
 * `dates` {column, since, until} of --since/--until.
 */
export interface EnrichSettings {
  weight?: { column: string; variance: string };
  where?: string[];
  join?: { file: string; on: string; key: string; columns: string[]; rows: number; unmatched: number };
  per?: { column: string; rule: string };
  tags?: { file: string; column: string; tags: string[] };
  dates?: { column: string; since: string | null; until: string | null };
}

export function enrichSettings(loaded: Pick<Loaded, 'enrich' | 'fold'>, s: StatSettings): EnrichSettings {
  const e: EnrichInfo = loaded.enrich;
  const out: EnrichSettings = {};
  if (e.weight) out.weight = { column: e.weight.column, variance: s.variance ?? 'kish' };
  if (e.where) out.where = e.where;
  if (e.join) {
    const unmatched = loaded.fold.issues.counts.find(([code]) => code === 'unmatched-join')?.[1] ?? 0;
    out.join = { file: e.join.file, on: e.join.on, key: e.join.key, columns: e.join.columns, rows: e.join.rows, unmatched };
  }
  if (e.per) out.per = { column: e.per.column, rule: e.per.rule };
  if (e.tags) out.tags = { file: e.tags.file, column: e.tags.column, tags: e.tags.tags };
  if (e.dates) out.dates = { column: e.dates.column, since: e.dates.since, until: e.dates.until };
  return out;
}

/**
 * loadWarnings of a loaded data set, with notes on the join file and, with --per, a warning when
 * entities answered in more than one group over `dims` (each counts in every group it answered in).
 */
export function loadedWarnings(loaded: Pick<Loaded, 'sources' | 'roles' | 'fold' | 'enrich' | 'marginals'>, perDims: number[][] = []): Warning[] {
  // the scale check reads the total answers (with --per, the entities' answers)
  const out = loadWarnings(loaded, { ...loaded.fold, groups: [{ key: [], tallies: loaded.marginals.total() }] });
  const join = loaded.enrich.join;
  if (join) for (const note of join.notes) out.push({ code: 'read-note', message: note, file: join.file });
  const duplicates = loaded.enrich.duplicates;
  if (duplicates && duplicates.dropped > 0) out.push({ code: 'duplicate-responses', message: duplicateMessage(duplicates), column: duplicates.column });
  const per = loaded.enrich.per;
  if (per && loaded.marginals.perEntity) {
    for (const dims of perDims) {
      const n = loaded.marginals.entitiesInSeveralGroups(dims);
      if (n === 0) continue;
      const names = dims.map((d) => loaded.fold.dimensions[d]).join(' × ');
      out.push({ code: 'entity-in-several-groups', message: `${n} value${n === 1 ? '' : 's'} of ${JSON.stringify(per.column)} answered in more than one ${names} group: each is rolled up and counted in every group it answered in` });
    }
  }
  return out;
}

type Tested = { diff: number | null; p: number | null; lower: number | null; upper: number | null } | undefined;

/**
 * A difference whose standard error is 0 (plain Wald with every answer in one class on both sides, or
 * means with no spread) has a zero-width interval and no p: it is not tested, and the run says so once.
 */
export function zeroSeWarnings(tests: readonly Tested[]): Warning[] {
  const n = tests.filter((t) => t !== undefined && t.diff !== null && t.p === null && t.lower !== null && t.lower === t.upper).length;
  if (n === 0) return [];
  return [{ code: 'zero-se', message: `${n} difference${n === 1 ? ' has' : 's have'} a standard error of 0 (no variation in the answers): zero-width interval, no p, not tested` }];
}

/** Row issues (the first few of each kind, then a count of the rest) and notes on how files were read. */
export function collectWarnings(sources: SourceInfo[], issues: SerializedIssueLog): Warning[] {
  const out: Warning[] = [];
  for (const s of sources) {
    if (s.layout !== 'generic') out.push({ code: 'layout-note', message: layoutNote(s), file: s.input.name });
    for (const note of s.notes) out.push({ code: 'read-note', message: note, file: s.input.name });
  }
  const shown = new Map<string, number>();
  for (const issue of shownIssues(issues.kept)) {
    if (SUMMARISED.has(issue.code)) continue;
    shown.set(issue.code, (shown.get(issue.code) ?? 0) + 1);
    out.push({ code: issue.code, message: issue.message, file: issue.file, line: issue.line, ...(issue.column ? { column: issue.column } : {}) });
  }
  for (const [code, total] of issues.counts) {
    if (SUMMARISED.has(code)) continue;
    const rest = total - (shown.get(code) ?? 0);
    if (rest > 0) out.push({ code, message: `${rest} more ${describe(code)} not listed` });
  }
  out.push(...exclusionWarnings(issues, sources));
  return out;
}

/** `read as a Qualtrics export (row 3 holds {"ImportId":…}): 3 header rows, data from line 4` */
export function layoutNote(s: SourceInfo): string {
  const title = layoutTitle(s.layout);
  const rows = s.headerRows > 1 ? `: ${s.headerRows} header rows, data from line ${s.dataLine}` : '';
  return `read as ${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title} export (${s.layoutEvidence})${rows}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One warning for the rows the layout left out, by reason; one for unfinished responses kept. */
export function exclusionWarnings(issues: SerializedIssueLog, sources: SourceInfo[]): Warning[] {
  const count = new Map(issues.counts);
  const n = (code: IssueCode) => count.get(code) ?? 0;
  const parts: string[] = [];
  if (n('excluded-preview')) parts.push(plural(n('excluded-preview'), 'survey preview'));
  if (n('excluded-test')) parts.push(plural(n('excluded-test'), 'survey test'));
  if (n('excluded-spam')) parts.push(`${n('excluded-spam')} spam`);
  if (n('excluded-partial')) parts.push(plural(n('excluded-partial'), 'partial response'));
  if (n('excluded-unanswered')) {
    const what = [...new Set(sources.map((s) => s.rules.notAnswered?.what).filter(Boolean))];
    parts.push(`${n('excluded-unanswered')} ${what.length ? what.join(' or ') : 'asked but not answered'}`);
  }
  const out: Warning[] = [];
  if (parts.length) {
    const total = n('excluded-preview') + n('excluded-test') + n('excluded-spam') + n('excluded-partial') + n('excluded-unanswered');
    const keeps = [
      ...(n('excluded-preview') + n('excluded-test') + n('excluded-spam') > 0 ? ['--include-previews keeps previews, tests and spam'] : []),
      ...(n('excluded-partial') > 0 ? ['--include-partials keeps partial responses'] : []),
    ];
    const keep = keeps.length ? ` (${keeps.join('; ')})` : '';
    out.push({ code: 'excluded-rows', message: `left out ${plural(total, 'row')}: ${parts.join(', ')}${keep}` });
  }
  if (n('unfinished-row')) {
    out.push({ code: 'unfinished-rows', message: `${plural(n('unfinished-row'), 'unfinished response')} read: answered scores count, blank ones are skipped` });
  }
  return out;
}

/** Everything a loaded data set has to say: row issues, how files were read, how columns were chosen. */
export function loadWarnings(loaded: { sources: SourceInfo[]; roles: RoleSpec[]; fold: FoldResult }, fold: FoldResult = loaded.fold): Warning[] {
  return [...collectWarnings(loaded.sources, fold.issues), ...roleWarnings(loaded.roles, fold)];
}

/**
 * Notes on how score columns were chosen when the header name alone does not show it (a layout's
 * rule, a question text), and warnings for columns whose answers suggest another scale.
 */
export function roleWarnings(roles: RoleSpec[], fold: FoldResult): Warning[] {
  const out: Warning[] = [];
  for (const spec of roles) {
    if (spec.via.startsWith('layout')) out.push({ code: 'column-note', message: `${roleName(spec.role)} from column ${JSON.stringify(spec.column)}: ${spec.via.slice('layout: '.length)}${spec.question ? `: ${JSON.stringify(spec.question)}` : ''}` });
    else if (spec.via === 'question text') out.push({ code: 'column-note', message: `${roleName(spec.role)} from column ${JSON.stringify(spec.column)}: ${JSON.stringify(spec.question ?? '')}` });
    const message = narrowRangeMessage(spec, foldTotal(fold, spec));
    if (message) out.push({ code: 'scale-range', message, column: spec.column });
  }
  return out;
}

function describe(code: string): string {
  switch (code) {
    case 'invalid-value':
      return 'invalid values';
    case 'ragged-row':
      return 'rows with the wrong number of fields';
    case 'bad-quote':
      return 'rows with text after a closing quote';
    case 'nul-byte':
      return 'rows holding NUL bytes';
    case 'bad-date':
      return 'rows with a date that cannot be read';
    case 'placeholder-date':
      return 'rows with a placeholder date';
    case 'bad-weight':
      return 'rows with an invalid weight';
    case 'zero-weight':
      return 'rows with weight 0';
    case 'unmatched-join':
      return 'responses without a match in the --join file';
    case 'excluded-row':
      return 'rows left out';
    default:
      return `${code} issues`;
  }
}

/**
 * The JSON v1 envelope around a command's own fields: `cxm` (the schema version) and the command
 * first, then what was read, the settings and the command's fields in the order given, and the
 * warnings last.
 */
export function resultEnvelope<C extends string, F extends { input: unknown; warnings: Warning[] }>(command: C, fields: F): { cxm: 1; command: C } & F {
  const { warnings, ...rest } = fields;
  return { cxm: 1, command, ...rest, warnings } as { cxm: 1; command: C } & F;
}
