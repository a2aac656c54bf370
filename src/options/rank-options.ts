/** `cxm rank` flags on top of the common ones: --by (one column, required), --k, and --format svg. */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import type { RankSettings } from '../analysis/rank.js';
import { parseCommonOptions, parseFlags, type CommonOptions } from './common-options.js';

export type RankOptions = CommonOptions & Pick<RankSettings, 'k'> & {
  /** --format svg: the funnel plot instead of a table */
  svg: boolean;
};

const schema = z.object({ k: z.optional(z.union([z.string(), z.number()])) });

/** "10" (a count of units) or "10%" (a share of them); the default is 10 %. */
export function parseK(value: string | number | undefined): RankSettings['k'] {
  if (value === undefined) return { share: 0.1 };
  const text = String(value).trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) {
    const share = Number(percent[1]) / 100;
    if (share > 0 && share <= 1) return { share };
  } else if (/^\d+$/.test(text) && Number(text) >= 1) {
    return { count: Number(text) };
  }
  throw new UsageError(`--k must be a count of units (10) or a share of them (10%), got ${JSON.stringify(text)}`);
}

export function parseRankOptions(files: string[], raw: Record<string, unknown>): RankOptions {
  const svg = raw.format === 'svg';
  const common = parseCommonOptions(files, svg ? { ...raw, format: undefined } : raw);
  const o = parseFlags(schema, raw);
  if (common.by.length !== 1) throw new UsageError(common.by.length === 0 ? 'rank needs --by COLUMN' : `rank ranks the values of one column, got --by ${common.by.join(',')}`, 'e.g. cxm rank reviews.csv --by airline');
  if (common.emit) throw new UsageError('rank cannot --emit tallies', 'count them with cxm score … --by COLUMN --emit tallies');
  return { ...common, k: parseK(o.k), svg };
}
