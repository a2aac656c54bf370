/**
 * Options shared by the commands, validated at the boundary with zod: commander hands over strings,
 * the schemas turn them into typed settings or a one-line usage error naming the flag. A config file
 * (`--config`) supplies defaults that flags override.
 */
import { DEFAULT_METHODS, isMetric, listRoles, methodsOf, METRICS, ROLE_DEFS, ROLES, type Methods, type Metric, type Role } from '../model/metrics.js';
import path from 'node:path';
import * as z from 'zod/mini';
import { InputError, UsageError } from '../model/errors.js';
import type { Scale } from '../model/tally.js';
import { DATE_FORMAT_ALIASES, DATE_RECOGNIZERS, dateFormatNamed } from '../time/dates.js';
import { ENCODINGS, normalizeEncoding, type Encoding } from '../io/decode.js';
import { readJsonFile } from '../io/json-file.js';
import { readTagRules, type TagRule } from '../io/tag-rules.js';
import { VARIANCES, type Variance } from '../analysis/estimate.js';
import { ADJUST_ACROSS, type AdjustAcross } from '../analysis/score.js';
import { PER_RULES, type PerRule } from '../fold/entity-state.js';
import { LAYOUT_NAMES, type LayoutName } from '../io/layout.js';
import { EVERY, parsePeriodSpan, WEEK_STARTS, type WeekStart } from '../time/period.js';
import { CHECK_RULES, ON_LOW_BASE } from '../model/check-rules.js';
import { parseWhere, type WhereExpr } from '../fold/where.js';
import { DUPLICATE_POLICIES, type DuplicatePolicy } from '../fold/duplicates.js';
import { checkTimeZone } from '../time/time-zone.js';
import { P_ADJUST_METHODS, type PAdjustMethod } from '../stats/types.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type OutputFormat = (typeof FORMATS)[number];


/** Everything `score` (and the commands built like it) needs, typed and defaulted. */
export interface CommonOptions {
  files: string[];
  columns: Partial<Record<Role, string>>;
  by: string[];
  metrics: Metric[] | undefined;
  level: number;
  methods: Methods;
  seed: number;
  resamples: number;
  minN: number;
  adjust: PAdjustMethod;
  /** --adjust-across: one family per table (default) or over every test of the command */
  adjustAcross: AdjustAcross;
  format: OutputFormat;
  output: string | undefined;
  delimiter: string | undefined;
  encoding: Encoding | undefined;
  /** the sheet of a workbook, the export inside a zip */
  sheet: string | undefined;
  entry: string | undefined;
  layout: LayoutName | undefined;
  includePreviews: boolean;
  /** --include-partials: keep partial responses (Typeform), left out by default */
  includePartials: boolean;
  /** label maps from the config file, per role */
  labels: Partial<Record<Role, Record<string, number>>>;
  scales: Partial<Record<Role, Scale>>;
  bands: Partial<Record<Role, Scale>>;
  segmentOrder: Record<string, string[]>;
  strict: boolean;
  /** --no-mkdir: a missing -o directory is an error instead of being created */
  mkdir: boolean;
  quiet: boolean;
  color: boolean | undefined;
  progress: boolean;
  threads: number | undefined;
  /** --max-groups */
  maxGroups: number | undefined;
  /** --date: the date column (trend, compare of periods); undefined to detect it */
  dateColumn: string | undefined;
  /** --tz: IANA zone for bucketing timestamps, and for reading those without a zone */
  timeZone: string;
  weekStart: WeekStart;
  /** --date-format: the one date layout to read (a recogniser name), else decided per file */
  dateFormat: string | undefined;
  /** --since/--until as given, and the days they stand for (both included) */
  since: string | null;
  until: string | null;
  first: number | null;
  last: number | null;
  /** --where, one expression per flag (all must hold) */
  where: WhereExpr[];
  /** --weight COL */
  weight: string | undefined;
  weighted: boolean;
  /** --cluster COL: cluster-robust variances (customer or account id) */
  cluster: string | undefined;
  /** --variance: how weighted NPS intervals are computed */
  variance: Variance;
  /** --join FILE --on COL[=COL2]: `on` is the response column, `key` the join file's */
  join: { file: string; on: string; key: string } | undefined;
  /** --per COL, --per-rule */
  per: string | undefined;
  perRule: PerRule;
  /** --tags RULES.json (read) and --comment COL */
  tags: { file: string; rules: TagRule[] } | undefined;
  comment: string | undefined;
  /** --duplicates, --id: how a response id seen more than once counts (analysis/duplicates.ts) */
  duplicates: DuplicatePolicy | undefined;
  idColumn: string | undefined;
  /** --tallies: the files are tally files (merged by addition), not responses */
  tallies: boolean;
  /** --emit tallies: write the Tallies instead of the results */
  emit: 'tallies' | undefined;
  /** options set by a flag or the config file rather than by default (flag names in camel case: `tz`, `weekStart`) */
  given: string[];
}

