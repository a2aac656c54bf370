/**
 * `cxm inspect`: what cxm sees in a file — layout, encoding, delimiter, header rows, row counts, each
 * column with its role, scale and first values, and the issues found. It reads every row with the
 * same reader and fold as `score`, so its counts are the ones `score` would print; where `score` would
 * stop (no score column, two candidates), inspect reports the problem and goes on.
 */
import { ROLES, type Role } from '../model/metrics.js';
import { detectRoleCandidates, findColumn, guessColumnKind, type ColumnKind } from '../io/columns.js';
import { tallyN } from '../model/tally.js';
import { decideDateFormat } from '../time/dates.js';
import type { ContainerInfo } from '../io/containers/open-container.js';
import { detectCommentColumn } from '../io/person-columns.js';
import { InputError } from '../model/errors.js';
import { openSources, type Source } from '../io/read-source.js';
import { foldSource } from '../fold/fold-source.js';
import type { FoldResult } from '../fold/fold.js';
import { NO_DATA_ROWS, openOptions, type LoadRequest } from '../fold/load.js';
import { foldTotal } from '../fold/marginals.js';
import { sumCounts } from '../fold/merge-folds.js';
import { bindPlan, planRoles, sourceContext, type RoleSpec } from '../fold/plan.js';
import { collectWarnings, inputSummary, roleWarnings, type InputSummary, type Warning, resultEnvelope } from './result.js';
import { observedRange } from './scale-check.js';
import { outOfRangeMessage } from '../fold/out-of-range.js';
import { countRepeats, type RepeatCount } from '../fold/duplicates.js';

export interface InspectColumn {
  /** 1-based, as a spreadsheet user counts */
  index: number;
  name: string;
  /** question text or longer label from the header rows */
  label: string | null;
  role: ColumnKind;
  /** score columns: the metric family, scale, band, and how the column was chosen */
  metric?: Role;
  /** a column whose header names a role but that is not used for it (two candidates, or not scores) */
  notUsed?: true;
  scale?: string;
  band?: string;
  via?: string;
  /** score columns: lowest and highest answer seen in the whole file */
  observed?: { min: number; max: number } | null;
  /** a time zone the header gives for the column's dates */
  timeZone?: string;
  /** date columns: the date layouts its first values are read with, best first (time/dates.ts) */
  dateFormats?: string[];
  /** distinct non-blank values among the first rows */
  distinct: number;
  samples: string[];
}

export interface InspectFile {
  file: string;
  layout: string;
  layoutEvidence: string;
  format: string;
  /** how the export was found in a gzip stream, a zip archive or a workbook (absent for a plain file) */
  container?: ContainerInfo;
  encoding: { name: string; by: string; bom: boolean };
  delimiter: string | null;
  headerRows: number;
  dataLine: number;
  rows: Omit<InputSummary, 'files'>;
  excludedBy: Record<string, number>;
  unfinished: number;
  /** response ids seen more than once, and persons (email, else person id) who answered more than once */
  repeats: { ids: RepeatCount | null; persons: RepeatCount | null };
  columns: InspectColumn[];
  issues: Warning[];
  /** --cluster COL: how many ids answered (a used row) more than once, and how many answers they gave */
  clusterRepeats?: { column: string; ids: number; several: number; answers: number };
}

export interface InspectResult {
  cxm: 1;
  command: 'inspect';
  input: InputSummary;
  files: InspectFile[];
  warnings: Warning[];
}

export type InspectRequest = Omit<LoadRequest, 'metrics' | 'by' | 'files'> & { files: string[] };

const SAMPLES = 4;
const EXCLUDED = { preview: 'excluded-preview', test: 'excluded-test', spam: 'excluded-spam', partial: 'excluded-partial', unanswered: 'excluded-unanswered' } as const;

export async function inspect(request: InspectRequest): Promise<InspectResult> {
  const files: InspectFile[] = [];
  for (const file of request.files) {
    for (const source of await openSources(file, openOptions(request))) files.push(await inspectSource(source, request));
  }
  const total = sumCounts(files.map((f) => f.rows));
  return resultEnvelope('inspect', {
    input: { files: files.map((f) => f.file), ...total },
    files,
    warnings: files.flatMap((f) => f.issues.map((w) => (w.file ? w : { ...w, file: f.file }))),
  });
}

