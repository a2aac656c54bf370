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
  for (const m of metrics) methods[m] = methodOf(m, s.methods);
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
    default:
      return `${code} issues`;
  }
}