export const DEFAULTS = {
  level: 0.95,
  methods: DEFAULT_METHODS,
  seed: 1,
  resamples: 2000,
  minN: 30,
  adjust: 'bh' as PAdjustMethod,
  format: 'table' as OutputFormat,
  timeZone: 'UTC',
  weekStart: 'monday' as WeekStart,
  variance: 'kish' as Variance,
  perRule: 'mean' as PerRule,
};

/** A hint listing the forms --since/--until (and compare's periods) take. */
export const PERIOD_HINT = 'a date (2026-01-05) or a period: 2026-W05, 2026-01, 2026-Q1, 2026';

/** Adds an issue and returns NEVER: the pattern every parser below uses. */
export function fail(ctx: { issues: unknown[] }, input: unknown, message: string): never {
  (ctx.issues as object[]).push({ code: 'custom', message, input });
  return z.NEVER as never;
}

export const text = <T>(parse: (s: string, ctx: { issues: unknown[] }) => T) =>
  z.pipe(z.string(), z.transform((s: string, ctx): T => parse(s, ctx as unknown as { issues: unknown[] })));

/** 0.95, or 95 / 95% meaning the same (percent readings from 50 up) */
export function parseLevel(s: string): number | null {
  const m = /^\s*(\d*\.?\d+)\s*(%?)\s*$/.exec(s);
  if (!m) return null;
  let v = Number(m[1]);
  // 95 or 95% mean 0.95; below 50 a percent reading is surely a typo, so it is refused
  if (m[2] === '%' || v >= 1) {
    if (v < 50 || v >= 100) return null;
    v /= 100;
  }
  return v > 0 && v < 1 ? v : null;
}

const levelSchema = text<number>((s, ctx) => parseLevel(s) ?? fail(ctx, s, `must be a level between 0 and 1, like 0.95 (got ${JSON.stringify(s)})`));

export const nonNegativeInt = (what: string) =>
  text<number>((s, ctx) => (/^\d+$/.test(s.trim()) ? Number(s) : fail(ctx, s, `must be ${what} (got ${JSON.stringify(s)})`)));

/** `a,b` and repeated flags both give lists */
export function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

const metricsSchema = z.pipe(
  z.array(z.string()),
  z.transform((values: string[], ctx) => {
    const out: Metric[] = [];
    for (const m of splitList(values)) {
      const key = m.toLowerCase();
      if (!isMetric(key)) fail(ctx as never, m, `unknown metric ${JSON.stringify(m)} (choose from ${METRICS.join(', ')})`);
      if (!out.includes(key as Metric)) out.push(key as Metric);
    }
    return out;
  }),
);

const RANGE = new RegExp(`^\\s*(${ROLES.join('|')})\\s*=\\s*(-?\\d+)\\s*-\\s*(-?\\d+)\\s*$`, 'i');

/** `ces=1-5` */
export function parseRange(spec: string): { role: Role; scale: Scale } | null {
  const m = RANGE.exec(spec);
  if (!m) return null;
  const lo = Number(m[2]);
  const hi = Number(m[3]);
  if (hi <= lo || hi - lo > 1000) return null;
  return { role: m[1].toLowerCase() as Role, scale: { lo, hi } };
}

/** Why a role whose scale is its definition (recommend: 0 = no, 1 = yes) takes no --scale or --band. */
function fixedScaleMessage(role: Role): string {
  const d = ROLE_DEFS[role];
  return `${role} is always ${d.scale.lo}-${d.scale.hi} (${d.success?.rest ?? 'low'} = ${d.scale.lo}, ${d.success?.yes ?? 'high'} = ${d.scale.hi}) and ${d.success?.yes ?? 'the top'} counts`;
}

