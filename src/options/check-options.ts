/**
 * `cxm check` flags on top of the common ones: thresholds (--min, --max-drop), what the current data
 * is compared with (--baseline FILES, or --every PERIOD with --as-of), the rule, and what a low base
 * does. The config file's `check` section gives defaults; flags override it, threshold by threshold.
 */
import { isMetric, isPercent, METRICS, metricRange, ROLE_DEFS, roleName, roleOf, type Metric, type Role } from '../model/metrics.js';
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { CHECK_RULES, ON_LOW_BASE, ON_STALE, type CheckRule, type OnLowBase, type OnStale } from '../model/check-rules.js';
import { expandGlobs } from '../io/glob.js';
import type { Thresholds } from '../analysis/check.js';
import { EVERY, type Every } from '../time/period.js';
import type { Scale } from '../model/tally.js';
import type { PAdjustMethod } from '../stats/types.js';
import { P_ADJUST_METHODS } from '../stats/types.js';
import { parseAsOf } from './as-of.js';
import { choice, flagName, parseCommonOptions, parseFlags, readConfig, refuseSharedFiles, splitList, type CheckConfig, type CommonOptions } from './common-options.js';

export const CHECK_FORMATS = ['table', 'json', 'junit', 'github', 'markdown', 'csv'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export type CheckOptions = Omit<CommonOptions, 'format'> & {
  format: CheckFormat;
  thresholds: Thresholds;
  rule: CheckRule;
  onLowBase: OnLowBase;
  onStale: OnStale;
} & ({ mode: 'file' } | { mode: 'files'; current: string[]; baseline: string[] } | { mode: 'periods'; every: Every; asOf: number | null });

const schema = z.object({
  min: z.optional(z.array(z.string())),
  maxDrop: z.optional(z.array(z.string())),
  baseline: z.optional(z.array(z.string())),
  every: z.optional(choice(EVERY)),
  asOf: z.optional(z.string()),
  rule: z.optional(choice(CHECK_RULES)),
  onLowBase: z.optional(choice(ON_LOW_BASE)),
  onStale: z.optional(choice(ON_STALE)),
  format: z.optional(choice(CHECK_FORMATS)),
  adjust: z.optional(choice(P_ADJUST_METHODS)),
});

const USAGE_HINT = 'e.g. cxm check responses.csv --min nps=30, or --max-drop nps=5 with --baseline OLD.csv or --every week';

/**
 * The range a threshold must lie in: the metric's (NPS −100..100, percents 0..100), for means the answer
 * scale (the --scale given, else the role's). A minimum percent at or below 1 reads as a share, not a
 * percent (`csat=0.8` would pass at 0.8 %): refused with the percent it probably means.
 */
function checkRange(flag: string, metric: Metric, value: number, scales: Partial<Record<Role, Scale>>): void {
  const role = roleOf(metric);
  const scale = scales[role] ?? ROLE_DEFS[role].scale;
  const range = metricRange(metric);
  const [lo, hi] = range ?? [scale.lo, scale.hi];
  const what = range === null ? `the ${roleName(role)} scale runs from ${lo} to ${hi}` : `${metric} runs from ${lo} to ${hi}`;
  if (flag === '--max-drop' ? value < 0 || value > hi - lo : value < lo || value > hi) {
    throw new UsageError(`${flag} ${metric}=${value}: ${flag === '--max-drop' ? `a drop is 0 to ${hi - lo} points` : what}`);
  }
  if (flag === '--min' && isPercent(metric) && value <= 1) {
    throw new UsageError(`--min ${metric}=${value}: ${metric} is a percent, so this passes at ${value}%`, value > 0 ? `did you mean ${formatThreshold(value * 100)} (percent)?` : 'give the lowest percent that passes, e.g. 80');
  }
}

const formatThreshold = (v: number) => String(Number(v.toPrecision(12)));

/** `nps=30,csat=80` (repeatable) → {nps: 30, csat: 80}; later wins. */
export function parseThresholdSpecs(flag: string, specs: string[]): Partial<Record<Metric, number>> {
  const out: Partial<Record<Metric, number>> = {};
  for (const spec of splitList(specs)) {
    const m = /^\s*([a-z-]+)\s*=\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*$/i.exec(spec);
    const metric = m?.[1].toLowerCase();
    if (!m || !isMetric(metric!)) {
      throw new UsageError(`${flag} takes METRIC=NUMBER, like ${flag === '--min' ? 'nps=30' : 'nps=5'} (got ${JSON.stringify(spec)})`, `metrics: ${METRICS.join(', ')}`);
    }
    out[metric as Metric] = Number(m[2]);
  }
  return out;
}

function thresholdsOf(o: { min?: string[]; maxDrop?: string[] }, config: CheckConfig): Thresholds {
  const thresholds: Thresholds = {
    min: { ...(config.min ?? {}), ...parseThresholdSpecs('--min', o.min ?? []) },
    maxDrop: { ...(config.maxDrop ?? {}), ...parseThresholdSpecs('--max-drop', o.maxDrop ?? []) },
  };
  return thresholds;
}

/** Every threshold inside what its metric can be, on the scales of the run. */
function checkThresholds(thresholds: Thresholds, scales: Partial<Record<Role, Scale>>): void {
  for (const [flag, list] of [['--min', thresholds.min], ['--max-drop', thresholds.maxDrop]] as const) {
    for (const [metric, value] of Object.entries(list)) checkRange(flag, metric as Metric, value, scales);
  }
}

export function parseCheckOptions(files: string[], raw: Record<string, unknown>): CheckOptions {
  const o = parseFlags(schema, raw);
  if (raw.metric !== undefined) throw new UsageError('check takes its metrics from --min and --max-drop; drop --metric');
  const config = (typeof raw.config === 'string' ? readConfig(raw.config).check : undefined) ?? {};
  const thresholds = thresholdsOf(o, config);
  const metrics = METRICS.filter((m) => thresholds.min[m] !== undefined || thresholds.maxDrop[m] !== undefined);
  if (metrics.length === 0) throw new UsageError('nothing to check', `give a threshold: ${USAGE_HINT}`);
  const every = o.every ?? (o.baseline === undefined ? config.every : undefined);
  const { format: _format, adjust: _adjust, ...rest } = raw;
  const settings = {
    format: o.format ?? 'table',
    thresholds,
    rule: o.rule ?? config.rule ?? 'credible',
    onLowBase: o.onLowBase ?? config.onLowBase ?? 'warn',
    onStale: o.onStale ?? 'fail',
    // a gate's family is every check of the run, adjusted with Holm unless told otherwise
    adjust: (o.adjust ?? config.adjust ?? 'holm') as PAdjustMethod,
  };
  const dateFlags = ['date', 'tz', 'weekStart', 'dateFormat', 'asOf', 'onStale'].filter((k) => raw[k] !== undefined);
  // --since/--until and --per-rule latest read the date column too
  const datesUsed = raw.since !== undefined || raw.until !== undefined || raw.perRule === 'latest';
  if (every === undefined && dateFlags.length > 0 && !datesUsed) {
    throw new UsageError(`${dateFlags.map(flagName).join(', ')} only matter${dateFlags.length === 1 ? 's' : ''} with --every`, USAGE_HINT);
  }
  if (o.baseline !== undefined) {
    if (o.every !== undefined) throw new UsageError('--baseline and --every are two ways to say what the current data is compared with: give one', USAGE_HINT);
    if (files.length === 0) throw new UsageError('no input file', 'give the current file(s) before --baseline');
    const current = expandGlobs(files, 'the current files');
    const baseline = expandGlobs(o.baseline, '--baseline');
    refuseSharedFiles(current, baseline);
    const common = parseCommonOptions([...current, ...baseline], rest);
    checkThresholds(thresholds, common.scales);
    return { ...common, ...settings, metrics, mode: 'files', current, baseline };
  }
  const common = parseCommonOptions(files, rest);
  checkThresholds(thresholds, common.scales);
  if (every !== undefined) {
    return { ...common, ...settings, metrics, mode: 'periods', every, asOf: parseAsOf(o.asOf) };
  }
  const drops = Object.keys(thresholds.maxDrop);
  if (drops.length > 0) {
    throw new UsageError(`--max-drop ${drops.join(', ')}: a drop needs something to drop from`, 'add --baseline OLD.csv, or --every week to compare the last complete week with the one before');
  }
  return { ...common, ...settings, metrics, mode: 'file' };
}
