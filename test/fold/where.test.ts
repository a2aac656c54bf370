// --where: the parser (trees, precedence, quoting, errors with positions) and what a bound expression
// keeps (numbers against text, blanks, in, regular expressions, tags, decimal commas).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { JsonRecord } from '../../src/io/json-reader.js';
import { formatWhere, parseWhere } from '../../src/fold/where.js';
import { bindWhere, compileWhere, type BoundColumn } from '../../src/fold/where-gate.js';
import type { TagPlan } from '../../src/fold/tagger.js';

const HEADER = ['region', 'plan', 'revenue', 'day', 'comment', 'Plan Type'];

/** Which of the rows an expression keeps (1-based). */
function keep(expr: string, rows: unknown[][], options: { decimalComma?: boolean; tags?: TagPlan } = {}): number[] {
  const resolve = (name: string): BoundColumn => {
    if (name === 'tag' && options.tags) return { column: 'tag', tags: options.tags };
    const index = HEADER.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return { column: name, index, decimalComma: options.decimalComma ?? false };
  };
  const test = compileWhere(bindWhere(parseWhere(expr), resolve));
  const record = new JsonRecord();
  return rows.flatMap((row, i) => {
    record.set(row, i + 2);
    return test(record) ? [i + 1] : [];
  });
}

function syntaxError(expr: string): UsageError {
  try {
    parseWhere(expr);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`${expr} parsed`);
}

describe('parseWhere', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(formatWhere(parseWhere('a = 1 or b = 2 and not c = 3'))).toBe('(a = 1 or (b = 2 and not c = 3))');
    expect(formatWhere(parseWhere('(a = 1 or b = 2) and c != 3'))).toBe('((a = 1 or b = 2) and c != 3)');
  });
  it('reads every operator, lists, regular expressions and keywords in any case', () => {
    expect(parseWhere('x == 1')).toEqual({ kind: 'compare', column: 'x', op: '=', value: '1' });
    expect(parseWhere('x <> 1')).toEqual({ kind: 'compare', column: 'x', op: '!=', value: '1' });
    for (const op of ['<', '<=', '>', '>=']) expect(parseWhere(`x${op}5`)).toEqual({ kind: 'compare', column: 'x', op, value: '5' });
    expect(parseWhere('plan IN (Pro, "Business Plus")')).toEqual({ kind: 'in', column: 'plan', values: ['Pro', 'Business Plus'] });
    expect(parseWhere('plan NOT in (Free)')).toEqual({ kind: 'not', expr: { kind: 'in', column: 'plan', values: ['Free'] } });
    expect(parseWhere('comment ~ /charg(e|ed)\\/x/i')).toEqual({ kind: 'match', column: 'comment', source: 'charg(e|ed)\\/x', flags: 'i' });
    expect(parseWhere('comment !~ /x/')).toEqual({ kind: 'not', expr: { kind: 'match', column: 'comment', source: 'x', flags: '' } });
  });
  it('takes quoted column names and values, with escaped quotes, and dates and emails as bare words', () => {
    expect(parseWhere('"Plan Type" = \'it\\\'s\'')).toEqual({ kind: 'compare', column: 'Plan Type', op: '=', value: "it's" });
    expect(parseWhere('day >= 2026-01-05')).toEqual({ kind: 'compare', column: 'day', op: '>=', value: '2026-01-05' });
    expect(parseWhere('email = a.b@example.com')).toEqual({ kind: 'compare', column: 'email', op: '=', value: 'a.b@example.com' });
    expect(parseWhere('region = ""')).toEqual({ kind: 'compare', column: 'region', op: '=', value: '' });
  });
  it.each([
    ['region = ', 'expected a value at the end', 9],
    ['region = EMEA and', 'expected a column name at the end', 17],
    ['(region = EMEA', 'expected ")" at the end', 14],
    ['region = North America', 'unexpected "America": expected "and", "or" or the end at position 16', 15],
    ['region EMEA', 'expected an operator after "region": = != < <= > >= in ~ at position 8', 7],
    ['plan in Pro', 'expected "(" at position 9', 8],
    ['plan not Pro', 'expected "in" after "not"', 9],
    ['c ~ refund', 'expected a regular expression like /refund/i at position 5', 4],
    ['c ~ /refund', 'the regular expression is not closed with / at position 5', 4],
    ['c ~ /x/g', 'regular expression flags "g": only i, m, s and u are allowed', 4],
    ['c ~ /(/', 'not a valid regular expression', 4],
    ["region = 'EMEA", 'the quote is not closed at position 10', 9],
    ['= 1', 'expected a column name at position 1', 0],
  ])('%s: %s', (expr, message, caretAt) => {
    const error = syntaxError(expr);
    expect(error.message).toContain(`--where: ${message}`);
    // the hint shows the expression and a caret under the place (after "hint: ", 6 characters)
    const [shown, caret] = error.hint!.split('\n');
    expect(shown).toBe(expr);
    expect(caret.indexOf('^')).toBe(6 + caretAt);
  });
  it('an empty expression says what to write', () => {
    expect(syntaxError('  ').message).toBe('--where: empty expression at the end');
  });
});