const rangesSchema = (flag: string) =>
  z.pipe(
    z.array(z.string()),
    z.transform((values: string[], ctx) => {
      const out: Partial<Record<Role, Scale>> = {};
      for (const spec of splitList(values)) {
        const r = parseRange(spec);
        const fixed = ROLES.find((role) => ROLE_DEFS[role].fixedScale && new RegExp(`^\\s*${role}\\s*=`, 'i').test(spec));
        if (fixed) fail(ctx as never, spec, fixedScaleMessage(fixed));
        else if (!r) fail(ctx as never, spec, `takes METRIC=LO-HI, like ${flag === '--scale' ? 'ces=1-5' : 'csat=4-5'} (got ${JSON.stringify(spec)})`);
        else out[r.role] = r.scale;
      }
      return out;
    }),
  );

/**
 * `nps=score,csat=jeffreys`, or a bare method name applied to every metric that has it
 * (`wald` → NPS, CSAT and CES; `jeffreys` → CSAT and CES).
 */
export function parseMethods(specs: string[], base: Methods): Methods | string {
  const out: Methods = { ...base };
  for (const spec of splitList(specs)) {
    const [left, right] = spec.includes('=') ? spec.split('=', 2).map((s) => s.trim().toLowerCase()) : [null, spec.trim().toLowerCase()];
    const targets: Role[] = left === null ? [...ROLES] : [left as Role];
    if (left !== null && !(ROLES as readonly string[]).includes(left)) return `unknown metric ${JSON.stringify(left)} in --method (use ${listRoles()})`;
    let applied = false;
    for (const role of targets) {
      const allowed = methodsOf(role);
      if (allowed.includes(right)) {
        (out as unknown as Record<Role, string>)[role] = right;
        applied = true;
      } else if (left !== null) {
        return `${role} has no method ${JSON.stringify(right)} (choose from ${allowed.join(', ')})`;
      }
    }
    if (!applied) return `unknown method ${JSON.stringify(right)} (${methodChoices()})`;
  }
  return out;
}

/** `NPS: adjusted-wald, wald, …; CSAT/CES: wilson, …`: the roles that share a list named together. */
function methodChoices(): string {
  const lists = new Map<string, Role[]>();
  for (const role of ROLES) {
    const key = methodsOf(role).join(', ');
    lists.set(key, [...(lists.get(key) ?? []), role]);
  }
  return [...lists].map(([names, roles]) => `${roles.map((r) => ROLE_DEFS[r].name).join('/')}: ${names}`).join('; ');
}

/** A column flag per score role: `--nps COL`, `--csat COL`… */
const roleColumnFlags = Object.fromEntries(ROLES.map((r) => [r, z.optional(z.string())])) as Record<Role, z.ZodMiniOptional<z.ZodMiniString>>;

/** The config's `methods`: per role, one of its interval methods. */
const roleMethods = Object.fromEntries(ROLES.map((r) => [r, z.optional(z.enum(methodsOf(r) as [string, ...string[]]))])) as Record<Role, z.ZodMiniOptional<z.ZodMiniEnum<Record<string, string>>>>;

const DELIMITER_NAMES: Record<string, string> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', pipe: '|' };

const delimiterSchema = text<string>((s, ctx) => DELIMITER_NAMES[s.toLowerCase()] ?? fail(ctx, s, `must be one of , ; tab | (got ${JSON.stringify(s)})`));
const dateFormatSchema = text<string>(
  (s, ctx) => dateFormatNamed(s) ?? fail(ctx, s, `must be one of ${Object.keys(DATE_FORMAT_ALIASES).join(', ')} or ${DATE_RECOGNIZERS.map((r) => r.name).join(', ')} (got ${JSON.stringify(s)})`),
);
const encodingSchema = text<Encoding>((s, ctx) => normalizeEncoding(s) ?? fail(ctx, s, `must be one of ${ENCODINGS.join(', ')} (got ${JSON.stringify(s)})`));
export const choice = <T extends string>(values: readonly T[]) =>
  text<T>((s, ctx) => ((values as readonly string[]).includes(s.toLowerCase()) ? (s.toLowerCase() as T) : fail(ctx, s, `must be one of ${values.join(', ')} (got ${JSON.stringify(s)})`)));

