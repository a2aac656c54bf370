/**
 * `cxm plan` flags: figures (--promoters/--detractors or --share, percents) or a file, the target
 * --margin, the sizes --n/--n2, --power, --population and --response-rate; the common options when a
 * file is read (its --level applies to both).
 */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import type { PlanSettings } from '../analysis/plan.js';
import { parseCommonOptions, parseFlags, type CommonOptions } from './common-options.js';

export type PlanOptions = CommonOptions & PlanSettings;

const value = z.optional(z.union([z.string(), z.number()]));
const schema = z.object({ promoters: value, detractors: value, share: value, margin: value, n: value, n2: value, power: value, population: value, responseRate: value });

/** A number from a flag, checked; percent signs allowed where `percent` says. */
function numberOf(flag: string, raw: string | number | undefined, check: (v: number) => boolean, what: string, percent = false): number | null {
  if (raw === undefined) return null;
  const text = String(raw).trim();
  const m = /^(-?\d*\.?\d+(?:e[+-]?\d+)?)(%?)$/i.exec(text);
  const v = m ? Number(m[1]) / (m[2] && !percent ? 100 : 1) : Number.NaN;
  if (!m || !Number.isFinite(v) || !check(v)) throw new UsageError(`${flag} must be ${what}, got ${JSON.stringify(text)}`);
  return v;
}

/** 0.25 or 25%: a rate in (0, 1]. */
function rateOf(flag: string, raw: string | number | undefined): number | null {
  if (raw === undefined) return null;
  const text = String(raw).trim();
  const v = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!(v > 0 && v <= 1) || text === '') throw new UsageError(`${flag} must be a rate like 0.25 or 25%, got ${JSON.stringify(text)}`);
  return v;
}

export function parsePlanOptions(files: string[], raw: Record<string, unknown>): PlanOptions {
  const o = parseFlags(schema, raw);
  const percent = (flag: string, v: string | number | undefined) => numberOf(flag, v, (x) => x >= 0 && x <= 100, 'a percent from 0 to 100', true);
  const count = (flag: string, v: string | number | undefined) => numberOf(flag, v, (x) => Number.isInteger(x) && x >= 1, 'a whole number ≥ 1');
  const promoters = percent('--promoters', o.promoters);
  const detractors = percent('--detractors', o.detractors);
  const share = percent('--share', o.share);
  const figures = promoters !== null || detractors !== null || share !== null;
  if (figures && files.length > 0) throw new UsageError('plan takes a file or figures (--promoters/--detractors, --share), not both');
  if (!figures && files.length === 0) throw new UsageError('plan needs a file, or figures: --promoters P --detractors D (NPS) or --share P (a percent)', 'e.g. cxm plan --promoters 50 --detractors 20 --margin 5');
  if (share !== null && (promoters !== null || detractors !== null)) throw new UsageError('--share is for a percent; --promoters/--detractors for NPS: give one or the other');
  if (share === null && figures && (promoters === null || detractors === null)) throw new UsageError('NPS figures need both --promoters and --detractors (percents)');
  if (promoters !== null && detractors !== null && promoters + detractors > 100) throw new UsageError(`--promoters ${promoters} and --detractors ${detractors} add up to more than 100%`);
  const power = numberOf('--power', o.power, (x) => x > 0 && x < 1, 'a probability between 0 and 1, like 0.8 or 80%');
  const common = parseCommonOptions(files, raw, files.length > 0);
  return {
    ...common,
    power: power ?? 0.8,
    margin: numberOf('--margin', o.margin, (x) => x > 0 && x <= 200, 'a margin of error in points, like 5') ?? 5,
    n: count('--n', o.n),
    n2: count('--n2', o.n2),
    population: count('--population', o.population),
    responseRate: rateOf('--response-rate', o.responseRate),
    promoters,
    detractors,
    share,
  };
}
