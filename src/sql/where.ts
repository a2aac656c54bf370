/**
 * `--where` and `--weight` in SQL, read as cxm reads them (fold/where-gate.ts,
 * fold/enriched-sink.ts) so the engine keeps, weighs and refuses the same rows. Cells are the
 * trimmed text ('' for NULL). A comparison with a number compares numbers when the cell is one (the form
 * `io/values.ts parseDecimal` reads: `12`, `-3.5`, `.5`, `1e3`; a decimal point only), decided per row
 * with a CASE; text compares by code points. Every condition is TRUE or FALSE, never NULL, so `not`
 * means what it says. Values and names are quoted by the dialect, never pasted.
 */
import { parseDecimal } from '../io/values.js';
import { UsageError } from '../model/errors.js';
import type { CompareOp, WhereExpr } from '../fold/where.js';
import type { Dialect } from './dialect.js';
import { translateRegex } from './regex.js';
import { MAX_WEIGHT, MIN_WEIGHT } from '../io/limits.js';

/** What parseDecimal reads as a number (its PLAIN_NUMBER), in the brackets every engine reads alike. */
const NUMBER_PATTERN = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';


/** The number a trimmed cell `t` stands for, or NULL when it is none. */
export function cellNumber(d: Dialect, t: string): string {
  return `CASE WHEN ${d.matches(t, NUMBER_PATTERN)} THEN ${d.toDouble(t)} END`;
}

/** The condition as a SQL boolean; `text(column)` is the column's trimmed text, never NULL. */
export function whereSql(d: Dialect, expr: WhereExpr, text: (column: string) => string): string {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `(${whereSql(d, expr.left, text)} ${expr.kind.toUpperCase()} ${whereSql(d, expr.right, text)})`;
    case 'not':
      return `(NOT ${whereSql(d, expr.expr, text)})`;
    case 'compare': {
      const t = text(expr.column);
      if (expr.op === '=' || expr.op === '!=') {
        const equal = equality(d, t, expr.value);
        return expr.op === '=' ? equal : `(NOT ${equal})`;
      }
      return ordering(d, t, expr.op, expr.value);
    }
    case 'in': {
      const t = text(expr.column);
      return `(${expr.values.map((v) => equality(d, t, v)).join(' OR ')})`;
    }
    case 'match': {
      if (expr.source === '') return '(1 = 1)';
      return `COALESCE(${d.search(text(expr.column), translateRegex(expr.source, expr.flags, d.regex))}, FALSE)`;
    }
  }
}

/** `=`: the same text, or (the value being a number) a cell that is the same number. */
function equality(d: Dialect, t: string, value: string): string {
  const same = `(${d.binary(t)} = ${d.binary(d.str(value))})`;
  const n = parseDecimal(value);
  if (n === null) return same;
  return `(${same} OR COALESCE(${cellNumber(d, t)} = ${d.number(n)}, FALSE))`;
}

const SQL_OP: Record<Exclude<CompareOp, '=' | '!='>, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** `<` `<=` `>` `>=`: numbers when the value is one (a cell that is not never passes), else text; a blank cell never passes. */
function ordering(d: Dialect, t: string, op: CompareOp, value: string): string {
  const sqlOp = SQL_OP[op as keyof typeof SQL_OP];
  const n = parseDecimal(value);
  if (n === null) {
    // JavaScript orders UTF-16 code units, engines code points: they agree while the value has none from U+D800 on
    if (/[\uD800-\uFFFF]/.test(value)) {
      throw new UsageError(`--where: ${op} ${JSON.stringify(value)}: cxm sql orders text by code points, cxm by UTF-16 units, and they differ for characters from U+D800 on`, 'compare with =, in or ~ instead');
    }
    return `(${t} <> '' AND ${d.binary(t)} ${sqlOp} ${d.binary(d.str(value))})`;
  }
  return `COALESCE(${cellNumber(d, t)} ${sqlOp} ${d.number(n)}, FALSE)`;
}

/**
 * How the weight `w` (cellNumber of the weight column) leaves a row: 'bad' (blank, not a number,
 * negative, or a non-zero weight outside MIN_WEIGHT–MAX_WEIGHT: the row is invalid), 'zero' (excluded), 'ok' (weighed); never NULL.
 */
export function weightKind(d: Dialect, w: string): string {
  return `CASE WHEN ${w} IS NULL OR ${w} < 0 OR ${w} > ${d.number(MAX_WEIGHT)} OR (${w} > 0 AND ${w} < ${d.number(MIN_WEIGHT)}) THEN 'bad' WHEN ${w} = 0 THEN 'zero' ELSE 'ok' END`;
}
