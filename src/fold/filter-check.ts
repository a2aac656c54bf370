/**
 * A filter that matches nothing is a mistake, not a score of n = 0: a gate that checks nothing must not
 * pass. When the user's filters (--where, --since/--until, --per) leave no row, the run stops
 * with exit 2, naming the filter and the values its columns have (from the first rows). A `=` / `in`
 * value that matches no value exactly but one in another case gets a hint either way: comparisons stay
 * exact (`Emea` is not `EMEA`).
 */
import { InputError } from '../model/errors.js';
import { findColumn } from '../io/columns.js';
import type { Source } from '../io/read-source.js';
import type { FoldCounts } from './fold.js';
import { formatWhere, type WhereExpr } from './where.js';

/** Distinct values shown for a column. */
const SHOWN_VALUES = 12;

/** The filters a request asks for, as the user would recognise them. */
export interface UserFilters {
  where?: WhereExpr[];
  since?: string | null;
  until?: string | null;
  per?: string;
}

function describe(f: UserFilters): string[] {
  const out = (f.where ?? []).map(formatWhere);
  if (f.since) out.push(`--since ${f.since}`);
  if (f.until) out.push(`--until ${f.until}`);
  if (f.per) out.push(`--per ${f.per} (rows with a value to roll up by)`);
  return out;
}

/** `=` and `in` comparisons of an expression: column and value. */
function equalities(expr: WhereExpr): { column: string; value: string }[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...equalities(expr.left), ...equalities(expr.right)];
    case 'not':
      return equalities(expr.expr);
    case 'compare':
      return expr.op === '=' || expr.op === '!=' ? [{ column: expr.column, value: expr.value }] : [];
    case 'in':
      return expr.values.map((value) => ({ column: expr.column, value }));
    case 'match':
      return [];
  }
}

/** Distinct non-blank values of a source's column among its first rows, in code-point order. */
function firstValues(source: Source, column: string): { index: number; values: string[] } | null {
  let index: number;
  try {
    index = findColumn(source.header, column, '--where', source.input.name, source.labels);
  } catch {
    return null; // a joined column or `tag`: not in the preview
  }
  const values = [...new Set(source.preview.map((row) => (row[index] ?? '').trim()).filter(Boolean))].sort();
  return { index, values };
}

/** `region = Emea matches no value exactly; "EMEA" does (comparisons are exact)` for each such value. */
export function caseHints(source: Source, where: WhereExpr[] = []): string[] {
  const out: string[] = [];
  for (const { column, value } of where.flatMap(equalities)) {
    const seen = firstValues(source, column);
    if (!seen || seen.values.includes(value.trim())) continue;
    const other = seen.values.find((v) => v.toLowerCase() === value.trim().toLowerCase());
    if (other !== undefined) out.push(`--where ${column} = ${value}: no value is ${JSON.stringify(value)} exactly, ${JSON.stringify(other)} is (comparisons are exact and case-sensitive)`);
  }
  return out;
}

/** Throws when the user's filters left no row of rows that were there; else notes the case hints on the source. */
export function checkFiltersMatch(first: Source, filters: UserFilters, counts: FoldCounts): void {
  const hints = caseHints(first, filters.where);
  const passed = counts.used + counts.skipped + counts.invalid;
  const named = describe(filters);
  if (counts.rows > 0 && passed === 0 && named.length > 0) {
    const columns = [...new Set((filters.where ?? []).flatMap(equalities).map((e) => e.column))];
    const values = columns.flatMap((c) => {
      const seen = firstValues(first, c);
      if (!seen || seen.values.length === 0) return [];
      const shown = seen.values.slice(0, SHOWN_VALUES).join(', ') + (seen.values.length > SHOWN_VALUES ? ', …' : '');
      return [`${c} has: ${shown}`];
    });
    const message = `0 of ${counts.rows} rows match ${named.join(' and ')}${values.length ? `; ${values.join('; ')}` : ''}`;
    throw new InputError(message, { file: first.input.name }, hints.length ? hints.join('; ') : 'a filter that leaves no row would score nothing: check the filter against the values above');
  }
  for (const hint of hints) first.notes.push(hint);
}
