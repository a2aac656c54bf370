/**
 * Reading one score cell: a whole number on the column's scale, "no answer", or invalid. The hot path
 * (plain digits) never comes here; this is for everything else: `8.0`, `10 - Extremely likely`,
 * `N/A`, labels from a label map, and the invalid values to report.
 */
import type { Scale } from '../model/tally.js';
import { normalizeLabel } from './labels.js';

export type ScoreCell =
  | { kind: 'value'; value: number }
  | { kind: 'blank' }
  | { kind: 'invalid'; reason: string };

/** Tokens that mean "no answer" in a score column (case-insensitive). Only in score columns: `NA` is also a region. */
export const NO_ANSWER = new Set(['', 'na', 'n/a', 'null', 'none', '-', '—', 'nan', '#n/a']);

/** Label → number for a score column (keys as `normalizeLabel` gives them). */
export type LabelMap = ReadonlyMap<string, number>;

const BLANK_CELL: ScoreCell = { kind: 'blank' };
/** `8`, `8.0`, and `8,0` as European spreadsheets write it */
const INTEGER = /^[+-]?\d+(?:[.,]0+)?$/;
const DECIMAL = /^[+-]?\d*[.,]\d+$/;
/** `10 - Extremely likely`, `5 – Very satisfied`, `0: Not at all`, `7) Agree` */
const LEADING_NUMBER = /^(\d+)\s*(?:[-–—:.)]\s*|\s+)\D/;

/** `'-1`: the apostrophe spreadsheet exporters put before `= + - @` so a cell is not a formula. */
const FORMULA_GUARD = /^'(?=[=+\-@])/;

/** A cell's text without the formula guard a spreadsheet exporter may have added (`'-1` → `-1`). */
export function unguard(text: string): string {
  return text.charCodeAt(0) === 39 ? text.replace(FORMULA_GUARD, '') : text;
}

export function parseScore(raw: string, scale: Scale, labels?: LabelMap): ScoreCell {
  const text = unguard(raw.trim());
  const lower = text.toLowerCase();
  if (NO_ANSWER.has(lower)) return BLANK_CELL;
  let value: number | null = null;
  const label = labels?.size ? normalizeLabel(text) : '';
  if (INTEGER.test(text)) value = Number.parseFloat(text.replace(',', '.'));
  else if (labels?.has(label)) value = labels.get(label)!;
  else {
    const lead = LEADING_NUMBER.exec(text);
    if (lead) value = Number.parseInt(lead[1], 10);
    else if (DECIMAL.test(text)) return { kind: 'invalid', reason: `is not a whole number (scores on ${scale.lo}-${scale.hi} are whole numbers)` };
  }
  if (value === null || !Number.isInteger(value)) return { kind: 'invalid', reason: `is not a score on ${scale.lo}-${scale.hi}` };
  if (value < scale.lo || value > scale.hi) return { kind: 'invalid', reason: `is not a score on ${scale.lo}-${scale.hi}` };
  return { kind: 'value', value };
}

/**
 * A small cache in front of parseScore: the slow path sees the same few labels over and over. Bounded
 * so a column of unique junk cannot grow it without limit.
 */
export function cachedScoreParser(scale: Scale, labels?: LabelMap): (raw: string) => ScoreCell {
  const cache = new Map<string, ScoreCell>();
  return (raw) => {
    let cell = cache.get(raw);
    if (cell === undefined) {
      cell = parseScore(raw, scale, labels);
      if (cache.size < 4096) cache.set(raw, cell);
    }
    return cell;
  };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?\d+,\d+$/;

/**
 * A plain decimal number (`12`, `-3.5`, `.5`, `1e3`), or null. `decimalComma` also reads `3,5` as 3.5:
 * cxm passes it for files delimited with `;`, where spreadsheets write decimal commas. In other files a
 * comma is never read as a decimal point, so `1,500` (a thousands separator) is not a number rather than
 * silently 1.5. The result may be ±Infinity for huge exponents; callers decide what that means.
 */
export function parseDecimal(raw: string, decimalComma = false): number | null {
  const text = raw.trim();
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (decimalComma && COMMA_NUMBER.test(text)) return Number(text.replace(',', '.'));
  return null;
}
