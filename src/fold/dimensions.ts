/**
 * Dimensions group the rows: a segment column (`--by region`), a period computed from a date column
 * (trend), or a date window (compare of two periods). Each kind turns a record into a key string (cheap, no decoding when it
 * can avoid it) and a key into display text, once per distinct key. A key of `null` leaves the row
 * out of the grouping (e.g. a date that does not parse, for a trend) and is counted as excluded.
 */
import type { IssueLog } from '../model/issues.js';
import { ByteInterner } from '../io/byte-interner.js';
import type { SourceRecord } from '../io/record.js';
import { unguard } from '../io/values.js';
import { createPeriodKey, createWindowKey, type DateWindowDimension, type PeriodDimension } from '../time/date-dimension.js';
import { taggerFor, type TagPlan } from './tagger.js';

export const BLANK_SEGMENT = '(blank)';

/** A column's values as they are: the segment column of --by. */
export interface ColumnDimension {
  kind: 'column';
  name: string;
  index: number;
}

/**
 * The comment tags of each row (`--by tag` with --tags): the key is the row's set of tags, so the fold
 * stays a partition; marginals.ts expands the sets.
 */
export interface TagsDimension {
  kind: 'tags';
  name: string;
  tags: TagPlan;
}

/** All dimension plans (plain data: they cross to worker threads). Date kinds: date-dimension.ts. */
export type DimensionPlan = ColumnDimension | PeriodDimension | DateWindowDimension | TagsDimension;

export interface DimensionReader {
  /** the key of this record, or null to leave the row out */
  key(record: SourceRecord): string | null;
  /** display text of a key (called once per distinct key) */
  text(key: string, record: SourceRecord): string;
  /**
   * Optional fast path used instead of key/text: a small id per distinct raw value (never negative)
   * and the display text of an id. Different ids may share a text (` EMEA` and `EMEA`).
   */
  rawId?(record: SourceRecord): number;
  rawText?(id: number): string;
}

export interface ReaderContext {
  file: string;
  issues: IssueLog;
}

export function createDimensionReader(plan: DimensionPlan, context: ReaderContext): DimensionReader {
  switch (plan.kind) {
    case 'column': {
      const index = plan.index;
      const interner = new ByteInterner();
      return {
        key: (record) => record.key(index),
        // `'-1` is a spreadsheet exporter's formula guard (Formbricks, cxm's own CSV): the value is -1
        text: (key, record) => unguard(record.keyText(key).trim()) || BLANK_SEGMENT,
        rawId: (record) => record.intern(index, interner),
        rawText: (id) => unguard(interner.text(id).trim()) || BLANK_SEGMENT,
      };
    }
    case 'period':
      return { key: createPeriodKey(plan, context), text: (key) => key };
    case 'date-window':
      return { key: createWindowKey(plan, context), text: (key) => key };
    case 'tags':
      return { key: taggerFor(plan.tags), text: (key) => key };
  }
}
