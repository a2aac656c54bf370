/** `cxm drivers` options: the common ones, with --by required (and `tag` added when --tags is given). */
import { UsageError } from '../model/errors.js';
import { normalizeHeader } from '../io/columns.js';
import { TAG_COLUMN } from '../fold/enrich-plan.js';
import { parseCommonOptions, type CommonOptions } from './common-options.js';

export function parseDriversOptions(files: string[], raw: Record<string, unknown>): CommonOptions {
  const o = parseCommonOptions(files, raw);
  const by = o.tags && !o.by.some((b) => normalizeHeader(b) === TAG_COLUMN) ? [...o.by, TAG_COLUMN] : o.by;
  if (by.length === 0) throw new UsageError('drivers needs --by COLUMNS (or --tags RULES.json)', 'e.g. cxm drivers responses.csv --by region,plan');
  return { ...o, by };
}
