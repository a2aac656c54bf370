/**
 * The options object of each library function: its keys are the command's long flags in camel case
 * (`--min-n` is `minN`), its values what the flag takes — a string, a number for the numeric flags, a
 * list for the repeatable ones, true for a switch. `flagValues` turns the object into the values
 * commander would have handed over, so the command's own parser (src/options/) validates it with the
 * same rules and messages as the command line. Output flags (--format, -o, --quiet, --no-color,
 * --no-progress, --emit, crosstab's --ci) are not options: `render()` and `readTallies()` do their work.
 *
 * The tables mirror the flag groups of src/cli/flags.ts; test/api/options.test.ts fails when a command
 * gains a flag that is missing here.
 */
import { UsageError } from '../model/errors.js';
import { ROLES, type Role } from '../model/metrics.js';
import { flagName } from '../options/common-options.js';

/** text: a string · number: a number (or its text) · list: a string or strings · flag: a switch */
type Kind = 'text' | 'number' | 'list' | 'flag' | 'list-or-false';

type ValueOf<K extends Kind> = K extends 'text'
  ? string
  : K extends 'number'
    ? number | string
    : K extends 'list'
      ? string | readonly string[]
      : K extends 'flag'
        ? boolean
        : string | readonly string[] | false;

/** The options type of a table: every key optional. */
export type OptionsOf<T extends Record<string, Kind>> = { [K in keyof T]?: ValueOf<T[K]> };

const ENRICH = { where: 'list', since: 'text', until: 'text', weight: 'text', variance: 'text', join: 'text', on: 'text', per: 'text', perRule: 'text', tags: 'text', comment: 'text', cluster: 'text', duplicates: 'text', id: 'text' } as const;
const DATE = { date: 'text', dateFormat: 'text', tz: 'text', weekStart: 'text' } as const;
/** A column option per score role of the registry: `nps`, `csat`, `ces`, `recommend` */
const ROLE_COLUMNS = Object.fromEntries(ROLES.map((r) => [r, 'text'])) as { readonly [R in Role]: 'text' };
const INPUT = { ...ROLE_COLUMNS, scale: 'list', band: 'list', delimiter: 'text', encoding: 'text', sheet: 'text', entry: 'text', layout: 'text', includePreviews: 'flag', includePartials: 'flag', config: 'text', threads: 'number', maxGroups: 'number' } as const;
const STATS = { metric: 'list', level: 'number', method: 'list', seed: 'number', resamples: 'number', minN: 'number', adjust: 'text', adjustAcross: 'text' } as const;
const STRICT = { strict: 'flag' } as const;
const SCORING = { ...ENRICH, ...DATE, ...INPUT, tallies: 'flag', ...STATS, ...STRICT } as const;

export const COMMAND_OPTIONS = {
  score: { by: 'list', ...SCORING },
  crosstab: { rows: 'text', cols: 'text', suppressLow: 'flag', ...SCORING },
  trend: { every: 'text', by: 'list', window: 'number', ...SCORING },
  compare: { current: 'list', baseline: 'list', period: 'text', against: 'text', by: 'list', ...SCORING },
  rank: { by: 'list', k: 'text', ...SCORING },
  plan: { promoters: 'number', detractors: 'number', share: 'number', margin: 'number', n: 'number', n2: 'number', power: 'number', population: 'number', responseRate: 'text', ...SCORING },
  drivers: { by: 'list', ...ENRICH, ...DATE, ...INPUT, ...STATS, ...STRICT },
  check: { min: 'list', maxDrop: 'list', baseline: 'list', every: 'text', asOf: 'text', rule: 'text', onLowBase: 'text', onStale: 'text', by: 'list', ...SCORING },
  report: { every: 'text', asOf: 'text', by: 'list', title: 'text', history: 'number', comments: 'number', onStale: 'text', ...ENRICH, ...DATE, ...INPUT, ...STATS, ...STRICT },
  followup: {
    group: 'list', score: 'text', metric: 'text', since: 'text', until: 'text', withComment: 'flag', by: 'list', id: 'text', comment: 'text', contact: 'list-or-false', limit: 'number',
    where: 'list', weight: 'text', variance: 'text', cluster: 'text', join: 'text', on: 'text', per: 'text', perRule: 'text', tags: 'text', ...DATE, ...INPUT, ...STRICT,
  },
  inspect: { cluster: 'text', ...INPUT, ...STRICT },
  sql: {
    dialect: 'text', from: 'text', by: 'list', every: 'text', since: 'text', until: 'text', where: 'list', weight: 'text', join: 'text', on: 'text', per: 'text', perRule: 'text', tags: 'text',
    ...ROLE_COLUMNS, metric: 'list', scale: 'list', band: 'list', config: 'text', ...DATE,
  },
  /** readTallies: score's options, and trend's --every to count by period */
  tallies: { by: 'list', every: 'text', ...SCORING },
} as const satisfies Record<string, Record<string, Kind>>;

