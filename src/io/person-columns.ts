/**
 * The columns a close-the-loop list needs besides the score: the response id, the free-text comment
 * and the contact details (email, name, phone). Found from the header, ignoring case and punctuation,
 * like the score columns (columns.ts); the user names them with --id, --comment and --contact.
 */
import { InputError } from '../model/errors.js';
import { listColumns, normalizeHeader } from './columns.js';

/** Id headers, best first: Qualtrics `ResponseId`, `Response ID`, SurveyMonkey `Respondent ID`, Typeform `#` and `Token`. */
const ID_HEADERS = [['response id', 'responseid', 'respondent id', 'respondentid', 'survey response id'], ['id', 'record id', 'token'], ['#']];

/** The id column's index, or null when no header looks like one. */
export function detectIdColumn(header: string[]): number | null {
  for (const names of ID_HEADERS) {
    const found = header.findIndex((h) => names.includes(h.trim() === '#' ? '#' : normalizeHeader(h)));
    if (found !== -1) return found;
  }
  return null;
}

/** Contact headers (`Email Address`, `e-mail`, `First Name`, `person.email`, `Phone number`…). */
const CONTACT_HEADERS = new Set([
  'email',
  'e mail',
  'email address',
  'e mail address',
  'verified email',
  'customer email',
  'contact email',
  'person email',
  'name',
  'full name',
  'first name',
  'last name',
  'customer name',
  'contact name',
  'person name',
  'recipient email',
  'recipient first name',
  'recipient last name',
  'phone',
  'phone number',
  'mobile',
  'mobile phone',
  'telephone',
]);

/** Indices of contact columns, in header order; `labels` are the question texts of a layout's second header row. */
export function detectContactColumns(header: string[], labels: string[] = []): number[] {
  return header.flatMap((h, i) => (CONTACT_HEADERS.has(normalizeHeader(h)) || CONTACT_HEADERS.has(normalizeHeader(labels[i] ?? '')) ? [i] : []));
}

const COMMENT_WORDS = new Set(['comment', 'comments', 'feedback', 'verbatim', 'verbatims', 'remark', 'remarks']);

/** A free-text column by its values, when no header says so (Skytrax `content`): long answers, mostly different. */
const TEXT_MEAN_LENGTH = 20;

function textLength(preview: string[][], i: number): number {
  const filled = preview.map((row) => (row[i] ?? '').trim()).filter(Boolean);
  if (filled.length === 0 || new Set(filled).size <= filled.length / 2) return 0;
  if (filled.every((v) => /^[+-]?\d+(?:[.,]\d+)?$/.test(v) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(v) || /^https?:\/\//i.test(v) || /^\//.test(v))) return 0;
  const mean = filled.reduce((a, v) => a + v.length, 0) / filled.length;
  return mean >= TEXT_MEAN_LENGTH ? mean : 0;
}

/**
 * The comment column, the one detection every command uses (report, followup, --tags, inspect): a
 * header with a word like `comment`, `feedback`, `verbatim`, `remark`, or `Open-Ended Response`
 * (SurveyMonkey); failing that one ending in `text` (Qualtrics `Q2_TEXT`) or saying `reason`, `why` or
 * `explanation`. The question text of a column counts too (Qualtrics `Q4`: "What is the main reason
 * for your score?"). Two candidates of the best kind is an error that names both. Failing the header,
 * the first rows: of the columns holding long, mostly different text, the one with the longest answers.
 */
export function detectCommentColumn(header: string[], file: string, labels: string[] = [], preview: string[][] = []): number | null {
  const words = header.map((h, i) => normalizeHeader(`${h} ${labels[i] ?? ''}`).split(' ').filter(Boolean));
  const ranks = [
    (w: string[]) => w.some((x) => COMMENT_WORDS.has(x)) || w.join(' ').includes('open ended'),
    (w: string[]) => w[w.length - 1] === 'text' || w.includes('reason') || w.includes('why') || w.includes('explanation'),
  ];
  for (const rank of ranks) {
    const found = words.flatMap((w, i) => (rank(w) ? [i] : []));
    if (found.length > 1) {
      throw new InputError(`two columns could hold the comment: ${found.map((i) => JSON.stringify(header[i])).join(' and ')}`, { file }, `choose one with --comment COLUMN; columns: ${listColumns(header)}`);
    }
    if (found.length === 1) return found[0];
  }
  let best: number | null = null;
  let bestLength = 0;
  header.forEach((_, i) => {
    const length = textLength(preview, i);
    if (length > bestLength) [best, bestLength] = [i, length];
  });
  return best;
}

/** The comment column for --tags: the one detection (person-columns.ts); none found is an error that asks for --comment. */
export function requireCommentColumn(header: string[], file: string, labels: string[], preview: string[][]): number {
  const found = detectCommentColumn(header, file, labels, preview);
  if (found !== null) return found;
  throw new InputError('no comment column found for --tags', { file }, `name it with --comment COLUMN; columns: ${listColumns(header)}`);
}
