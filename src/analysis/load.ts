/**
 * What every command starts with: open the inputs, agree on their columns, decide which column plays
 * which role, and fold all records into Tallies grouped by the requested dimensions.
 */
import type { Role, Scale } from '../model/tally.js';
import { openSource, type OpenOptions, type Source } from '../io/read-source.js';
import type { Encoding } from '../io/decode.js';
import { foldSource } from './fold-source.js';
import type { FoldResult } from './fold.js';
import { mergeFolds } from './merge-folds.js';
import { Progress } from './progress.js';
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
  sources: Source[];
  roles: RoleSpec[];
  metrics: Metric[];
  fold: FoldResult;
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
  const display = request.progressDisplay;
  let progress: Progress | undefined = new Progress(
    sources.reduce((sum, s) => sum + (s.input.size ?? 0), 0),
    () => display?.tick(),
  );
  if (!display?.start(progress)) progress = undefined;
  const parts = [];
  try {
    for (const source of sources) {
      const plan = bindPlan(source, roles, request.by);
      const result = await foldSource(source, plan, { threads: request.threads, progress });
      progress?.finishInput(source.input.size ?? 0, result.counts.rows);
      parts.push({ result });
    }
  } finally {
    if (progress) display!.end();
  }
  return { sources, roles, metrics, fold: parts.length === 1 ? parts[0].result : mergeFolds(parts) };
}

/** How the reader should open each input of a request. */
export function openOptions(request: Pick<LoadRequest, 'delimiter' | 'encoding' | 'layout' | 'includePreviews' | 'stdin'>): OpenOptions {
  return { delimiter: request.delimiter, encoding: request.encoding, layout: request.layout, includePreviews: request.includePreviews, stdin: request.stdin };
}
