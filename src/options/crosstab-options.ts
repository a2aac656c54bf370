/** `cxm crosstab` flags on top of the common ones: --rows, --cols (one column each), --ci, --suppress-low. */
import * as z from 'zod/mini';
import { UsageError } from '../model/errors.js';
import { parseCommonOptions, parseFlags, type CommonOptions } from './common-options.js';

export interface CrosstabOptions extends CommonOptions {
  rows: string;
  cols: string;
  ci: boolean;
  suppressLow: boolean;
}

const schema = z.object({
  rows: z.optional(z.string()),
  cols: z.optional(z.string()),
  ci: z.optional(z.boolean()),
  suppressLow: z.optional(z.boolean()),
});

export function parseCrosstabOptions(files: string[], raw: Record<string, unknown>): CrosstabOptions {
  const common = parseCommonOptions(files, raw);
  const o = parseFlags(schema, raw);
  const one = (flag: string, value: string | undefined): string => {
    if (value === undefined || value.trim() === '') throw new UsageError(`${flag} COLUMN is required`, 'a cross-tab needs --rows COLUMN and --cols COLUMN');
    if (value.includes(',')) throw new UsageError(`${flag} takes one column (got ${JSON.stringify(value)})`, 'for more dimensions use cxm score --by a,b,c');
    return value.trim();
  };
  const rows = one('--rows', o.rows);
  const cols = one('--cols', o.cols);
  if (rows === cols) throw new UsageError(`--rows and --cols are the same column (${JSON.stringify(rows)})`);
  return { ...common, by: [rows, cols], rows, cols, ci: o.ci ?? false, suppressLow: o.suppressLow ?? false };
}