describe('what a --where expression keeps', () => {
  const rows = [
    ['EMEA', 'Pro', '1200', '2026-01-05', 'Refund was slow'],
    ['APAC', 'Free', '900.5', '2026-02-10', ''],
    ['NA', 'Business Plus', '', '2026-03-01', 'charged twice'],
    [' EMEA ', 'Pro', '1.2e3', '', 'fine'],
    ['LATAM', 'Free', 'n/a', '2026-01-31', 'Slow app'],
  ];
  it('= and != compare numbers as numbers when both sides are (1.2e3 = 1200), else the trimmed text exactly', () => {
    expect(keep('revenue = 1200', rows)).toEqual([1, 4]);
    expect(keep('region = EMEA', rows)).toEqual([1, 4]);
    expect(keep('region = emea', rows)).toEqual([]);
    expect(keep('region != EMEA', rows)).toEqual([2, 3, 5]);
    expect(keep('revenue = ""', rows)).toEqual([3]);
  });
  it('orderings with a number compare numbers; cells that are not numbers (or blank) never pass', () => {
    expect(keep('revenue > 1000', rows)).toEqual([1, 4]);
    expect(keep('revenue <= 1000', rows)).toEqual([2]);
    expect(keep('not revenue <= 1000', rows)).toEqual([1, 3, 4, 5]);
  });
  it('orderings with text compare code points (ISO dates in order); blank cells never pass', () => {
    expect(keep('day >= 2026-02-01', rows)).toEqual([2, 3]);
    expect(keep('day < 2026-02', rows)).toEqual([1, 5]);
  });
  it('in is any of =; ~ searches with the flags given', () => {
    expect(keep('plan in (Free, "Business Plus")', rows)).toEqual([2, 3, 5]);
    expect(keep('plan not in (Free, "Business Plus")', rows)).toEqual([1, 4]);
    expect(keep('comment ~ /slow/', rows)).toEqual([1]);
    expect(keep('comment ~ /slow/i', rows)).toEqual([1, 5]);
    expect(keep('comment !~ /charg(e|ed)/ and plan = Pro', rows)).toEqual([1, 4]);
  });
  it('a decimal comma is read only for files that use one (delimited with ;)', () => {
    const euro = [['EMEA', 'Pro', '2,5'], ['EMEA', 'Pro', '1,500']];
    expect(keep('revenue > 2', euro)).toEqual([]);
    expect(keep('revenue > 2', euro, { decimalComma: true })).toEqual([1]);
  });
  it('tag: = means has the tag, != has not, in any of them, ~ any tag matches; untagged rows are (untagged)', () => {
    const tags: TagPlan = { column: 'comment', index: 4, rules: [{ tag: 'billing', keywords: ['refund'], regexes: [{ source: 'charg(e|ed)', flags: 'i' }] }, { tag: 'speed', keywords: ['slow'], regexes: [] }] };
    expect(keep('tag = billing', rows, { tags })).toEqual([1, 3]);
    expect(keep('tag = speed and tag = billing', rows, { tags })).toEqual([1]);
    expect(keep('tag != billing', rows, { tags })).toEqual([2, 4, 5]);
    expect(keep('tag in (speed, "(untagged)")', rows, { tags })).toEqual([1, 2, 4, 5]);
    expect(keep('tag ~ /^sp/', rows, { tags })).toEqual([1, 5]);
    expect(() => keep('tag > a', rows, { tags })).toThrow(/tags are compared with =, !=, in and ~ only/);
  });
});
