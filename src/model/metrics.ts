/**
 * The registry of metrics: everything cxm knows about what a metric *is*, in two tables read by every
 * other layer (planning, statistics, rendering, flags, help texts, SQL). Adding a metric is one entry
 * here plus its tests (docs/adding-a-metric.md); nothing else tests metric names.
 *
 * - ROLE_TABLE: the score columns. A role is a column's part (`--nps COL`): its answer scale, the
 *   band of answers that count as a success, its own label map, the words for its answers.
 * - METRIC_TABLE: what is computed from one role's Tally. Its `kind` says how (KINDS): an NPS, a
 *   proportion (share of answers in the band, shown as a percent) or a mean on the answer scale. The
 *   kind is a discriminated union: code that handles metrics switches on it, and `unhandledKind`
 *   in the default branch makes a kind without a case fail to compile.
 *
 * Tallies are per role, so a role's entry is also its SQL tally: `cxm sql` counts a column on the
 * role's scale, reading its answer words (`labels`) in the CASE of sql/cells.ts `scoreNumber`, exactly
 * as the fold does; every metric of the role is then computed from that Tally like any other.
 *
 * Like the rest of src/model it imports nothing outside model: the interval method names are spelled
 * here as users type them, and test/model/metrics.test.ts checks they are the ones src/stats implements
 * (NPS_METHODS, PROPORTION_METHODS).
 */
import type { Scale } from './tally.js';

/** How a metric is computed from its role's Tally. */
export type MetricKind = 'nps' | 'proportion' | 'mean';

/** The words of a role whose answers are a success or not (every role but NPS). */
export interface SuccessWords {
  /** the category of an answer inside the band (followup's list, the band hint) */
  yes: string;
  /** the category of an answer outside it, the answers followup lists by default */
  no: string;
  /** the counts of a proportion row, `{ [yes]: x, [rest]: n − x }` (JSON `counts`, CSV columns) */
  rest: string;
  /** the answers outside the band, as report's comment section names them: `Comments from answers not satisfied` */
  phrase: string;
  /**
   * When CSV output has a column of the success count (named `yes`): `always` for the roles of the
   * first CSV contract (satisfied, agree), `scored` for roles added since, only when the result has
   * their rows, so that earlier outputs keep their columns.
   */
  csv: 'always' | 'scored';
}

export interface RoleDef {
  /** what messages call the role: `no NPS column found` */
  name: string;
  /** what the column flag's help calls it: `--nps <column>` the NPS column (0-10) */
  help: string;
  /** the scale when neither flag, config nor layout gives one */
  scale: Scale;
  /** whether the scale is the role's definition (yes/no: 0–1), so that --scale and --band are refused */
  fixedScale: boolean;
  /** the success band of a scale when --band gives none; null: the band must be given */
  defaultBand: (scale: Scale) => Scale | null;
  /** success words; null for NPS, whose answers are promoters, passives and detractors */
  success: SuccessWords | null;
  /**
   * The role's own answer words (normalized label → point), replacing the built-in label maps of
   * io/labels.ts; undefined: the built-in maps for the scale's width. A config file's labels add to either.
   */
  labels?: readonly (readonly [string, number])[];
}

/** The top `k` points of a scale. */
const top = (scale: Scale, k: number): Scale => ({ lo: scale.hi - k + 1, hi: scale.hi });
const width = (scale: Scale) => scale.hi - scale.lo + 1;
const is = (scale: Scale, lo: number, hi: number) => scale.lo === lo && scale.hi === hi;

/**
 * The score roles, in the order columns are looked for and results listed. Default bands: NPS on 11
 * points → the top two (promoters); CSAT 1–5 → 4–5, CES 1–7 → 5–7, CES 1–5 → 4–5; CSAT or CES on 2
 * points (yes/no, Zendesk's good/bad) → the top one. Any other scale needs --band: guessing it would
 * change the score silently.
 */