/** Raw commander values (strings, string arrays, booleans) → typed; every field optional. */
const cliSchema = z.object({
  ...roleColumnFlags,
  by: z.optional(z.array(z.string())),
  metric: z.optional(metricsSchema),
  level: z.optional(levelSchema),
  method: z.optional(z.array(z.string())),
  seed: z.optional(nonNegativeInt('a whole number')),
  resamples: z.optional(
    text<number>((s, ctx) => (/^\d+$/.test(s) && Number(s) >= 2000 ? Number(s) : fail(ctx, s, `must be a whole number of at least 2000 (got ${JSON.stringify(s)})`))),
  ),
  minN: z.optional(nonNegativeInt('a whole number')),
  adjust: z.optional(choice(P_ADJUST_METHODS)),
  adjustAcross: z.optional(choice(ADJUST_ACROSS)),
  format: z.optional(choice(FORMATS)),
  output: z.optional(z.string()),
  delimiter: z.optional(delimiterSchema),
  encoding: z.optional(encodingSchema),
  sheet: z.optional(z.string().check(z.minLength(1, 'must name a sheet'))),
  entry: z.optional(z.string().check(z.minLength(1, 'must name an entry'))),
  layout: z.optional(choice(LAYOUT_NAMES)),
  includePreviews: z.optional(z.boolean()),
  includePartials: z.optional(z.boolean()),
  scale: z.optional(rangesSchema('--scale')),
  band: z.optional(rangesSchema('--band')),
  strict: z.optional(z.boolean()),
  mkdir: z.optional(z.boolean()),
  quiet: z.optional(z.boolean()),
  color: z.optional(z.boolean()),
  progress: z.optional(z.boolean()),
  threads: z.optional(text<number>((s, ctx) => (/^\d+$/.test(s) && Number(s) >= 1 ? Number(s) : fail(ctx, s, `must be a whole number of at least 1 (got ${JSON.stringify(s)})`)))),
  maxGroups: z.optional(text<number>((s, ctx) => (/^\d+$/.test(s) && Number(s) >= 1 ? Number(s) : fail(ctx, s, `must be a whole number of at least 1 (got ${JSON.stringify(s)})`)))),
  config: z.optional(z.string()),
  date: z.optional(z.string()),
  tz: z.optional(z.string()),
  dateFormat: z.optional(dateFormatSchema),
  weekStart: z.optional(choice(WEEK_STARTS)),
  since: z.optional(z.string()),
  until: z.optional(z.string()),
  where: z.optional(z.array(z.string())),
  weight: z.optional(z.string()),
  variance: z.optional(choice(VARIANCES)),
  cluster: z.optional(z.string()),
  join: z.optional(z.string()),
  on: z.optional(z.string()),
  per: z.optional(z.string()),
  perRule: z.optional(choice(PER_RULES)),
  tags: z.optional(z.string()),
  comment: z.optional(z.string()),
  duplicates: z.optional(choice(DUPLICATE_POLICIES)),
  id: z.optional(z.string()),
  tallies: z.optional(z.boolean()),
  emit: z.optional(choice(['tallies'] as const)),
});

const metricNumbers = z.partialRecord(z.enum(METRICS), z.number());

/** The `check` section of the config file. */
const checkConfigSchema = z.strictObject({
  min: z.optional(metricNumbers),
  maxDrop: z.optional(metricNumbers),
  rule: z.optional(z.enum(CHECK_RULES)),
  onLowBase: z.optional(z.enum(ON_LOW_BASE)),
  adjust: z.optional(z.enum(P_ADJUST_METHODS)),
  every: z.optional(z.enum(EVERY)),
});
export type CheckConfig = z.infer<typeof checkConfigSchema>;

/** The `report` section: everything a scheduled report needs except the as-of date. */
const reportConfigSchema = z.strictObject({
  files: z.optional(z.array(z.string()).check(z.minLength(1))),
  title: z.optional(z.string()),
  every: z.optional(z.enum(EVERY)),
  date: z.optional(z.string()),
  timeZone: z.optional(z.string()),
  by: z.optional(z.array(z.string())),
  metrics: z.optional(z.array(z.enum(METRICS))),
  format: z.optional(z.enum(['markdown', 'html', 'json'])),
  output: z.optional(z.string()),
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
  minN: z.optional(z.int().check(z.gte(0))),
  history: z.optional(z.int().check(z.gte(2), z.lte(520))),
  comments: z.optional(z.int().check(z.gte(0), z.lte(100))),
  comment: z.optional(z.string()),
});
export type ReportConfig = z.infer<typeof reportConfigSchema>;

