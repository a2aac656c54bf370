/**
 * `--where EXPR`: a small filter language, parsed by hand (no eval), into a plain-data tree that
 * crosses to worker threads. Grammar:
 *
 *   expr       := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | "(" expr ")" | condition
 *   condition  := column ( op value | ["not"] "in" "(" value ("," value)* ")" | ("~" | "!~") regex )
 *   op         := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
 *   column     := word | quoted        value := word | quoted        regex := /source/flags
 *
 * A word is a run of characters other than spaces, quotes, parentheses, commas and `= ! < > ~`;
 * quotes ('…' or "…", backslash escapes the quote) hold anything, spaces included. Keywords are
 * case-insensitive. A syntax error is a usage error with the 1-based position and a caret under it.
 */
import { UsageError } from '../model/errors.js';
import { userRegexProblem } from '../io/user-regex.js';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type WhereExpr =
  | { kind: 'and' | 'or'; left: WhereExpr; right: WhereExpr }
  | { kind: 'not'; expr: WhereExpr }
  | { kind: 'compare'; column: string; op: CompareOp; value: string }
  | { kind: 'in'; column: string; values: string[] }
  | { kind: 'match'; column: string; source: string; flags: string };

const OPERATORS: Record<string, CompareOp> = { '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const WORD_STOP = /[\s'"(),=!<>~]/;
const REGEX_FLAGS = /^[imsu]*$/;

/** Column names used in an expression (for binding and for error messages). */
export function whereColumns(expr: WhereExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...whereColumns(expr.left), ...whereColumns(expr.right)];
    case 'not':
      return whereColumns(expr.expr);
    default:
      return [expr.column];
  }
}

/** The expression as cxm reads it, fully parenthesised (shown in settings and notes). */
export function formatWhere(expr: WhereExpr): string {
  const q = (s: string) => (s === '' || WORD_STOP.test(s) || /^(and|or|not|in)$/i.test(s) ? JSON.stringify(s) : s);
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `(${formatWhere(expr.left)} ${expr.kind} ${formatWhere(expr.right)})`;
    case 'not':
      return `not ${formatWhere(expr.expr)}`;
    case 'compare':
      return `${q(expr.column)} ${expr.op} ${q(expr.value)}`;
    case 'in':
      return `${q(expr.column)} in (${expr.values.map(q).join(', ')})`;
    case 'match':
      return `${q(expr.column)} ~ /${expr.source}/${expr.flags}`;
  }
}

export function parseWhere(text: string): WhereExpr {
  return new WhereParser(text).parse();
}

class WhereParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): WhereExpr {
    this.space();
    if (this.pos >= this.text.length) throw this.error('empty expression', 'write e.g. --where "region = EMEA and plan != Free"');
    const expr = this.or();
    this.space();
    if (this.pos < this.text.length) {
      const word = this.peekWord();
      if (word === null) throw this.error(`unexpected ${JSON.stringify(this.text[this.pos])}`);
      throw this.error(`unexpected ${JSON.stringify(word)}: expected "and", "or" or the end`, 'a value with spaces goes in quotes: region = "North America"');
    }
    return expr;
  }

  private or(): WhereExpr {
    let left = this.and();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): WhereExpr {
    let left = this.not();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.not() };
    return left;
  }

  private not(): WhereExpr {
    if (this.keyword('not')) return { kind: 'not', expr: this.not() };
    this.space();
    if (this.text[this.pos] === '(') {
      this.pos++;
      const expr = this.or();
      this.expect(')');
      return expr;
    }
    return this.condition();
  }

  private condition(): WhereExpr {
    this.space();
    const column = this.atom();
    if (column === null) throw this.error('expected a column name');
    this.space();
    if (this.keyword('not')) {
      if (!this.keyword('in')) throw this.error(`expected "in" after "not" (${JSON.stringify(column)} not in (…))`);
      return { kind: 'not', expr: { kind: 'in', column, values: this.list() } };
    }
    if (this.keyword('in')) return { kind: 'in', column, values: this.list() };
    const op = /^(==|!=|<>|<=|>=|!~|=|<|>|~)/.exec(this.text.slice(this.pos))?.[1];
    if (op === undefined) throw this.error(`expected an operator after ${JSON.stringify(column)}: = != < <= > >= in ~`);
    this.pos += op.length;
    if (op === '~' || op === '!~') {
      const match: WhereExpr = { kind: 'match', column, ...this.regex() };
      return op === '~' ? match : { kind: 'not', expr: match };
    }
    return { kind: 'compare', column, op: OPERATORS[op], value: this.value() };
  }

  private value(): string {
    this.space();
    const v = this.atom();
    if (v === null) throw this.error('expected a value');
    return v;
  }

  private list(): string[] {
    this.expect('(');
    const values = [this.value()];
    for (;;) {
      this.space();
      if (this.text[this.pos] === ',') {
        this.pos++;
        values.push(this.value());
        continue;
      }
      this.expect(')');
      return values;
    }
  }

  /** `/source/flags`, checked by building it once. */
  private regex(): { source: string; flags: string } {
    this.space();
    if (this.text[this.pos] !== '/') throw this.error('expected a regular expression like /refund/i');
    const start = this.pos;
    let i = this.pos + 1;
    let source = '';
    for (; i < this.text.length && this.text[i] !== '/'; i++) {
      if (this.text[i] === '\\' && i + 1 < this.text.length) source += this.text[i++];
      source += this.text[i];
    }
    if (i >= this.text.length) throw this.error('the regular expression is not closed with /');
    i++;
    let flags = '';
    while (i < this.text.length && /[a-z]/i.test(this.text[i])) flags += this.text[i++];
    if (!REGEX_FLAGS.test(flags)) throw this.error(`regular expression flags ${JSON.stringify(flags)}: only i, m, s and u are allowed`);
    const problem = userRegexProblem(source, flags);
    if (problem !== null) {
      this.pos = start;
      throw this.error(`not a valid regular expression: ${problem}`);
    }
    this.pos = i;
    return { source, flags };
  }

  /** A word or a quoted string at the cursor (null when there is neither). */
  private atom(): string | null {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") {
      const start = this.pos;
      let out = '';
      let i = this.pos + 1;
      for (; i < this.text.length && this.text[i] !== c; i++) {
        if (this.text[i] === '\\' && (this.text[i + 1] === c || this.text[i + 1] === '\\')) i++;
        out += this.text[i];
      }
      if (i >= this.text.length) {
        this.pos = start;
        throw this.error('the quote is not closed');
      }
      this.pos = i + 1;
      return out;
    }
    const word = this.peekWord();
    if (word === null) return null;
    this.pos += word.length;
    return word;
  }

  private peekWord(): string | null {
    let i = this.pos;
    while (i < this.text.length && !WORD_STOP.test(this.text[i])) i++;
    return i > this.pos ? this.text.slice(this.pos, i) : null;
  }

  /** Consumes `word` when it is the next word (case-insensitive). */
  private keyword(word: string): boolean {
    this.space();
    const next = this.peekWord();
    if (next === null || next.toLowerCase() !== word) return false;
    this.pos += next.length;
    return true;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.pos] !== char) throw this.error(`expected ${JSON.stringify(char)}`);
    this.pos++;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private error(message: string, hint?: string): UsageError {
    const where = this.pos >= this.text.length ? 'at the end' : `at position ${this.pos + 1}`;
    // the hint line starts with "hint: " (6 characters): the caret lines up under the expression
    const caret = `${this.text}\n${' '.repeat(6 + Math.min(this.pos, this.text.length))}^`;
    return new UsageError(`--where: ${message} ${where}`, this.text.trim() === '' ? hint : `${caret}${hint ? `\n${hint}` : ''}`);
  }
}
