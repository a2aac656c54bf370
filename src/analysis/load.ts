/**
 * What every command starts with: open the inputs, agree on their columns, decide which column plays
 * which role, and fold all records into Tallies grouped by the requested dimensions.
 */
import { InputError } from '../model/errors.js';
import type { Role, Scale } from '../model/tally.js';
import { openSource, type OpenOptions, type Source } from '../io/read-source.js';
import type { Encoding } from '../io/decode.js';
import { bindDateDimension, resolveDateColumn, type DateRequest } from './date-plan.js';
import { foldSource } from './fold-source.js';
import type { FoldResult } from './fold.js';
import { mergeFolds } from './merge-folds.js';
import { Progress } from './progress.js';
import type { SourceInfo } from './result.js';
import { bindPlan, checkSameColumns, resolveRoles, roleOf, sourceContext, type Metric, type RoleSpec } from './plan.js';

export interface LoadRequest {
  files: string[];
  columns: Partial<Record<Role, string>>;
  scales: Partial<Record<Role, Scale>>;
  bands: Partial<Record<Role, Scale>>;
  metrics: Metric[] | undefined;
  by: string[];
  /** label maps from a config file, per role */
  labels?: Partial<Record<Role, Record<string, number>>>;
  /** a dimension from the date column, after the --by columns (trend periods, compare windows) */
  date?: DateRequest;
  delimiter?: string;
  encoding?: Encoding;
  /** `--layout`: the export's layout instead of the detected one */
  layout?: string;
  /** keep Qualtrics previews, tests and spam */
  includePreviews?: boolean;
  stdin?: NodeJS.ReadableStream;
  threads?: number;
  /** a display of reading progress (the command line's bar); it decides whether to show itself */
  progressDisplay?: ProgressDisplay;
}

export interface ProgressDisplay {
  /** whether to show progress for this much input; if true, `tick` and `end` follow */
  start(progress: Progress): boolean;
  tick(): void;
  end(): void;
}

export interface Loaded {
  /** the inputs read (from tallies: the inputs the tallies were counted from) */
  sources: SourceInfo[];
  roles: RoleSpec[];
  metrics: Metric[];
  fold: FoldResult;
  /** the date column and the layouts read in it (first source first), when a date dimension was asked for */
  date?: { column: string; formats: string[] };
}

export async function load(request: LoadRequest): Promise<Loaded> {
  const sources: Source[] = [];
  for (const file of request.files) {
    sources.push(await openSource(file, openOptions(request)));
  }
  checkSameColumns(sources);
  const first = sources[0];
  const wanted = request.metrics ? [...new Set(request.metrics.map(roleOf))] : undefined;
  const roles = resolveRoles(first.header, first.input.name, request, wanted, sourceContext(first));
  const metrics: Metric[] = request.metrics ?? roles.map((r) => r.role);
  const dateColumn = request.date ? resolveDateColumn(first, request.date.column) : undefined;
  const formats: string[] = [];
  const display = request.progressDisplay;
  let progress: Progress | undefined = new Progress(
    sources.reduce((sum, s) => sum + (s.input.size ?? 0), 0),
    () => display?.tick(),
  );
  if (!display?.start(progress)) progress = undefined;
  const parts = [];
  try {
    for (const source of sources) {
      const extra = [];
      if (request.date && dateColumn !== undefined) {
        const dimension = bindDateDimension(source, dateColumn, request.date, request.by);
        for (const f of dimension.date.formats) if (!formats.includes(f)) formats.push(f);
        extra.push(dimension);
      }
      const plan = bindPlan(source, roles, request.by, extra);
      const result = await foldSource(source, plan, { threads: request.threads, progress });
      progress?.finishInput(source.input.size ?? 0, result.counts.rows);
      parts.push({ result });
    }
  } finally {
    if (progress) display!.end();
  }
  checkDataRows(sources, parts.map((p) => p.result.counts.rows));
  const fold = parts.length === 1 ? parts[0].result : mergeFolds(parts);
  return { sources, roles, metrics, fold, ...(dateColumn !== undefined ? { date: { column: dateColumn, formats } } : {}) };
}

export const NO_DATA_ROWS = 'no data rows: the file has a header and nothing after it';

/**
 * Zero data rows is a broken export, not a score of n = 0: a run whose inputs hold no rows at all
 * stops with exit 2 (a cron job or CI gate should notice); a header-only file among files with rows is
 * noted and the run goes on.
 */
function checkDataRows(sources: Source[], rows: number[]): void {
  if (rows.some((n) => n > 0)) {
    sources.forEach((s, k) => {
      if (rows[k] === 0) s.notes.push(NO_DATA_ROWS);
    });
    return;
  }
  const hint = 'an export of a period nobody answered in? cxm stops rather than report n = 0';
  if (sources.length === 1) throw new InputError(NO_DATA_ROWS, { file: sources[0].input.name, line: sources[0].dataLine }, hint);
  throw new InputError(`no data rows in any of the ${sources.length} files: each has a header and nothing after it`, { file: sources[0].input.name }, hint);
}

/** How the reader should open each input of a request. */
export function openOptions(request: Pick<LoadRequest, 'delimiter' | 'encoding' | 'layout' | 'includePreviews' | 'stdin'>): OpenOptions {
  return { delimiter: request.delimiter, encoding: request.encoding, layout: request.layout, includePreviews: request.includePreviews, stdin: request.stdin };
}