/** The config file: what a team keeps in git. Flags override it. */
const configSchema = z.strictObject({
  columns: z.optional(z.strictObject({ ...roleColumnFlags, date: z.optional(z.string()), comment: z.optional(z.string()) })),
  by: z.optional(z.array(z.string())),
  metrics: z.optional(z.array(z.enum(METRICS))),
  scales: z.optional(z.partialRecord(z.enum(ROLES as unknown as [Role, ...Role[]]), z.string())),
  bands: z.optional(z.partialRecord(z.enum(ROLES as unknown as [Role, ...Role[]]), z.string())),
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
  methods: z.optional(z.strictObject(roleMethods)),
  minN: z.optional(z.int().check(z.gte(0))),
  adjust: z.optional(z.enum(P_ADJUST_METHODS)),
  segmentOrder: z.optional(z.record(z.string(), z.array(z.string()))),
  labels: z.optional(z.partialRecord(z.enum(ROLES as unknown as [Role, ...Role[]]), z.record(z.string(), z.int()))),
  layout: z.optional(z.enum(LAYOUT_NAMES)),
  encoding: z.optional(z.string()),
  delimiter: z.optional(z.string()),
  includePreviews: z.optional(z.boolean()),
  timeZone: z.optional(z.string()),
  weekStart: z.optional(z.enum(WEEK_STARTS)),
  weight: z.optional(z.string()),
  variance: z.optional(z.enum(VARIANCES)),
  per: z.optional(z.string()),
  perRule: z.optional(z.enum(PER_RULES)),
  tags: z.optional(z.string()),
  dateFormat: z.optional(z.string()),
  /** `cxm check` thresholds and rules (flags override them) */
  check: z.optional(checkConfigSchema),
  /** a `cxm report` definition: a cron line needs only --config and --as-of */
  report: z.optional(reportConfigSchema),
});
export type ConfigFile = z.infer<typeof configSchema>;

const FLAG_NAMES: Record<string, string> = { minN: '--min-n', perRule: '--per-rule' };
export const flagName = (key: string) => FLAG_NAMES[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function firstIssue(error: z.core.$ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue.path.map(String).join('.'), message: issueMessage(issue) };
}

/** zod/mini carries no message texts: say in words what was wrong (custom messages are kept). */
function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? 'items' : '';
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const relation = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      return `must be ${relation} ${String(bound)}${what ? ` ${what}` : ''}`;
    }
    default:
      return issue.message;
  }
}

export function readConfig(file: string): ConfigFile {
  const json = readJsonFile(file, 'config file');
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    throw new InputError(`config ${path ? `"${path}"` : ''}: ${message}`.replace(/\s+:/, ':'), { file });
  }
  return parsed.data;
}

function configRanges(values: Partial<Record<Role, string>> | undefined, flag: string, file: string): Partial<Record<Role, Scale>> {
  const out: Partial<Record<Role, Scale>> = {};
  for (const [role, spec] of Object.entries(values ?? {})) {
    if (ROLE_DEFS[role as Role].fixedScale) throw new InputError(`config ${flag}.${role}: ${fixedScaleMessage(role as Role)}`, { file });
    const r = parseRange(`${role}=${spec}`);
    if (!r) throw new InputError(`config ${flag}.${role}: takes LO-HI, like "1-5" (got ${JSON.stringify(spec)})`, { file });
    out[r.role] = r.scale;
  }
  return out;
}

/** A config value that takes the same spellings as its flag (`"delimiter": "tab"`). */
function configText<T>(schema: z.ZodMiniType<T>, value: string | undefined, key: string, file: string): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InputError(`config "${key}": ${firstIssue(parsed.error).message}`, { file });
  return parsed.data;
}

