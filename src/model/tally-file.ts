/**
 * The tally file (format `cxm-tallies`, version 1): Tallies written as rows, so that cxm (`--emit
 * tallies`), a warehouse query (`cxm sql`) or shards counted anywhere can hand them to any command
 * (`--tallies`). Columns: the group columns, then `metric`, `point`, `count`, `weight_sum`,
 * `weight_sq_sum`, `kind`, `meta`. Rows by `kind`:
 *   answers — one group, metric (score role) and scale point: count, Σw, Σw²
 *   skipped, invalid — blank and invalid answers of one group and metric (`count`; `point` empty)
 *   input-rows, input-used, input-skipped, input-invalid, input-excluded — the input row counts
 *   input-pattern — rows per answer pattern (`metric` holds it: `nps:answers csat:skipped`), so the
 *     input counts of fewer metrics can be derived (model/row-pattern.ts); version 2 on
 *   meta — one row whose `meta` cell is a JSON object (TallyMeta): what the counts do not say.
 * Everything merges by addition except `meta`, which must agree. docs/tallies.md is the reference.
 */
import type { Role } from './metrics.js';
import type { SerializedIssueLog } from './issues.js';
import type { Scale } from './tally.js';

export const TALLY_FORMAT = 'cxm-tallies';
/** 2: input-pattern rows (version 1 files have none; both are read) */
export const TALLY_VERSION = 2;
/** the version of a file without input-pattern rows */
export const TALLY_VERSION_WITHOUT_PATTERNS = 1;

/** The fixed columns, after the group columns, in this order. */
export const TALLY_COLUMNS = ['metric', 'point', 'count', 'weight_sum', 'weight_sq_sum', 'kind', 'meta'] as const;

/** `kind` of the rows holding the input row counts, by FoldCounts field. */
export const INPUT_KINDS = {
  rows: 'input-rows',
  used: 'input-used',
  skipped: 'input-skipped',
  invalid: 'input-invalid',
  excluded: 'input-excluded',
} as const;

/** `kind` of the rows counting rows per answer pattern (`metric` holds the pattern) */
export const PATTERN_KIND = 'input-pattern';

export type CountKind = 'answers' | 'skipped' | 'invalid';
export type TallyKind = CountKind | 'meta' | typeof PATTERN_KIND | (typeof INPUT_KINDS)[keyof typeof INPUT_KINDS];

/** A score role as counted: its column, scale and (for reading back) the band and how it was chosen. */
export interface TallyRole {
  metric: Role;
  column: string;
  scale: Scale;
  band: Scale;
  /** how the column was chosen (`--nps`, `header`, `layout: …`); column notes come from it */
  via: string;
  question?: string;
}

/** The period dimension of a trend's tallies: how rows were put in periods. */
export interface TallyPeriod {
  every: 'day' | 'week' | 'month' | 'quarter' | 'year';
  weekStart: 'monday' | 'sunday';
  timeZone: string;
  /** the date column and the layouts its values were read with */
  date: string;
  formats: string[];
  /** --since / --until as given (rows outside were counted as excluded) */
  since: string | null;
  until: string | null;
}

/** One input the tallies were counted from, and how it was read (for the notes cxm prints). */
export interface TallySource {
  file: string;
  layout: string;
  layoutEvidence: string;
  headerRows: number;
  dataLine: number;
  notes: string[];
  /** what a layout's "not answered" rows are (Zendesk, Intercom), for the excluded-rows note */
  notAnswered?: string;
}

export interface TallyMeta {
  format: typeof TALLY_FORMAT;
  /** 2 with input-pattern rows, 1 without */
  version: number;
  /** group columns in order (`period` last when there is a period) */
  dimensions: string[];
  roles: TallyRole[];
  period: TallyPeriod | null;
  sources: TallySource[];
  /** row issues as cxm logged them (a warehouse has no line numbers: absent from SQL) */
  issues?: SerializedIssueLog;
  /** --weight: the column the weight sums are of (absent: every answer weighs 1) */
  weight?: string;
  /** --where expressions applied while counting, as cxm read them (fully parenthesised) */
  where?: string[];
  /** --since/--until applied to the date column while counting, without a period (score, crosstab) */
  dates?: { column: string; since: string | null; until: string | null };
}

/** Column names a group column may not have (they are the fixed columns). */
export function isReservedColumn(name: string): boolean {
  return (TALLY_COLUMNS as readonly string[]).includes(name.toLowerCase());
}
