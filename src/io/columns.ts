/**
 * Column roles from header names: which column holds NPS, CSAT, CES answers. Matching ignores case
 * and punctuation. Users override any role with --nps/--csat/--ces.
 */
import { ROLES, type Role } from '../model/metrics.js';
import { InputError, UsageError } from '../model/errors.js';

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

/**
 * In a question (more than four words) those words are ordinary ("…with the delivery time?"); there
 * only these mark a column that is not the answer: asking why, a free-text part, a derived group.
 */
const NOT_A_SCORE_IN_QUESTION = new Set(['why', 'reason', 'comment', 'comments', 'explain', 'describe']);
const QUESTION_WORDS = 4;

/** Whether a header or label names a derived or free-text column rather than a score. */
export function isNotAScore(text: string): boolean {
  const w = words(text);
  if (w.length <= QUESTION_WORDS) return w.some((x) => NOT_A_SCORE.has(x));
  const joined = w.join(' ');
  const last = w[w.length - 1];
  return (
    w.some((x) => NOT_A_SCORE_IN_QUESTION.has(x)) ||
    joined.includes('open ended') ||
    joined.includes('please specify') ||
    last === 'group' ||
    last === 'text' ||
    last === 'topics'
  );
}

/**
 * Word beginnings that name a role, in English, German, French, Spanish, Portuguese, Italian and Dutch:
 * recommend / (weiter)empfehlen / recommander / recomendar / raccomandare / aanbevelen; satisfied /
 * zufrieden / satisfait / satisfecho / satisfeito / soddisfatto / tevreden; effort, easy / Aufwand,
 * einfach / effort, facile / esfuerzo, fácil / esforço / sforzo, facile / inspanning, moeite, makkelijk.
 */
const ROLE_WORDS = {
  nps: ['recommend', 'empfehl', 'weiterempfehl', 'recommand', 'recomend', 'raccomand', 'consigli', 'aanbevel', 'aanraden'],
  csat: ['satisf', 'zufrieden', 'satisfac', 'satisfaç', 'soddisf', 'tevreden'],
  ces: ['effort', 'easy', 'aufwand', 'einfach', 'facil', 'fácil', 'esfuerzo', 'esforço', 'sforzo', 'inspanning', 'moeite', 'makkelijk', 'gemakkelijk'],
};

const ROLE_RULES: Record<Role, (w: string[], joined: string) => boolean> = {
  nps: (w, joined) => w.includes('nps') || w.includes('ltr') || joined.includes('likelihood to recommend') || w.some((x) => ROLE_WORDS.nps.some((p) => x.startsWith(p))),
  csat: (w) => w.includes('csat') || w.some((x) => ROLE_WORDS.csat.some((p) => x.startsWith(p))),
  ces: (w) => w.includes('ces') || w.some((x) => ROLE_WORDS.ces.some((p) => x.startsWith(p))),
  // a yes/no recommend column is named like an NPS; its answers tell it apart (fold/plan.ts, isYesNoColumn)
  recommend: () => false,
};

/**
 * A scale written in a header or question: `(0-10)`, `[1–5]`, `0 bis 10`, `1 à 5`, `1 to 7`, `0 tot 10`.
 * Only a low end of 0 or 1 and 2 to 11 points above it: other number pairs (`Q1-2`, years) are not scales.
 */
export function scaleInHeader(text: string): { lo: number; hi: number } | null {
  const m = /(?:^|[\s([{])([01])\s*(?:-|–|—|to|bis|à|a|al|tot|t\/m|~)\s*(\d{1,2})(?=$|[\s)\]}.,;:])/iu.exec(text);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return hi > lo && hi - lo >= 1 && hi <= 11 ? { lo, hi } : null;
}

/** The role a header or question text names, if any (the first rule that matches). */
export function roleNamedBy(text: string): Role | null {
  if (!text || isNotAScore(text)) return null;
  const w = words(text);
  const joined = w.join(' ');
  for (const role of Object.keys(ROLE_RULES) as Role[]) if (ROLE_RULES[role](w, joined)) return role;
  return null;
}

/**
 * Candidate columns (indices) for each role, from the header names and, where a column's name says
 * nothing (Qualtrics `Q1`), from its label: the question text of a multi-row header. A name that
 * marks a derived column (`Q1_NPS_GROUP`) rules the column out whatever its label says.
 */
export function detectRoleCandidates(header: string[], labels: string[] = []): Record<Role, number[]> {
  const out = Object.fromEntries(ROLES.map((r) => [r, []])) as unknown as Record<Role, number[]>;
  header.forEach((name, index) => {
    if (isNotAScore(name)) return;
    const role = roleNamedBy(name) ?? roleNamedBy(labels[index] ?? '');
    if (role) out[role].push(index);
  });
  return out;
}

/**
 * The column a user named: the exact header first, then a case- and punctuation-insensitive match,
 * then the same match against the columns' labels (question text).
 * `flag` names the option in the error (`--by`, `--nps`…).
 */
export function findColumn(header: string[], name: string, flag: string, file: string, labels: string[] = []): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = normalizeHeader(name);
  let matches = header.map((h, i) => (normalizeHeader(h) === wanted ? i : -1)).filter((i) => i >= 0);
  // a Qualtrics column may be named by its question text as well as by its id
  if (matches.length === 0) matches = labels.map((l, i) => (l && normalizeHeader(l) === wanted ? i : -1)).filter((i) => i >= 0);
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