/** Commander's raw options for one command → CommonOptions (flags over config over defaults). */
export function parseCommonOptions(files: string[], raw: Record<string, unknown>, needFiles = true): CommonOptions {
  const o = parseFlags(cliSchema, raw);
  const config: ConfigFile = o.config ? readConfig(o.config) : {};
  if (o.tz === undefined && config.timeZone !== undefined) {
    try {
      checkTimeZone(config.timeZone, 'timeZone');
    } catch (error) {
      throw new InputError(`config ${(error as Error).message}`, { file: o.config! });
    }
  }
  const configFile = o.config ?? '';
  if (files.length === 0 && needFiles) throw new UsageError('no input file', 'give one or more files, or - to read standard input');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

  const baseMethods: Methods = { ...DEFAULTS.methods, ...(config.methods ?? {}) } as Methods;
  const methods = o.method ? parseMethods(o.method, baseMethods) : baseMethods;
  if (typeof methods === 'string') throw new UsageError(`--method: ${methods}`);
  const by = splitList(o.by ?? config.by ?? []);
  // a column twice would give every segment twice (and count it twice in the adjustment family)
  const twice = by.find((name, i) => by.indexOf(name) < i);
  if (twice !== undefined) throw new UsageError(`--by names the column ${JSON.stringify(twice)} twice`);
  const weekStart = o.weekStart ?? config.weekStart ?? DEFAULTS.weekStart;
  const { first, last } = parseDayBounds(o.since, o.until, weekStart);
  const weight = o.weight ?? config.weight;
  const variance = o.variance ?? config.variance ?? DEFAULTS.variance;
  // weighted tally files carry Σw and Σw² per class, all the linearized SE needs: checked once they are read
  if (variance === 'linearized' && weight === undefined && !o.tallies) throw new UsageError('--variance linearized needs --weight COLUMN', 'the linearized variance is for weighted NPS; unweighted NPS uses --method');
  if (variance === 'linearized' && methods.nps !== DEFAULTS.methods.nps) throw new UsageError(`--variance linearized replaces the NPS interval method (--method nps=${methods.nps})`, 'give one of them');
  if ((o.join === undefined) !== (o.on === undefined)) throw new UsageError(o.join === undefined ? '--on needs --join FILE' : '--join needs --on COLUMN', 'e.g. --join customers.csv --on email, or --on email=contact_email when the names differ');
  const per = o.per ?? config.per;
  const cluster = o.cluster;
  if (cluster !== undefined && per !== undefined) throw new UsageError('--cluster and --per both handle several answers from one customer: give one', '--per scores each customer once; --cluster keeps every answer and widens the intervals for the repeats');
  if (cluster !== undefined && variance === 'linearized') throw new UsageError('--cluster already gives the linearized variance, with clusters', 'leave out --variance linearized');
  if (cluster !== undefined && o.emit === 'tallies') throw new UsageError('--emit tallies cannot keep --cluster', `count the cluster column as a group column instead: --by ${[...by, cluster].join(',')} --emit tallies, then read them with --tallies … --cluster ${cluster}`);
  if (o.perRule !== undefined && per === undefined) throw new UsageError('--per-rule needs --per COLUMN');
  const tagsFile = o.tags ?? (config.tags !== undefined ? path.resolve(path.dirname(o.config!), config.tags) : undefined);
  return {
    files,
    columns: { ...roleColumns(config.columns), ...Object.fromEntries(ROLES.flatMap((r) => (o[r] !== undefined ? [[r, o[r]]] : []))) },
    by,
    metrics: o.metric ?? config.metrics,
    level: o.level ?? config.level ?? DEFAULTS.level,
    methods,
    seed: o.seed ?? DEFAULTS.seed,
    resamples: o.resamples ?? DEFAULTS.resamples,
    minN: o.minN ?? config.minN ?? DEFAULTS.minN,
    adjust: o.adjust ?? config.adjust ?? DEFAULTS.adjust,
    adjustAcross: o.adjustAcross ?? 'table',
    format: o.format ?? DEFAULTS.format,
    output: o.output,
    delimiter: o.delimiter ?? configText(delimiterSchema, config.delimiter, 'delimiter', configFile),
    encoding: o.encoding ?? configText(encodingSchema, config.encoding, 'encoding', configFile),
    sheet: o.sheet,
    entry: o.entry,
    layout: o.layout ?? config.layout,
    includePreviews: o.includePreviews ?? config.includePreviews ?? false,
    includePartials: o.includePartials ?? false,
    labels: config.labels ?? {},
    scales: { ...configRanges(config.scales, 'scales', configFile), ...(o.scale ?? {}) },
    bands: { ...configRanges(config.bands, 'bands', configFile), ...(o.band ?? {}) },
    segmentOrder: config.segmentOrder ?? {},
    strict: o.strict ?? false,
    mkdir: o.mkdir ?? true,
    quiet: o.quiet ?? false,
    color: o.color === false ? false : undefined,
    progress: o.progress ?? true,
    threads: o.threads,
    maxGroups: o.maxGroups,
    dateColumn: o.date ?? config.columns?.date,
    timeZone: checkTimeZone(o.tz ?? config.timeZone ?? DEFAULTS.timeZone),
    weekStart,
    dateFormat: o.dateFormat ?? configText(dateFormatSchema, config.dateFormat, 'dateFormat', configFile),
    since: o.since ?? null,
    until: o.until ?? null,
    first,
    last,
    where: (o.where ?? []).map(parseWhere),
    weight,
    weighted: weight !== undefined,
    variance,
    cluster,
    join: o.join !== undefined ? parseJoin(o.join, o.on!) : undefined,
    per,
    perRule: o.perRule ?? config.perRule ?? DEFAULTS.perRule,
    tags: tagsFile !== undefined ? { file: o.tags ?? config.tags!, rules: readTagRules(tagsFile) } : undefined,
    comment: o.comment ?? config.columns?.comment,
    duplicates: o.duplicates,
    idColumn: o.id,
    tallies: o.tallies ?? false,
    emit: o.emit,
    given: [
      ...Object.keys(raw).filter((k) => raw[k] !== undefined),
      ...(config.timeZone !== undefined ? ['tz'] : []),
      ...(config.weekStart !== undefined ? ['weekStart'] : []),
      ...(config.columns?.date !== undefined ? ['date'] : []),
    ],
  };
}