const ROLE_TABLE = {
  nps: {
    name: 'NPS',
    help: 'the NPS column (0-10)',
    scale: { lo: 0, hi: 10 },
    fixedScale: false,
    defaultBand: (s) => (width(s) === 11 ? { lo: s.lo + 9, hi: s.hi } : null),
    success: null,
  },
  csat: {
    name: 'CSAT',
    help: 'the CSAT column (1-5)',
    scale: { lo: 1, hi: 5 },
    fixedScale: false,
    defaultBand: (s) => (width(s) === 2 ? top(s, 1) : is(s, 1, 5) ? { lo: 4, hi: 5 } : null),
    success: { yes: 'satisfied', no: 'not satisfied', rest: 'other', phrase: 'answers not satisfied', csv: 'always' },
  },
  ces: {
    name: 'CES',
    help: 'the CES column (1-7)',
    scale: { lo: 1, hi: 7 },
    fixedScale: false,
    defaultBand: (s) => (width(s) === 2 ? top(s, 1) : is(s, 1, 7) ? { lo: 5, hi: 7 } : is(s, 1, 5) ? { lo: 4, hi: 5 } : null),
    success: { yes: 'agree', no: 'not agree', rest: 'other', phrase: 'answers not in agreement', csv: 'always' },
  },
  // a yes/no question ("Would you recommend us?"): the share answering yes, never an NPS (issue 13)
  recommend: {
    name: 'recommend',
    help: 'the yes/no recommend column (1/0, yes/no, true/false, y/n)',
    scale: { lo: 0, hi: 1 },
    fixedScale: true,
    defaultBand: () => ({ lo: 1, hi: 1 }),
    success: { yes: 'yes', no: 'no', rest: 'no', phrase: 'answers of no', csv: 'scored' },
    labels: [
      ['yes', 1],
      ['y', 1],
      ['true', 1],
      ['no', 0],
      ['n', 0],
      ['false', 0],
    ],
  },
} as const satisfies Record<string, RoleDef>;

/** The score columns cxm knows. A metric (nps, csat, csat-mean…) is computed from one role's Tally. */
export type Role = keyof typeof ROLE_TABLE;
export const ROLE_DEFS: Readonly<Record<Role, RoleDef>> = ROLE_TABLE;
export const ROLES = Object.keys(ROLE_TABLE) as Role[];

/** An interval method per role, chosen with --method ROLE=NAME; `allowed` lists the names, the default first. */
export interface IntervalMethods<M extends string> {
  default: M;
  allowed: readonly M[];
}

interface MetricCommon {
  /** the name in --metric, JSON `metric`, check thresholds */
  id: string;
  /** the role whose Tally the metric is computed from */
  role: Role;
  /** the metric's column heading and title: `CSAT %` */
  label: string;
  /** decimals shown */
  digits: number;
}

/** The --method names of NPS (stats/nps-interval.ts) and of proportions (stats/proportion-interval.ts), the default first. */
const NPS_METHOD_NAMES = ['adjusted-wald', 'wald', 'score', 'bootstrap'] as const;
const PROPORTION_METHOD_NAMES = ['wilson', 'wald', 'wilson-cc', 'agresti-coull', 'clopper-pearson', 'jeffreys'] as const;
export type NpsMethodName = (typeof NPS_METHOD_NAMES)[number];
export type ProportionMethodName = (typeof PROPORTION_METHOD_NAMES)[number];

export interface NpsMetric extends MetricCommon {
  kind: 'nps';
  interval: IntervalMethods<NpsMethodName>;
}

export interface ProportionMetric extends MetricCommon {
  kind: 'proportion';
  interval: IntervalMethods<ProportionMethodName>;
}

export interface MeanMetric extends MetricCommon {
  kind: 'mean';
  interval: IntervalMethods<'t'>;
}

export type MetricDef = NpsMetric | ProportionMetric | MeanMetric;

const NPS_INTERVALS: IntervalMethods<NpsMethodName> = { default: 'adjusted-wald', allowed: NPS_METHOD_NAMES };
const PROPORTION_INTERVALS: IntervalMethods<ProportionMethodName> = { default: 'wilson', allowed: PROPORTION_METHOD_NAMES };
const T_INTERVAL: IntervalMethods<'t'> = { default: 't', allowed: ['t'] };

/**
 * The metrics a user can ask for, in the order results list them. A role's first metric is the one
 * computed when --metric is not given, and its id is the role's (`nps`, `csat`, `ces`); a role's
 * --method chooses the interval of that metric (means always use Student t).
 */
const METRIC_TABLE = [
  { id: 'nps', role: 'nps', kind: 'nps', label: 'NPS', digits: 1, interval: NPS_INTERVALS },
  { id: 'csat', role: 'csat', kind: 'proportion', label: 'CSAT %', digits: 1, interval: PROPORTION_INTERVALS },
  { id: 'ces', role: 'ces', kind: 'proportion', label: 'CES % agree', digits: 1, interval: PROPORTION_INTERVALS },
  { id: 'csat-mean', role: 'csat', kind: 'mean', label: 'CSAT mean', digits: 2, interval: T_INTERVAL },
  { id: 'ces-mean', role: 'ces', kind: 'mean', label: 'CES mean', digits: 2, interval: T_INTERVAL },
  { id: 'recommend', role: 'recommend', kind: 'proportion', label: 'Recommend %', digits: 1, interval: PROPORTION_INTERVALS },
] as const satisfies readonly MetricDef[];

