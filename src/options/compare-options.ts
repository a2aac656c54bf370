/**
 * `cxm compare` flags and its three forms:
 *   CURRENT BASELINE (two files) · --current FILES… --baseline FILES… (globs expanded here) ·
 *   FILE… --period P --against Q (two periods of the date column).
 */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { expandGlobs } from '../io/glob.js';
import { formatCivil } from '../time/calendar.js';
import { parsePeriodSpan } from '../time/period.js';
import { flagName, parseCommonOptions, parseFlags, PERIOD_HINT, refuseSharedFiles, type CommonOptions } from './common-options.js';

export interface PeriodSpan {
  label: string;
  first: number;
  last: number;
  start: string;
  end: string;
}

export type CompareOptions = CommonOptions &
  ({ mode: 'files'; current: string[]; baseline: string[] } | { mode: 'periods'; current: PeriodSpan; baseline: PeriodSpan });

const schema = z.object({
  current: z.optional(z.array(z.string())),
  baseline: z.optional(z.array(z.string())),
  period: z.optional(z.string()),
  against: z.optional(z.string()),
});

const USAGE_HINT = 'cxm compare CURRENT BASELINE, cxm compare --current FILES --baseline FILES, or cxm compare FILE --period P --against Q';

export function parseCompareOptions(files: string[], raw: Record<string, unknown>): CompareOptions {
  const o = parseFlags(schema, raw);
  const dateFlags = ['date', 'tz', 'weekStart', 'dateFormat'].filter((k) => raw[k] !== undefined);
  const datesUsed = o.period !== undefined || o.against !== undefined || raw.since !== undefined || raw.until !== undefined || raw.perRule === 'latest';
  if (dateFlags.length > 0 && !datesUsed) {
    throw new UsageError(`${dateFlags.map(flagName).join(', ')} only matter${dateFlags.length === 1 ? 's' : ''} with --period/--against, --since/--until or --per-rule latest`, USAGE_HINT);
  }
  if (o.current !== undefined || o.baseline !== undefined) {
    if (o.current === undefined || o.baseline === undefined) throw new UsageError('--current and --baseline go together', USAGE_HINT);
    if (files.length > 0) throw new UsageError(`files given both as arguments and with --current/--baseline: ${files.join(', ')}`, USAGE_HINT);
    if (o.period !== undefined || o.against !== undefined) throw new UsageError('--period/--against compare two periods of one data set; --current/--baseline compare two sets of files', USAGE_HINT);
    const current = expandGlobs(o.current, '--current');
    const baseline = expandGlobs(o.baseline, '--baseline');
    refuseSharedFiles(current, baseline);
    const common = parseCommonOptions([...current, ...baseline], raw);
    return { ...common, mode: 'files', current, baseline };
  }
  if (o.period !== undefined || o.against !== undefined) {
    if (o.period === undefined || o.against === undefined) throw new UsageError('--period and --against go together', 'e.g. --period 2026-W05 --against 2026-W04');
    const common = parseCommonOptions(files, raw);
    const span = (flag: string, value: string): PeriodSpan => {
      const p = parsePeriodSpan(value, common.weekStart);
      if (!p) throw new UsageError(`${flag} takes ${PERIOD_HINT}, or a span FROM..TO (got ${JSON.stringify(value)})`);
      return { ...p, start: formatCivil(p.first), end: formatCivil(p.last) };
    };
    const current = span('--period', o.period);
    const baseline = span('--against', o.against);
    if (current.first <= baseline.last && baseline.first <= current.last) {
      throw new UsageError(`--period ${current.label} and --against ${baseline.label} overlap`, 'the two periods must not share days: the test needs different respondents on each side');
    }
    return { ...common, mode: 'periods', current, baseline };
  }
  if (files.length !== 2) {
    throw new UsageError(files.length < 2 ? 'compare needs a current and a baseline' : `compare takes two files, got ${files.length}`, USAGE_HINT);
  }
  refuseSharedFiles([files[0]], [files[1]]);
  const common = parseCommonOptions(files, raw);
  return { ...common, mode: 'files', current: [files[0]], baseline: [files[1]] };
}