/** compare's and check's two sides must be different responses: no file on both. */
export function refuseSharedFiles(current: string[], baseline: string[]): void {
  const both = current.filter((f) => baseline.includes(f));
  if (both.length > 0) {
    throw new UsageError(`${both.map((f) => JSON.stringify(f)).join(', ')} ${both.length === 1 ? 'is' : 'are'} both current and baseline`, 'the two sides must be different responses');
  }
}

/** --since/--until (a date or a period label, both ends included) as day numbers; null when not given. */
export function parseDayBounds(since: string | undefined, until: string | undefined, weekStart: WeekStart): { first: number | null; last: number | null } {
  const bound = (flag: string, value: string | undefined, end: 'first' | 'last'): number | null => {
    if (value === undefined) return null;
    const span = parsePeriodSpan(value, weekStart);
    if (!span || value.includes('..')) throw new UsageError(`${flag} takes ${PERIOD_HINT} (got ${JSON.stringify(value)})`);
    return span[end];
  };
  const first = bound('--since', since, 'first');
  const last = bound('--until', until, 'last');
  if (first !== null && last !== null && last < first) throw new UsageError(`--since ${since} is after --until ${until}`);
  return { first, last };
}

/** `--on email` or `--on email=contact_email` (the response column, then the join file's). */
function parseJoin(file: string, on: string): { file: string; on: string; key: string } {
  const [left, right, ...extra] = on.split('=').map((s) => s.trim());
  if (!left || (right !== undefined && !right) || extra.length) throw new UsageError(`--on takes COLUMN or COLUMN=JOIN_COLUMN (got ${JSON.stringify(on)})`);
  return { file, on: left, key: right ?? left };
}

/** The score columns of the config's `columns` (its `date` and `comment` are not score roles). */
function roleColumns(columns: ConfigFile['columns']): Partial<Record<Role, string>> {
  const { date: _date, comment: _comment, ...roles } = columns ?? {};
  return roles;
}

/** Parses a command's own flags with its schema; a bad value is a usage error naming the flag. */
export function parseFlags<T>(schema: z.ZodMiniType<T>, raw: Record<string, unknown>): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    throw new UsageError(`${flagName(path.split('.')[0])} ${message}`);
  }
  return parsed.data;
}