export type Metric = (typeof METRIC_TABLE)[number]['id'];
export const METRIC_DEFS: readonly (MetricDef & { id: Metric })[] = METRIC_TABLE;
export const METRICS = METRIC_TABLE.map((m) => m.id) as [Metric, ...Metric[]];

/** What a kind of metric shares: how values are shown, the range a threshold must lie in, its difference test. */
export interface KindDef {
  /** what the methods note calls metrics of the kind: `percents` */
  plural: string;
  /** values are percents (`%`, differences in ` pts`) */
  percent: boolean;
  /** estimates and differences are on 0..1 in src/stats and shown ×100 (NPS −100..100, percents) */
  displayFactor: number;
  /** the values an estimate can take; null: the role's answer scale */
  range: readonly [number, number] | null;
  /**
   * The test of a difference of two independent samples (analysis/estimate.ts compareTallies): NPS
   * the adjusted-Wald difference test (plain Wald with --method nps=wald), percents Newcombe's hybrid
   * score interval with the p that inverts it, means Welch's t.
   */
  difference: string;
}

/** Kinds in the order the methods note names them. */
export const KINDS: Readonly<Record<MetricKind, KindDef>> = {
  nps: { plural: 'NPS', percent: false, displayFactor: 100, range: [-100, 100], difference: 'adjusted difference test' },
  proportion: { plural: 'percents', percent: true, displayFactor: 100, range: [0, 100], difference: 'Newcombe hybrid score interval, p by inverting it' },
  mean: { plural: 'means', percent: false, displayFactor: 1, range: null, difference: 'Welch t' },
};

const BY_ID = new Map<string, MetricDef & { id: Metric }>(METRIC_DEFS.map((m) => [m.id, m]));

export function isMetric(name: string): name is Metric {
  return BY_ID.has(name);
}

export function metricDef(metric: Metric): MetricDef & { id: Metric } {
  return BY_ID.get(metric)!;
}

export function kindOf(metric: Metric): MetricKind {
  return metricDef(metric).kind;
}

export function roleOf(metric: Metric): Role {
  return metricDef(metric).role;
}

/** The metric a role's Tally gives when --metric is not given (its id is the role's). */
export function primaryMetric(role: Role): Metric {
  return role;
}

/** Digits shown: NPS and percents one decimal, means two. */
export function metricDigits(metric: Metric): number {
  return metricDef(metric).digits;
}

/** Whether values are percents: `%` after values, ` pts` after differences. */
export function isPercent(metric: Metric): boolean {
  return KINDS[kindOf(metric)].percent;
}

/** The values a metric takes (NPS −100..100, percents 0..100), or null when that is the answer scale (means). */
export function metricRange(metric: Metric): readonly [number, number] | null {
  return KINDS[kindOf(metric)].range;
}

/** The default interval method of each role (its primary metric's), as the settings carry them. */
export type Methods = { [R in Role]: Extract<(typeof METRIC_TABLE)[number], { id: R }>['interval'] extends IntervalMethods<infer M> ? M : never };

export const DEFAULT_METHODS = Object.fromEntries(ROLES.map((r) => [r, metricDef(primaryMetric(r)).interval.default])) as Methods;

/** The --method names a role accepts (its primary metric's). */
export function methodsOf(role: Role): readonly string[] {
  return metricDef(primaryMetric(role)).interval.allowed;
}

/** For the default branch of a switch over kinds: a kind without a case does not compile. */
export function unhandledKind(kind: never): never {
  throw new Error(`unhandled metric kind ${JSON.stringify(kind)}`);
}

/** A metric's column heading: `CSAT %`. */
export function metricLabel(metric: Metric): string {
  return metricDef(metric).label;
}

/** What messages and headings call a role: `NPS`, `CSAT`. */
export function roleName(role: Role): string {
  return ROLE_DEFS[role].name;
}

/** The kind of a role's primary metric: `nps` for the NPS role (promoters, passives, detractors). */
export function roleKind(role: Role): MetricKind {
  return kindOf(primaryMetric(role));
}

/** The roles in one phrase for messages and help: `nps, csat, ces or recommend` (`each` spells a role). */
export function listRoles(each: (role: Role) => string = (r) => r): string {
  const items = ROLES.map(each);
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
