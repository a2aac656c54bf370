/**
 * One score cell read as a point on its scale, the way every reader of scores counts it: a plain small
 * integer straight from the bytes (record.smallInt), anything else (labels, `9.0`, out-of-range text)
 * through the column's parser. The fold (fold/fold.ts) and followup (analysis/followup.ts) read their scores here.
 */
import type { IssueLog } from '../model/issues.js';
import type { Scale } from '../model/tally.js';
import { BLANK, SLOW, type SourceRecord } from './record.js';
import type { ScoreCell } from './values.js';

/** A blank answer: counted as skipped. */
export const POINT_BLANK = -1;
/** An answer that is not on the scale: counted as invalid, its issue logged. */
export const POINT_INVALID = -2;

export interface ScoreColumn {
  index: number;
  /** the column's name, for the issue */
  column: string;
  scale: Scale;
  parse: (raw: string) => ScoreCell;
}

/** The answer's offset on the scale (0 for scale.lo), or POINT_BLANK / POINT_INVALID. */
export function scorePoint(record: SourceRecord, c: ScoreColumn, issues: IssueLog, file: string): number {
  const lo = c.scale.lo;
  const v = record.smallInt(c.index);
  if (v === BLANK) return POINT_BLANK;
  if (v !== SLOW && v >= lo && v <= c.scale.hi) return v - lo;
  const raw = record.text(c.index);
  const cell = c.parse(raw);
  if (cell.kind === 'blank') return POINT_BLANK;
  if (cell.kind === 'invalid') {
    const message = `column ${JSON.stringify(c.column)}: ${JSON.stringify(raw)} ${cell.reason}`;
    issues.add({ code: 'invalid-value', file, line: record.line, column: c.column, value: raw, message });
    return POINT_INVALID;
  }
  return cell.value - lo;
}
