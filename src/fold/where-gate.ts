/**
 * A parsed --where expression bound to one source's columns (plain data, for worker threads) and
 * compiled into a test of each record. Comparisons: `=` and `!=` compare numbers when both sides are
 * numbers (`9` equals `9.0`), else the trimmed text exactly; `<` `<=` `>` `>=` compare numbers when the
 * value is a number (a cell that is not a number never passes) and text by code points otherwise (ISO
 * dates order correctly); a blank cell never passes an ordering. `in` is any of `=`; `~` a regular
 * expression search. On `tag` (with --tags) `=` means "has the tag", `!=` "has not", `in` "has any".
 */
import { UsageError } from '../model/errors.js';
import type { SourceRecord } from '../io/record.js';
import { UNTAGGED } from '../io/tag-rules.js';
import { parseDecimal } from '../io/values.js';
import { taggerFor, tagsOfKey, type TagPlan } from './tagger.js';
import type { CompareOp, WhereExpr } from './where.js';
import { compileUserRegex } from '../io/user-regex.js';

/** Where a name in the expression is read: a column by index, or the comment tags. */
export type BoundColumn = { column: string; index: number; decimalComma: boolean } | { column: string; tags: TagPlan };

export type BoundWhere =
  | { kind: 'and' | 'or'; left: BoundWhere; right: BoundWhere }
  | { kind: 'not'; expr: BoundWhere }
  | { kind: 'compare'; at: BoundColumn; op: CompareOp; value: string }
  | { kind: 'in'; at: BoundColumn; values: string[] }
  | { kind: 'match'; at: BoundColumn; source: string; flags: string };

export function bindWhere(expr: WhereExpr, resolve: (name: string) => BoundColumn): BoundWhere {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return { kind: expr.kind, left: bindWhere(expr.left, resolve), right: bindWhere(expr.right, resolve) };
    case 'not':
      return { kind: 'not', expr: bindWhere(expr.expr, resolve) };
    case 'compare': {
      const at = resolve(expr.column);
      if ('tags' in at && expr.op !== '=' && expr.op !== '!=') {
        throw new UsageError(`--where: ${at.column} ${expr.op} …: tags are compared with =, !=, in and ~ only`);
      }
      return { kind: 'compare', at, op: expr.op, value: expr.value };
    }
    case 'in':
      return { kind: 'in', at: resolve(expr.column), values: expr.values };
    case 'match':
      return { kind: 'match', at: resolve(expr.column), source: expr.source, flags: expr.flags };
  }
}

export function compileWhere(expr: BoundWhere): (record: SourceRecord) => boolean {
  switch (expr.kind) {
    case 'and': {
      const left = compileWhere(expr.left);
      const right = compileWhere(expr.right);
      return (r) => left(r) && right(r);
    }
    case 'or': {
      const left = compileWhere(expr.left);
      const right = compileWhere(expr.right);
      return (r) => left(r) || right(r);
    }
    case 'not': {
      const inner = compileWhere(expr.expr);
      return (r) => !inner(r);
    }
    case 'compare': {
      const test = expr.op === '=' || expr.op === '!=' ? equality(expr.at, expr.value) : ordering(expr.at, expr.op, expr.value);
      return expr.op === '!=' ? (r) => !test(r) : test;
    }
    case 'in': {
      if ('tags' in expr.at) {
        const tags = tagReader(expr.at.tags);
        const values = expr.values;
        return (r) => {
          const have = tags(r);
          return values.some((v) => have.includes(v));
        };
      }
      const tests = expr.values.map((v) => equality(expr.at, v));
      return (r) => tests.some((t) => t(r));
    }
    case 'match': {
      const re = compileUserRegex(expr.source, expr.flags);
      if ('tags' in expr.at) {
        const tags = tagReader(expr.at.tags);
        return (r) => tags(r).some((t) => re.test(t));
      }
      const index = expr.at.index;
      return (r) => re.test(r.text(index).trim());
    }
  }
}

/** A record's tags; the list of the last tag set is reused while rows keep the same set. */
function tagReader(plan: TagPlan): (record: SourceRecord) => string[] {
  const tagger = taggerFor(plan);
  let lastKey: string | null = null;
  let lastTags: string[] = [];
  return (record) => {
    const key = tagger(record);
    if (key !== lastKey) {
      lastKey = key;
      lastTags = tagsOfKey(key, UNTAGGED);
    }
    return lastTags;
  };
}

function equality(at: BoundColumn, value: string): (record: SourceRecord) => boolean {
  if ('tags' in at) {
    const tags = tagReader(at.tags);
    return (r) => tags(r).includes(value);
  }
  const index = at.index;
  const number = parseDecimal(value);
  if (number === null) return (r) => r.text(index).trim() === value;
  const decimalComma = at.decimalComma;
  return (r) => {
    const text = r.text(index).trim();
    if (text === value) return true;
    const cell = parseDecimal(text, decimalComma);
    return cell !== null && cell === number;
  };
}

function ordering(at: BoundColumn, op: CompareOp, value: string): (record: SourceRecord) => boolean {
  if ('tags' in at) throw new Error('tags have no order');
  const index = at.index;
  const holds = (c: number) => (op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0);
  const number = parseDecimal(value);
  if (number === null) {
    return (r) => {
      const text = r.text(index).trim();
      return text !== '' && holds(text < value ? -1 : text > value ? 1 : 0);
    };
  }
  const decimalComma = at.decimalComma;
  return (r) => {
    const cell = parseDecimal(r.text(index), decimalComma);
    return cell !== null && !Number.isNaN(cell) && holds(cell < number ? -1 : cell > number ? 1 : 0);
  };
}
