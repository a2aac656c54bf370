/**
 * `cxm report` flags, and the report definition a config file can hold (`report` section), so that a
 * cron line is `cxm report --config weekly.json --as-of $(date +\%F)`. Flags override the definition,
 * which overrides the config's top-level settings. Paths in the definition (files, output) are taken
 * relative to the config file's folder, so the cron job's working directory does not matter.
 */
import path from 'node:path';
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { ON_STALE, type OnStale } from '../model/check-rules.js';
import { expandGlobs } from '../io/glob.js';
import { EVERY, type Every } from '../time/period.js';
import { DEFAULT_COMMENTS, DEFAULT_HISTORY } from '../analysis/period-report.js';
import { parseAsOf } from './as-of.js';
import { choice, fail, parseCommonOptions, parseFlags, readConfig, text, type CommonOptions, type ReportConfig } from './common-options.js';

export const REPORT_FORMATS = ['markdown', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportOptions = Omit<CommonOptions, 'format'> & {
  format: ReportFormat;
  every: Every;
  asOf: number | null;
  history: number;
  comments: number;
  title: string | null;
  /** --comment: the comment column of the sample (found from the header when not given) */
  comment: string | undefined;
  /** --on-stale: what a period with no answers (data ending before it) does */
  onStale: OnStale;
};

const count = (min: number, max: number) =>
  text<number>((s, ctx) => (/^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max ? Number(s) : fail(ctx, s, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(s)})`)));

const schema = z.object({
  every: z.optional(choice(EVERY)),
  asOf: z.optional(z.string()),
  format: z.optional(choice(REPORT_FORMATS)),
  history: z.optional(count(2, 520)),
  comments: z.optional(count(0, 100)),
  title: z.optional(z.string()),
  comment: z.optional(z.string()),
  onStale: z.optional(choice(ON_STALE)),
});

/** The definition's values in the shape commander gives flags (strings and string lists). */
function definitionFlags(def: ReportConfig, base: string): Record<string, unknown> {
  const flags: Record<string, unknown> = {
    every: def.every,
    date: def.date,
    tz: def.timeZone,
    by: def.by,
    metric: def.metrics,
    format: def.format,
    output: def.output === undefined ? undefined : path.resolve(base, def.output),
    level: def.level === undefined ? undefined : String(def.level),
    minN: def.minN === undefined ? undefined : String(def.minN),
    history: def.history === undefined ? undefined : String(def.history),
    comments: def.comments === undefined ? undefined : String(def.comments),
    title: def.title,
    comment: def.comment,
  };
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}

/** html for `.html`/`.htm` outputs, json for `.json`, else Markdown. */
function formatFromOutput(output: string | undefined): ReportFormat {
  const ext = output ? path.extname(output).toLowerCase() : '';
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.json' ? 'json' : 'markdown';
}

export function parseReportOptions(files: string[], raw: Record<string, unknown>): ReportOptions {
  const configFile = typeof raw.config === 'string' ? raw.config : undefined;
  const def = (configFile ? readConfig(configFile).report : undefined) ?? {};
  const base = configFile ? path.dirname(path.resolve(configFile)) : process.cwd();
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const merged = { ...definitionFlags(def, base), ...given };
  const o = parseFlags(schema, merged);
  let inputs = files;
  if (inputs.length === 0 && def.files) inputs = expandGlobs(def.files.map((f) => (f === '-' ? f : path.resolve(base, f))), 'report.files');
  if (inputs.length === 0) throw new UsageError('no input file', 'give one or more files (or - for standard input), or a config whose report section lists them');
  const { format: _format, every: _every, ...rest } = merged;
  const common = parseCommonOptions(inputs, rest);
  if (common.adjustAcross === 'all') throw new UsageError('--adjust-across all is not offered by report', 'its headline changes are one comparison per metric and each --by table is its own family; use compare --adjust-across all for one family');
  return {
    ...common,
    format: o.format ?? formatFromOutput(common.output),
    every: o.every ?? 'week',
    asOf: parseAsOf(o.asOf),
    history: o.history ?? DEFAULT_HISTORY,
    comments: o.comments ?? DEFAULT_COMMENTS,
    title: o.title ?? null,
    comment: o.comment,
    onStale: o.onStale ?? 'fail',
  };
}
