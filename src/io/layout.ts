/**
 * Layouts: what a survey platform's export looks like. A table of detectors looks at the first records
 * (CSV) or the column names (JSON) and says which platform wrote the file; the layout then gives the
 * header rows, one usable name per column (plus the question text as a label), the rules that leave
 * rows out (previews, partial responses…) and hints for columns whose role the header does not say.
 * `generic` is the plain file with one header row. Facts behind each entry: docs/formats.md.
 */
import type { Role } from '../model/metrics.js';
import type { Scale } from '../model/tally.js';

export const LAYOUT_NAMES = [
  'generic',
  'qualtrics',
  'qualtrics-legacy',
  'surveymonkey',
  'typeform',
  'google-forms',
  'microsoft-forms',
  'delighted',
  'zendesk',
  'intercom',
  'hotjar',
  'formbricks',
] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export type LayoutFormat = 'csv' | 'json';

/** Columns whose values leave a row out, by index (plain data: it crosses to worker threads). */
export interface RowRules {
  /** Qualtrics `Status`: previews, tests and spam are left out */
  status?: number;
  /** `Finished` (0/1, True/False, Yes/No): unfinished responses count where their scores are answered */
  finished?: number;
  /** Typeform `Response Type`: partial and started responses are left out */
  responseType?: number;
  /** Typeform submit date: blank means a partial response (when there is no Response Type) */
  submitted?: number;
  /** a score column whose listed values (or blank) mean "asked, not answered": the row is left out */
  notAnswered?: { index: number; values: string[]; blank: boolean; what: string };
}

/** A column the platform uses for a role, whatever its header says. */
export interface RoleHint {
  role: Role;
  column: string;
  scale?: Scale;
  band?: Scale;
  /** why, for `inspect` and the notes */
  why: string;
  /** only the rows whose `column` holds one of `values` (lower case) answer this role: a file of several survey types */
  only?: { column: string; values: string[] };
}

/** Delighted's survey types by the role they are scored under. */
const DELIGHTED_TYPES: Partial<Record<Role, string[]>> = { nps: ['nps', 'enps'], csat: ['csat', 'fivestar', 'smileys', 'thumbs'], ces: ['ces'] };

export interface Layout {
  name: LayoutName;
  /** records before the data that make up the header */
  headerRows: number;
  /** one name per column, unique and non-empty */
  header: string[];
  /** per column: the question text or longer label, '' when the export has none */
  labels: string[];
  /** per column: a time zone the header gives for its dates (Qualtrics row 3), else null */
  timeZones: (string | null)[];
  /** how the layout was recognised (or `--layout`) */
  evidence: string;
}

interface Detector {
  name: LayoutName;
  /** platform name in messages */
  title: string;
  formats: LayoutFormat[];
  /** a reason when the first records look like this layout, else null */
  detect(first: string[][]): string | null;
  /** header rows and names; a one-row layout when absent */
  build?(first: string[][]): Omit<Layout, 'name' | 'evidence'>;
  rules?(header: string[]): RowRules;
  hints?(header: string[], column: (name: string) => string[], fieldType: (name: string) => string | undefined): RoleHint[];
  /** the column holding the response time, where the header alone does not settle it */
  dateColumn?: string;
}

const has = (row: string[] | undefined, name: string) => (row ?? []).some((c) => c.trim() === name);
const at = (header: string[], name: string) => {
  const i = header.indexOf(name);
  return i === -1 ? undefined : i;
};
const atAny = (header: string[], names: string[]) => names.map((n) => at(header, n)).find((i) => i !== undefined);

/** Google Forms' first column, in the languages a Forms export is most often seen in. */
const FORMS_TIMESTAMP = new Set(['Timestamp', 'Zeitstempel', 'Marca temporal', 'Horodateur', 'Carimbo de data/hora', 'Informazioni cronologiche', 'Tijdstempel']);

