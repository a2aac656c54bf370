/**
 * The parts of the JSON v1 envelope every command shares: what was read, with which settings, and
 * the warnings. (DESIGN.md §3: add fields, never rename.)
 */
import type { SerializedIssueLog } from '../model/issues.js';
import type { PAdjustMethod } from '../stats/types.js';
import { methodOf, type StatSettings } from './estimate.js';
import type { Metric, RoleSpec } from './plan.js';
import type { Source } from '../io/read-source.js';
import type { FoldCounts } from './fold.js';
import type { EnrichInfo, Loaded } from './load.js';

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
}

export function statSettings(metrics: Metric[], s: StatSettings & { minN: number; adjust: PAdjustMethod }): StatSettingsJson {
  const methods: Record<string, string> = {};
  for (const m of metrics) methods[m] = methodOf(m, s.methods, s.variance);
  return { level: s.level, methods, minN: s.minN, adjust: s.adjust };
}

/** Which column each score role was read from. */
export function roleColumns(roles: RoleSpec[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const r of roles) columns[r.role] = r.column;
  return columns;
}

export function inputSummary(sources: Source[], counts: FoldCounts): InputSummary {
  return {
    files: sources.map((s) => s.input.name),
    rows: counts.rows,
    used: counts.used,
    skipped: counts.skipped,
    invalid: counts.invalid,
    excluded: counts.excluded,
  };
}

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
 * collectWarnings of a loaded data set, with notes on the join file and, with --per, a warning when
 * entities answered in more than one group over `dims` (each counts in every group it answered in).
 */
export function loadedWarnings(loaded: Pick<Loaded, 'sources' | 'fold' | 'enrich' | 'marginals'>, perDims: number[][] = []): Warning[] {
  const out = collectWarnings(loaded.sources, loaded.fold.issues);
  const join = loaded.enrich.join;
  if (join) for (const note of join.notes) out.push({ code: 'read-note', message: note, file: join.file });
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

/** Row issues (the first few of each kind, then a count of the rest) and notes on how files were read. */
export function collectWarnings(sources: Source[], issues: SerializedIssueLog): Warning[] {
  const out: Warning[] = [];
  for (const s of sources) for (const note of s.notes) out.push({ code: 'read-note', message: note, file: s.input.name });
  const shown = new Map<string, number>();
  for (const issue of issues.kept) {
    shown.set(issue.code, (shown.get(issue.code) ?? 0) + 1);
    out.push({ code: issue.code, message: issue.message, file: issue.file, line: issue.line, ...(issue.column ? { column: issue.column } : {}) });
  }
  for (const [code, total] of issues.counts) {
    const rest = total - (shown.get(code) ?? 0);
    if (rest > 0) out.push({ code, message: `${rest} more ${describe(code)} not listed` });
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