/** What a column holds, as `inspect` shows it. Scores are decided by the plan; this guesses the rest. */
export type ColumnKind = 'score' | 'date' | 'segment' | 'comment' | 'id' | 'contact' | 'yes-no' | 'rating' | 'other';

/** Answers of a yes/no question, in the languages headers are read in (and 0/1, true/false). */
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'true', 'false', 'ja', 'nein', 'oui', 'non', 'si', 'sí', 'sim', 'não', 'nao', 'nee']);
/** 0/1 answers this many times before a column counts as yes/no: a few 0s and 1s may open a real 0–10 column. */
const YES_NO_MIN_NUMBERS = 5;

/**
 * Whether a column's first values are the answers of a yes/no question: every non-blank one 0 or 1
 * (`1.0` too; at least YES_NO_MIN_NUMBERS of them) or a yes/no word. Such a column is never an NPS:
 * 0 and 1 on a 0–10 scale would all be detractors.
 */
export function isYesNoColumn(values: string[]): boolean {
  const filled = values.map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  if (filled.length === 0) return false;
  if (filled.every((v) => YES_NO.has(v))) return true;
  return filled.length >= YES_NO_MIN_NUMBERS && filled.every((v) => /^[01](?:[.,]0+)?$/.test(v));
}

/** Words that name a rating (`overall_rating`, `Stars`, `Score`): numbers on a scale, not a segment. */
const RATING_WORDS = new Set(['rating', 'ratings', 'rate', 'score', 'stars', 'star', 'grade', 'note', 'bewertung', 'valoración', 'avaliação', 'valutazione', 'beoordeling']);

const CONTACT_WORDS = new Set(['email', 'mail', 'phone', 'mobile']);
const NAME_PARTS = new Set(['first', 'last', 'full', 'recipient', 'customer', 'respondent', 'user']);
const ID_WORDS = new Set(['id', 'uuid', 'guid', 'token']);
const DATE_WORDS = new Set(['date', 'time', 'timestamp', 'submitted', 'created', 'updated', 'landed', 'recorded', 'datetime']);
const COMMENT_WORDS = new Set(['comment', 'comments', 'feedback', 'remark', 'reason', 'why', 'text', 'explain', 'describe', 'suggestion', 'suggestions', 'verbatim']);
const DATE_VALUE = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T].*)?$/, // 2026-01-14, 2026/01/14 11:07:29 AM GMT+1, ISO
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:[ T,].*)?$/, // 1/14/26 11:07:29, 14.01.2026
];
const UNIX_TIME = /^\d{10}(?:\d{3})?$/;
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** `RecipientEmail` → `recipient email`, `created_at` → `created at`. */
function kindWords(text: string): string[] {
  return words(text.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/**
 * A guess at a column's role from its name, its label and its first values: contact details, ids
 * (all values distinct), dates, free-text comments, segments (few distinct values) or other.
 */
export function guessColumnKind(name: string, label: string, values: string[]): ColumnKind {
  const w = kindWords(name);
  const lw = kindWords(label);
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  const distinct = new Set(filled).size;
  const share = (test: (v: string) => boolean) => (filled.length ? filled.filter(test).length / filled.length : 0);
  const trimmed = name.trim();

  if (w.some((x) => CONTACT_WORDS.has(x)) || (w.includes('name') && (w.length === 1 || w.some((x) => NAME_PARTS.has(x)))) || share((v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) >= 0.5) {
    return 'contact';
  }
  const idName = w.some((x) => ID_WORDS.has(x)) || trimmed === '#' || trimmed === 'No.' || /^(response|respondent)\s*id$/i.test(trimmed);
  if (idName) return distinct === filled.length ? 'id' : 'segment';
  const dateName = w.some((x) => DATE_WORDS.has(x)) || w[w.length - 1] === 'at' || (w.length <= 2 && (w.includes('start') || w.includes('end')));
  if (share((v) => DATE_VALUE.some((re) => re.test(v))) >= 0.8 || (dateName && (filled.length === 0 || share((v) => UNIX_TIME.test(v) || DATE_VALUE.some((re) => re.test(v))) >= 0.8))) {
    return 'date';
  }
  const meanLength = filled.reduce((a, v) => a + v.length, 0) / Math.max(1, filled.length);
  const numeric = filled.length > 0 && share((v) => NUMBER.test(v)) === 1;
  if (isYesNoColumn(values) && [...w, ...lw].some((x) => x.startsWith('recommend') || x === 'nps' || x === 'ltr')) return 'yes-no';
  if (numeric && distinct >= 2 && w.some((x) => RATING_WORDS.has(x))) return 'rating';
  if (share((v) => /^https?:\/\//i.test(v)) >= 0.8) return 'other';
  if (!numeric && ([...w, ...lw].some((x) => COMMENT_WORDS.has(x)) || (meanLength >= 20 && distinct > filled.length / 2))) return 'comment';
  if (numeric && (distinct > 12 || filled.some((v) => /[.,]\d*[1-9]/.test(v)))) return 'other';
  if (filled.length > 0 && distinct <= Math.max(2, Math.min(20, filled.length / 2))) return 'segment';
  return 'other';
}
