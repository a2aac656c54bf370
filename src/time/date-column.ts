/**
 * Which column holds the response time, from the header, when --date is not given. Names are ranked:
 * the time a response was made or recorded (`RecordedDate`, `Submit Date (UTC)`, `submitted_at`,
 * `created_at`, `Timestamp`, `Date Submitted`, `Completion time`) before a plain or end date (`date`,
 * `End Date`), before start and update times (`StartDate`, `updated_at`). The best rank wins; two
 * columns of the best rank are an error naming both.
 */
import { InputError } from '../model/errors.js';
import { listColumns, normalizeHeader } from '../io/columns.js';

const TIME_WORDS = new Set(['date', 'time', 'at', 'on', 'timestamp', 'datetime', 'ts']);
const MADE_WORDS = new Set(['recorded', 'submitted', 'submit', 'submission', 'completed', 'completion', 'created', 'responded', 'response', 'answered', 'received']);
const END_WORDS = new Set(['end', 'ended', 'finished', 'closed']);
const LATER_WORDS = new Set(['start', 'started', 'updated', 'modified', 'stage', 'landed', 'changed']);
const NOT_A_RESPONSE_TIME = new Set(['birth', 'dob', 'duration', 'seconds', 'id', 'due', 'expiry', 'expires', 'renewal']);

/** `RecordedDate` → `recorded date`, `submitted_at` → `submitted at` */
function headerWords(header: string): string[] {
  return normalizeHeader(header.replace(/([a-z])([A-Z])/g, '$1 $2')).split(' ').filter(Boolean);
}

/** 1 (best) to 3, or null when the name does not look like a response time. */
export function dateColumnRank(header: string): number | null {
  const w = headerWords(header);
  if (w.length === 0 || w.some((x) => NOT_A_RESPONSE_TIME.has(x))) return null;
  const hasTime = w.some((x) => TIME_WORDS.has(x));
  if (w.length === 1 && ['timestamp', 'datetime', 'created', 'submitted'].includes(w[0])) return 1;
  if (w.some((x) => LATER_WORDS.has(x))) return hasTime ? 3 : null;
  if (hasTime && w.some((x) => MADE_WORDS.has(x))) return 1;
  if (hasTime && w.some((x) => END_WORDS.has(x))) return 2;
  if (w.includes('date') || w.includes('timestamp') || w.includes('datetime')) return 2;
  return null;
}

/** The index of the response-time column, or null when no header looks like one. */
export function detectDateColumn(header: string[], file: string): number | null {
  const ranked = header.map((h, i) => ({ i, rank: dateColumnRank(h) })).filter((c): c is { i: number; rank: number } => c.rank !== null);
  if (ranked.length === 0) return null;
  const best = Math.min(...ranked.map((c) => c.rank));
  const top = ranked.filter((c) => c.rank === best);
  if (top.length > 1) {
    const names = top.map((c) => JSON.stringify(header[c.i]));
    throw new InputError(
      `${top.length === 2 ? 'two' : top.length} columns could hold the response date: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`,
      { file },
      'choose one with --date COLUMN',
    );
  }
  return top[0].i;
}

/** The error when no date column is found. */
export function noDateColumn(header: string[], file: string): InputError {
  return new InputError('no date column found', { file }, `name it with --date COLUMN; columns: ${listColumns(header)}`);
}