const DETECTORS: Detector[] = [
  {
    name: 'qualtrics',
    title: 'Qualtrics',
    formats: ['csv'],
    detect: (first) => {
      const row = (first[2] ?? []).filter((c) => c.trim() !== '');
      return row.length > 0 && row.filter((c) => /^\{\s*"ImportId"\s*:/.test(c)).length * 2 >= row.length ? 'row 3 holds {"ImportId":…}' : null;
    },
    build: (first) => {
      const raw = headerBlock(first, 3);
      return {
        headerRows: 3,
        header: cleanHeader(raw[0]),
        labels: raw[1].map((l) => l.trim()),
        timeZones: raw[2].map(importTimeZone),
      };
    },
    rules: qualtricsRules,
    hints: qualtricsHints,
  },
  {
    name: 'qualtrics-legacy',
    title: 'Qualtrics (legacy)',
    formats: ['csv'],
    detect: (first) => {
      const r1 = (first[0] ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
      return r1[0] === 'V1' && r1[1] === 'V2' && r1[2] === 'V3' && first.length >= 2 ? 'row 1 is V1, V2, V3…' : null;
    },
    // V1…V10 say nothing: the row-2 label (ResponseID, Status…) is the name; questions keep their id
    build: (first) => {
      const raw = headerBlock(first, 2);
      const names = raw[0].map((n, i) => (/^\s*\uFEFF?V\d+\s*$/.test(n) && raw[1][i].trim() ? raw[1][i] : n));
      return { headerRows: 2, header: cleanHeader(names), labels: raw[1].map((l) => l.trim()), timeZones: names.map(() => null) };
    },
    rules: qualtricsRules,
  },
  {
    name: 'surveymonkey',
    title: 'SurveyMonkey',
    formats: ['csv'],
    detect: (first) => (has(first[0], 'Respondent ID') && (has(first[1], 'Response') || has(first[1], 'Open-Ended Response')) ? 'row 2 holds Response / Open-Ended Response' : null),
    build: (first) => {
      const raw = headerBlock(first, 2);
      const names: string[] = [];
      const labels: string[] = [];
      let question = '';
      raw[0].forEach((t, i) => {
        const top = t.trim();
        const sub = raw[1][i].trim();
        if (top) question = top;
        if (!sub) {
          names.push(top);
          labels.push('');
          return;
        }
        names.push(sub === 'Response' ? question : `${question} - ${sub}`);
        labels.push(question);
      });
      return { headerRows: 2, header: cleanHeader(names), labels, timeZones: names.map(() => null) };
    },
  },
  {
    name: 'typeform',
    title: 'Typeform',
    formats: ['csv', 'json'],
    detect: (first) => {
      const r = first[0] ?? [];
      if (r[0]?.trim() === '#' && (has(r, 'Submit Date (UTC)') || has(r, 'Network ID'))) return 'columns #, Submit Date (UTC)';
      if (has(r, 'landed_at') && (has(r, 'token') || has(r, 'landing_id'))) return 'items with landed_at, token';
      return null;
    },
    rules: (header) => ({
      responseType: atAny(header, ['Response Type', 'response_type']),
      submitted: atAny(header, ['Submit Date (UTC)', 'submitted_at']),
    }),
    // an API answer of a field of type `nps` is the NPS, whatever the field's ref
    hints: (header, _column, fieldType) => header.filter((h) => fieldType(h) === 'nps').map((h) => ({ role: 'nps' as const, column: h, why: 'a Typeform field of type nps' })),
  },
  {
    name: 'google-forms',
    title: 'Google Forms',
    formats: ['csv'],
    detect: (first) => (FORMS_TIMESTAMP.has((first[0]?.[0] ?? '').replace(/^\uFEFF/, '').trim()) ? `first column ${JSON.stringify(first[0][0].trim())}` : null),
  },
  {
    name: 'microsoft-forms',
    title: 'Microsoft Forms',
    formats: ['csv'],
    detect: (first) => (has(first[0], 'Start time') && has(first[0], 'Completion time') ? 'columns Start time, Completion time' : null),
  },
  {
    name: 'delighted',
    title: 'Delighted',
    formats: ['csv', 'json'],
    detect: (first) => {
      const r = first[0] ?? [];
      if (has(r, 'survey_type') && has(r, 'score')) return 'fields survey_type, score';
      if (has(r, 'Score') && has(r, 'Response timestamp')) return 'columns Score, Response timestamp';
      return null;
    },
    // the survey type a row states (API `survey_type`, CSV `Survey type`) is the metric its score is scored under
    hints: (header, column) => {
      const score = header.find((h) => h === 'score' || h === 'Score');
      if (!score) return [];
      const typeColumn = header.find((h) => h === 'survey_type' || h === 'Survey type' || h === 'Survey Type');
      if (!typeColumn) return [{ role: 'nps', column: score, why: `Delighted's score, read as NPS (the file does not say the survey type; --csat ${score} for a CSAT survey)` }];
      const types = new Set(column(typeColumn).map((t) => t.trim().toLowerCase()).filter(Boolean));
      const roles = (Object.keys(DELIGHTED_TYPES) as Role[]).filter((role) => DELIGHTED_TYPES[role]!.some((t) => types.has(t)));
      const several = roles.length > 1;
      return roles.map((role) => ({
        role,
        column: score,
        only: { column: typeColumn, values: DELIGHTED_TYPES[role]! },
        why: `the score of ${several ? 'the' : 'a'} Delighted ${DELIGHTED_TYPES[role]!.filter((t) => types.has(t)).join('/')} survey${several ? ` rows (${JSON.stringify(typeColumn)})` : ''}`,
      }));
    },
  },
  {
    name: 'zendesk',
    title: 'Zendesk',
    formats: ['json'],
    detect: (first) => (has(first[0], 'score') && has(first[0], 'ticket_id') ? 'fields ticket_id, score' : null),
    rules: (header) => {
      const index = at(header, 'score');
      return index === undefined ? {} : { notAnswered: { index, values: ['offered', 'unoffered'], blank: false, what: 'ratings offered but not answered' } };
    },
    hints: (header) =>
      header.includes('score') ? [{ role: 'csat', column: 'score', scale: { lo: 0, hi: 1 }, band: { lo: 1, hi: 1 }, why: 'Zendesk satisfaction rating, bad = 0 and good = 1 on a 0-1 scale' }] : [],
  },
  {
    name: 'intercom',
    title: 'Intercom',
    formats: ['json'],
    detect: (first) => ((first[0] ?? []).some((c) => c === 'conversation_rating' || c.startsWith('conversation_rating.')) ? 'fields conversation_rating…' : null),
    rules: (header) => {
      const index = at(header, 'conversation_rating.rating');
      return index === undefined ? {} : { notAnswered: { index, values: [], blank: true, what: 'conversations not rated' } };
    },
    hints: (header) =>
      header.includes('conversation_rating.rating') ? [{ role: 'csat', column: 'conversation_rating.rating', why: 'Intercom conversation rating, 1-5' }] : [],
    // the time of the rating, not of the conversation it rates
    dateColumn: 'conversation_rating.created_at',
  },
  {
    name: 'hotjar',
    title: 'Hotjar',
    formats: ['csv'],
    detect: (first) => (has(first[0], 'Date Submitted') && (has(first[0], 'Source URL') || has(first[0], 'Device')) ? 'columns Date Submitted, Source URL' : null),
  },
  {
    name: 'formbricks',
    title: 'Formbricks',
    formats: ['csv'],
    detect: (first) =>
      has(first[0], 'Response ID') && has(first[0], 'Finished') && (has(first[0], 'No.') || has(first[0], 'Survey ID') || has(first[0], 'Formbricks ID (internal)'))
        ? 'columns No., Response ID, Finished'
        : null,
    rules: (header) => ({ finished: at(header, 'Finished') }),
  },
];

/** Qualtrics writes `Q1_NPS_GROUP` beside an NPS question `Q1`: the export says which column is the NPS. */
function qualtricsHints(header: string[]): RoleHint[] {
  const out: RoleHint[] = [];
  for (const h of header) {
    const id = /^(.+)_NPS_GROUP$/.exec(h)?.[1];
    if (id && header.includes(id) && out.length === 0) out.push({ role: 'nps', column: id, why: `Qualtrics NPS question (${JSON.stringify(h)} beside it)` });
  }
  return out;
}

function qualtricsRules(header: string[]): RowRules {
  return { status: at(header, 'Status'), finished: at(header, 'Finished') };
}

/** Display name of a layout: `Qualtrics`, `generic`. */
export function layoutTitle(name: string): string {
  return DETECTORS.find((d) => d.name === name)?.title ?? name;
}

/**
 * Picks the layout from the first records: CSV records as read, or for JSON one record of column
 * names. `forced` is the user's `--layout`; a layout made for the other format is an error message.
 */
export function detectLayout(first: string[][], format: LayoutFormat, forced?: string): Layout | string {
  if (forced && forced !== 'generic') {
    const d = DETECTORS.find((x) => x.name === forced);
    if (!d) return `unknown layout ${JSON.stringify(forced)}`;
    if (!d.formats.includes(format)) return `layout ${forced} is for ${d.formats.join(' and ').toUpperCase()} files, not ${format.toUpperCase()}`;
    return build(d, first, '--layout');
  }
  if (!forced) {
    for (const d of DETECTORS) {
      if (!d.formats.includes(format)) continue;
      const why = d.detect(first);
      if (why) return build(d, first, why);
    }
  }
  return { ...oneRow(first), name: 'generic', evidence: forced ? '--layout' : 'one header row' };
}

function build(d: Detector, first: string[][], evidence: string): Layout {
  return { ...(d.build ? d.build(first) : oneRow(first)), name: d.name, evidence };
}

function oneRow(first: string[][]): Omit<Layout, 'name' | 'evidence'> {
  const [names] = headerBlock(first, 1);
  return { headerRows: 1, header: cleanHeader(names), labels: names.map(() => ''), timeZones: names.map(() => null) };
}

/** The response-time column a layout names, when the header has it. */
export function layoutDateColumn(name: string, header: string[]): string | null {
  const column = DETECTORS.find((x) => x.name === name)?.dateColumn;
  return column && header.includes(column) ? column : null;
}

/** Row-exclusion rules of a layout, by column index of the final header. */
export function layoutRules(name: string, header: string[]): RowRules {
  const d = DETECTORS.find((x) => x.name === name);
  const rules = d?.rules?.(header) ?? {};
  for (const k of Object.keys(rules) as (keyof RowRules)[]) if (rules[k] === undefined) delete rules[k];
  return rules;
}

/**
 * Columns a layout assigns to a role; `column(name)` gives that column's first values, `fieldType(name)`
 * the question type a JSON export gives (Typeform).
 */
export function layoutHints(name: string, header: string[], column: (name: string) => string[], fieldType: (name: string) => string | undefined): RoleHint[] {
  return DETECTORS.find((x) => x.name === name)?.hints?.(header, column, fieldType) ?? [];
}

/**
 * Header rows padded to one width; a last column empty in every header row (lines that end with a
 * delimiter) is not a column.
 */
/**
 * The first `count` records as header rows: padded to one width (and to `count` rows, for a file with
 * fewer records than a forced --layout has header rows), trailing empty columns dropped.
 */
function headerBlock(first: string[][], count: number): string[][] {
  const rows = Array.from({ length: count }, (_, i) => first[i] ?? []);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const padded = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  while (padded[0].length > 1 && padded.every((r) => r[r.length - 1].trim() === '')) for (const r of padded) r.pop();
  return padded;
}

/** Qualtrics row 3: `{"ImportId":"startDate","timeZone":"America/Denver"}` → `America/Denver`. */
function importTimeZone(cell: string): string | null {
  if (!cell.includes('timeZone')) return null;
  try {
    const v = JSON.parse(cell) as { timeZone?: unknown };
    return typeof v.timeZone === 'string' && v.timeZone ? v.timeZone : null;
  } catch {
    return null;
  }
}

/**
 * Header names as users will type them: trimmed; an empty name becomes `column N`; duplicates get
 * ` (2)`, ` (3)`.
 */
export function cleanHeader(names: string[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    let name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') name = `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.push(n === 1 ? name : `${name} (${n})`);
  });
  return out;
}
