/**
 * Column roles from header names: which column holds NPS, CSAT, CES answers. Matching ignores case
 * and punctuation. Users override any role with --nps/--csat/--ces.
 */
import { InputError, UsageError } from '../model/errors.js';
import type { Role } from '../model/tally.js';

/** `Likelihood to Recommend (0-10)` → `likelihood to recommend 0 10` */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(header: string): string[] {
  return normalizeHeader(header).split(' ').filter(Boolean);
}

/** Words that mark a derived or descriptive column, never the answer itself (`Q1_NPS_GROUP`, `nps comment`). */
const NOT_A_SCORE = new Set(['group', 'type', 'category', 'segment', 'class', 'reason', 'comment', 'comments', 'text', 'date', 'time', 'id', 'label', 'topics']);

const ROLE_RULES: Record<Role, (w: string[], joined: string) => boolean> = {
  nps: (w, joined) =>
    w.includes('nps') || w.includes('ltr') || joined.includes('likelihood to recommend') || w.some((x) => x.startsWith('recommend')),
  csat: (w) => w.includes('csat') || w.some((x) => x.startsWith('satisf')),
  ces: (w) => w.includes('ces') || w.includes('effort') || w.includes('easy'),
};

/** Candidate columns (indices) for each role. */
export function detectRoleCandidates(header: string[]): Record<Role, number[]> {
  const out: Record<Role, number[]> = { nps: [], csat: [], ces: [] };
  header.forEach((name, index) => {
    const w = words(name);
    if (w.some((x) => NOT_A_SCORE.has(x))) return;
    const joined = w.join(' ');
    for (const role of Object.keys(ROLE_RULES) as Role[]) {
      if (ROLE_RULES[role](w, joined)) {
        out[role].push(index);
        return; // one role per column: the first rule that matches
      }
    }
  });
  return out;
}

/**
 * The column a user named: the exact header first, then a case- and punctuation-insensitive match.
 * `flag` names the option in the error (`--by`, `--nps`…).
 */
export function findColumn(header: string[], name: string, flag: string, file: string): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = normalizeHeader(name);
  const matches = header.map((h, i) => (normalizeHeader(h) === wanted ? i : -1)).filter((i) => i >= 0);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`${flag} ${JSON.stringify(name)} matches several columns: ${matches.map((i) => JSON.stringify(header[i])).join(', ')}`);
  }
  throw new InputError(`${flag}: no column ${JSON.stringify(name)}`, { file }, `columns: ${listColumns(header)}`);
}

/** `"a", "b", "c"` shortened for messages. */
export function listColumns(header: string[], max = 30): string {
  const shown = header.slice(0, max).map((h) => JSON.stringify(h));
  return shown.join(', ') + (header.length > max ? `, … (${header.length} columns)` : '');
}

/** Words of a free-text answer column, best first: `comment`, `feedback`… before `Q2_4_TEXT`, `reason`. */
const COMMENT_WORDS = [new Set(['comment', 'comments', 'feedback', 'verbatim', 'verbatims', 'remark', 'remarks']), new Set(['text', 'reason', 'why', 'explanation'])];

/**
 * The free-text comment column (for --tags), from the header: the best-ranked names win; two of the
 * best rank, or none, are an error that asks for --comment.
 */
export function detectCommentColumn(header: string[], file: string): number {
  for (const rank of COMMENT_WORDS) {
    const found = header.map((h, i) => (words(h).some((w) => rank.has(w)) ? i : -1)).filter((i) => i >= 0);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new InputError(`two columns could hold the comments: ${found.map((i) => JSON.stringify(header[i])).join(' and ')}`, { file }, 'choose one with --comment COLUMN');
    }
  }
  throw new InputError('no comment column found for --tags', { file }, `name it with --comment COLUMN; columns: ${listColumns(header)}`);
}
