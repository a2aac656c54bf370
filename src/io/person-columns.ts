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

const COMMENT_WORDS = new Set(['comment', 'comments', 'feedback', 'verbatim', 'remark', 'remarks']);

/**
 * The comment column: a header with a word like `comment`, `feedback`, `verbatim`, `remark`, or
 * `Open-Ended Response` (SurveyMonkey); failing that one ending in `text` (Qualtrics `Q2_TEXT`) or
 * saying `reason` or `why`. The question text of a column counts too (Qualtrics `Q4`: "What is the main
 * reason for your score?"). Two candidates of the best kind is an error that names both.
 */
export function detectCommentColumn(header: string[], file: string, labels: string[] = []): number | null {
  const words = header.map((h, i) => normalizeHeader(`${h} ${labels[i] ?? ''}`).split(' ').filter(Boolean));
  const ranks = [
    (w: string[]) => w.some((x) => COMMENT_WORDS.has(x)) || w.join(' ').includes('open ended'),
    (w: string[]) => w[w.length - 1] === 'text' || w.includes('reason') || w.includes('why'),
  ];
  for (const rank of ranks) {
    const found = words.flatMap((w, i) => (rank(w) ? [i] : []));
    if (found.length > 1) {
      throw new InputError(`two columns could hold the comment: ${found.map((i) => JSON.stringify(header[i])).join(' and ')}`, { file }, `choose one with --comment COLUMN; columns: ${listColumns(header)}`);
    }
    if (found.length === 1) return found[0];
  }
  return null;
}