async function inspectSource(source: Source, request: InspectRequest): Promise<InspectFile> {
  const { specs, problems } = planRoles(source.header, source.input.name, request, undefined, sourceContext(source));
  // with --cluster the rows are folded by the id (the totals are the sums over the ids)
  if (request.cluster !== undefined) findColumn(source.header, request.cluster, '--cluster', source.input.name);
  const fold = await foldSource(source, bindPlan(source, specs, request.cluster !== undefined ? [request.cluster] : []), { threads: request.threads });
  const repeats = request.cluster !== undefined ? repeatsOf(fold) : undefined;
  if (fold.counts.rows === 0) source.notes.push(NO_DATA_ROWS);
  const summary = inputSummary([source], fold.counts);
  const candidates = detectRoleCandidates(source.header, source.labels);
  const comment = commentColumn(source);
  const counts = new Map(fold.issues.counts);
  const issues: Warning[] = [
    // the columns are listed beside the issues: the hint need not list them again
    ...problems.map((p) => {
      const hint = p.hint?.replace(/;? ?columns: .*$/, '');
      return { code: 'role-problem', message: hint ? `${p.message} (${hint})` : p.message };
    }),
    ...collectWarnings([source], fold.issues).filter((w) => w.code !== 'layout-note'),
    ...roleWarnings(specs, fold),
    ...specs.flatMap((spec) => {
      const index = source.header.indexOf(spec.column);
      const message = outOfRangeMessage(spec, foldTotal(fold, spec), source.preview.map((row) => row[index] ?? ''));
      return message ? [{ code: 'scale-out-of-range', message: `${message}: score would stop here`, column: spec.column }] : [];
    }),
    ...dateWarnings(source),
  ];
  return {
    file: source.input.name,
    layout: source.layout,
    layoutEvidence: source.layoutEvidence,
    format: source.format,
    ...(source.container ? { container: source.container } : {}),
    encoding: { name: source.encoding.encoding, by: source.encoding.by, bom: source.encoding.bomLength > 0 },
    delimiter: source.delimiter,
    headerRows: source.headerRows,
    dataLine: source.dataLine,
    rows: { rows: summary.rows, used: summary.used, skipped: summary.skipped, invalid: summary.invalid, excluded: summary.excluded },
    excludedBy: Object.fromEntries(Object.entries(EXCLUDED).map(([reason, code]) => [reason, counts.get(code) ?? 0]).filter(([, n]) => n)),
    unfinished: counts.get('unfinished-row') ?? 0,
    repeats: await countRepeats(source, openOptions(request)),
    columns: source.header.map((_, i) => describeColumn(source, i, specs, fold, candidates, comment)),
    issues,
    ...(repeats ? { clusterRepeats: repeats } : {}),
  };
}

/** The ids of --cluster that answered more than once: per id, its answers on the score column answered most (a row with NPS and CSAT is one answer). */
function repeatsOf(fold: FoldResult): InspectFile['clusterRepeats'] {
  let several = 0;
  let answers = 0;
  for (const g of fold.groups) {
    const n = Math.max(0, ...g.tallies.map(tallyN));
    if (n > 1) {
      several++;
      answers += n;
    }
  }
  return { column: fold.dimensions[0], ids: fold.groups.length, several, answers };
}

/** The comment column as report, followup and --tags find it; two candidates leave none marked. */
function commentColumn(source: Source): number | null {
  try {
    return detectCommentColumn(source.header, source.input.name, source.labels, source.preview);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** Date columns whose first values read both day-first and month-first: what `trend` would stop on. */
function dateWarnings(source: Source): Warning[] {
  const out: Warning[] = [];
  source.header.forEach((name, i) => {
    const values = source.preview.map((row) => row[i] ?? '');
    if (guessColumnKind(name, source.labels[i] ?? '', values) !== 'date') return;
    const decision = decideDateFormat(values);
    if (decision.ambiguous) {
      out.push({
        code: 'ambiguous-date',
        column: name,
        message: `column ${JSON.stringify(name)}: the dates read both as ${decision.ambiguous.join(' and ')} (no day above 12 in the first rows); say which with --date-format mdy or dmy`,
      });
    }
  });
  return out;
}

function describeColumn(source: Source, i: number, specs: RoleSpec[], fold: FoldResult, candidates: Record<Role, number[]>, comment: number | null): InspectColumn {
  const name = source.header[i];
  const values = source.preview.map((row) => row[i] ?? '');
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const samples = [...new Set(filled)].slice(0, SAMPLES);
  const spec = specs.find((s) => s.column === name);
  const label = source.labels[i] && source.labels[i] !== name ? source.labels[i] : null;
  const timeZone = source.timeZones[i];
  const base = { index: i + 1, name, label, distinct: new Set(filled).size, samples, ...(timeZone ? { timeZone } : {}) };
  if (!spec) {
    const guess = guessColumnKind(name, source.labels[i] ?? '', values);
    if (guess === 'yes-no') return { ...base, role: guess };
    const candidate = ROLES.find((r) => candidates[r].includes(i));
    if (candidate) return { ...base, role: 'score', metric: candidate, notUsed: true };
    // the comment column is the one the other commands would read (one detection), other text is other
    const role = i === comment ? 'comment' : guess === 'comment' ? 'other' : guess;
    if (role !== 'date') return { ...base, role };
    const decision = decideDateFormat(values);
    return { ...base, role, ...(decision.read > 0 && !decision.ambiguous ? { dateFormats: decision.formats } : {}) };
  }
  return {
    ...base,
    role: 'score',
    metric: spec.role,
    scale: `${spec.scale.lo}-${spec.scale.hi}`,
    band: `${spec.band.lo}-${spec.band.hi}`,
    via: spec.via,
    observed: observedRange(foldTotal(fold, spec)),
  };
}