export type ApiCommand = keyof typeof COMMAND_OPTIONS;

/** Flags that shape the output, not the result. */
export const OUTPUT_FLAGS = ['format', 'output', 'quiet', 'color', 'progress', 'emit', 'ci', 'mkdir'] as const;

const OUTPUT_HINTS: Record<string, string> = {
  emit: 'readTallies(files, options) gives the Tallies',
  ci: 'render(result, format, { ci: true }) draws the intervals in the cells',
  color: 'render(result, "table", { color: true }) colours a table',
};

/** The input files, first argument of every function but sql(): a list of names (`-` is standard input). */
export function fileList(command: ApiCommand, files: unknown): string[] {
  if (Array.isArray(files) && files.every((f) => typeof f === 'string')) return [...files];
  const fn = command === 'tallies' ? 'readTallies' : command;
  throw new UsageError(`${fn}() takes the input files first, as a list of names (got ${describe(files)})`, `e.g. ${fn}(['responses.csv'], { … })`);
}

/** A library caller's options → the flag values of the command line (strings, lists, true). */
export function flagValues(command: ApiCommand, options: unknown): Record<string, unknown> {
  const fn = command === 'tallies' ? 'readTallies' : command;
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new UsageError(`the options of ${fn}() must be an object, like { by: ['region'] }`);
  const table: Record<string, Kind> = COMMAND_OPTIONS[command];
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const kind = Object.hasOwn(table, key) ? table[key] : undefined;
    if (kind === undefined) {
      if ((OUTPUT_FLAGS as readonly string[]).includes(key)) {
        throw new UsageError(`${key} is an output option, not an option of ${fn}()`, OUTPUT_HINTS[key] ?? 'render(result, format) turns a result into table, json, csv or markdown text; write it where you like');
      }
      throw new UsageError(`${fn}() has no option ${JSON.stringify(key)}`, `${fn}()'s options are the long flags of cxm ${command === 'tallies' ? 'score' : command} in camel case (--min-n is minN); docs/api.md lists them`);
    }
    const flag = flagValue(key, kind, value);
    if (flag !== undefined) raw[key] = flag;
  }
  return raw;
}

function flagValue(key: string, kind: Kind, value: unknown): unknown {
  const bad = (what: string): never => {
    throw new UsageError(`option ${key} (${flagName(key)}) takes ${what} (got ${describe(value)})`);
  };
  const list = (v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return [...v];
    return bad('a string or a list of strings');
  };
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value : bad('a string');
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : bad('a finite number');
      return typeof value === 'string' ? value : bad('a number');
    case 'list':
      return list(value);
    case 'flag':
      // false is the flag left out, as on the command line
      return typeof value === 'boolean' ? (value || undefined) : bad('true or false');
    case 'list-or-false':
      return value === false ? false : list(value);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'an object' : String(value);
}
