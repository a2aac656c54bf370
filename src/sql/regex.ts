/**
 * A `--where` regular expression (JavaScript syntax, flags i, s, u) rewritten for an engine's regular
 * expressions, so that it finds a match in the same texts: RE2 (DuckDB, BigQuery), PostgreSQL's AREs,
 * Java (Spark) and Snowflake's POSIX EREs. The pattern is parsed into a small tree and written out with
 * nothing left to an engine's reading of a shortcut: `.` is the class JavaScript means (no line ends
 * unless `s`), `\d`, `\w`, `\s` are explicit classes, `$` is the very end, `\b` is a word boundary on
 * ASCII word characters (written with look-arounds where the engine's own `\b` means something else),
 * awkward characters are hex escapes, `i` is spelled out as classes of the case variants JavaScript
 * matches (engines fold case their own way). Lazy quantifiers become greedy ones (whether a match exists does
 * not depend on it). What has no equivalent everywhere — look-arounds, back-references, named groups,
 * `\p{…}`, the `m` flag, repeat counts over 255, NUL — is refused with a usage error that says why.
 */
import { UsageError } from '../model/errors.js';

export type RegexFlavor = 're2' | 'postgres' | 'java' | 'posix';

type Node =
  | { kind: 'alt'; options: Node[][] }
  | { kind: 'char'; cp: number }
  | { kind: 'class'; ranges: [number, number][]; negated: boolean }
  | { kind: 'any' }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'word'; negated: boolean }
  | { kind: 'repeat'; node: Node; min: number; max: number | null };

/** JavaScript's `\s`: white space and line terminators. */
const JS_SPACE: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const DIGIT: [number, number][] = [[0x30, 0x39]];
const WORD: [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** What `.` leaves out without the `s` flag. */
const LINE_ENDS: [number, number][] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];
/** Every character some engine's `.` leaves out: `(.|[these])` is any character everywhere. */
const ANY_LINE_END: [number, number][] = [[0x0a, 0x0a], [0x0d, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];

/** The most repeats every engine takes in `{n,m}` (PostgreSQL's limit). */
const MAX_REPEAT = 255;

const refuse = (what: string, source: string): never => {
  throw new UsageError(`--where: the regular expression /${source}/ uses ${what}, which cxm sql cannot write for every engine`, 'cxm sql translates literal text, ., classes [...], \\d \\w \\s \\b, groups, | and quantifiers; match the rest in the --from query');
};

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) refuse(`an unmatched ${JSON.stringify(this.src[this.i])}`, this.src);
    return node;
  }

  private alternation(): Node {
    const options: Node[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return { kind: 'alt', options };
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const repeat = this.quantifier();
      if (repeat) {
        if (atom.kind === 'start' || atom.kind === 'end' || atom.kind === 'word') refuse('a repeated assertion', this.src);
        if (atom.kind === 'char' && atom.cp > 0xffff && !this.unicode) refuse('a repeated character above U+FFFF without the u flag', this.src);
        out.push({ kind: 'repeat', node: atom, ...repeat });
      } else out.push(atom);
    }
    return out;
  }

  private quantifier(): { min: number; max: number | null } | null {
    const c = this.src[this.i];
    let q: { min: number; max: number | null } | null = null;
    if (c === '*') q = { min: 0, max: null };
    else if (c === '+') q = { min: 1, max: null };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return null; // a literal `{` (JavaScript without u)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? null : Number(m[3]);
      if (min > MAX_REPEAT || (max !== null && max > MAX_REPEAT)) refuse(`a repeat count over ${MAX_REPEAT}`, this.src);
      this.i += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return null;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: the same texts match
    return q;
  }

  private atom(): Node {
    const c = this.src[this.i];
    switch (c) {
      case '.':
        this.i++;
        return { kind: 'any' };
      case '^':
        this.i++;
        return { kind: 'start' };
      case '$':
        this.i++;
        return { kind: 'end' };
      case '(': {
        this.i++;
        if (this.src.startsWith('?:', this.i)) this.i += 2;
        else if (this.src[this.i] === '?') refuse(this.src.startsWith('?<', this.i) && !/^\?<[=!]/.test(this.src.slice(this.i)) ? 'a named group' : 'a look-around', this.src);
        const node = this.alternation();
        if (this.src[this.i] !== ')') refuse('an unclosed group', this.src);
        this.i++;
        return node;
      }
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape(false) as Node;
      default:
        return { kind: 'char', cp: this.literal() };
    }
  }

  /** A literal character at the cursor (a surrogate pair is one character). */
  private literal(): number {
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return this.checked(cp);
  }

  /** `\…` outside a class (a node) or inside one (its ranges). */
  private escape(inClass: boolean): Node | [number, number][] {
    this.i++;
    const c = this.src[this.i];
    if (c === undefined) return refuse('a trailing backslash', this.src);
    this.i++;
    const set = (ranges: [number, number][], negated: boolean): Node | [number, number][] => {
      if (!inClass) return { kind: 'class', ranges, negated };
      if (negated) refuse(`\\${c} inside a class`, this.src);
      return ranges;
    };
    const one = (cp: number): Node | [number, number][] => (inClass ? [[cp, cp]] : { kind: 'char', cp });
    switch (c) {
      case 'd':
      case 'D':
        return set(DIGIT, c === 'D');
      case 'w':
      case 'W':
        return set(WORD, c === 'W');
      case 's':
      case 'S':
        return set(JS_SPACE, c === 'S');
      case 'b':
        return inClass ? [[8, 8]] : { kind: 'word', negated: false };
      case 'B':
        if (inClass) return refuse('\\B inside a class', this.src);
        return { kind: 'word', negated: true };
      case 't':
        return one(9);
      case 'n':
        return one(10);
      case 'v':
        return one(11);
      case 'f':
        return one(12);
      case 'r':
        return one(13);
      case '0':
        return refuse('a NUL character (\\0)', this.src);
      case 'c': {
        const letter = this.src[this.i];
        if (letter === undefined || !/[A-Za-z]/.test(letter)) return refuse('\\c without a letter', this.src);
        this.i++;
        return one(letter.charCodeAt(0) % 32);
      }
      case 'x': {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.i));
        if (!hex) return this.unicode ? refuse('\\x without two hex digits', this.src) : one(0x78);
        this.i += 2;
        const cp = parseInt(hex[0], 16);
        return cp === 0 ? refuse('a NUL character', this.src) : one(cp);
      }
      case 'u': {
        const braced = this.unicode ? /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.i)) : null;
        if (braced) {
          this.i += braced[0].length;
          return one(this.checked(parseInt(braced[1], 16)));
        }
        const hex = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.i));
        if (!hex) return this.unicode ? refuse('\\u without four hex digits', this.src) : one(0x75);
        this.i += 4;
        let cp = parseInt(hex[0], 16);
        const low = /^\\u([dD][c-fC-F][0-9A-Fa-f]{2})/.exec(this.src.slice(this.i));
        if (this.unicode && cp >= 0xd800 && cp <= 0xdbff && low) {
          this.i += 6;
          cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00);
        }
        return one(this.checked(cp));
      }
      case 'k':
        return refuse('a named back-reference', this.src);
      case 'p':
      case 'P':
        return this.unicode ? refuse(`\\${c}{…} (Unicode properties)`, this.src) : one(c.charCodeAt(0));
      default:
        if (/[1-9]/.test(c)) return refuse('a back-reference', this.src);
        this.i--;
        return one(this.literal()); // an identity escape: the character itself
    }
  }

  private checked(cp: number): number {
    if (cp === 0) refuse('a NUL character', this.src);
    if (cp >= 0xd800 && cp <= 0xdfff) refuse('a lone surrogate', this.src);
    return cp;
  }

  private characterClass(): Node {
    this.i++;
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const ranges: [number, number][] = [];
    const member = (): [number, number][] | number => {
      if (this.src[this.i] === '\\') {
        const r = this.escape(true) as Node | [number, number][];
        if (!Array.isArray(r)) return (r as { cp: number }).cp;
        return r.length === 1 && r[0][0] === r[0][1] ? r[0][0] : r;
      }
      const cp = this.literal();
      if (cp > 0xffff && !this.unicode) refuse('a character above U+FFFF in a class without the u flag', this.src);
      return cp;
    };
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const from = member();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const to = member();
        if (typeof from === 'number' && typeof to === 'number') {
          ranges.push([from, to]);
          continue;
        }
        // JavaScript without u reads [\d-z] as \d, -, z
        for (const x of [from, 0x2d, to]) typeof x === 'number' ? ranges.push([x, x]) : ranges.push(...x);
        continue;
      }
      typeof from === 'number' ? ranges.push([from, from]) : ranges.push(...from);
    }
    if (this.src[this.i] !== ']') refuse('an unclosed class', this.src);
    this.i++;
    if (ranges.length === 0 && !negated) refuse('an empty class [] (it never matches)', this.src);
    return { kind: 'class', ranges: merge(ranges), negated };
  }
}

/** Ranges sorted and joined. */
function merge(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.map(([a, b]): [number, number] => [a, b]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

const hex = (cp: number, width: number) => cp.toString(16).toUpperCase().padStart(width, '0');

/** Characters a pattern writes with a backslash outside a class, in every flavor. */
const META = new Set([...'\\^$.|?*+()[]{}'].map((c) => c.charCodeAt(0)));
/** Characters written as escapes rather than as themselves: controls, line and paragraph separators. */
const awkward = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff;
/** Characters that mean something inside a class in some flavor. */
const CLASS_SPECIAL = new Set([...'\\]^-[&~=:.'].map((c) => c.charCodeAt(0)));

class Writer {
  constructor(private readonly flavor: RegexFlavor) {}

  /** A character as an escape the flavor reads as that character, inside a class or out. */
  private escaped(cp: number): string {
    switch (this.flavor) {
      case 're2':
      case 'java':
        return `\\x{${hex(cp, 2)}}`;
      case 'postgres':
        return cp > 0xffff ? `\\U${hex(cp, 8)}` : `\\u${hex(cp, 4)}`;
      case 'posix':
        return String.fromCodePoint(cp);
    }
  }

  char(cp: number): string {
    if (META.has(cp)) return `\\${String.fromCharCode(cp)}`;
    if (awkward(cp)) return this.escaped(cp);
    return String.fromCodePoint(cp);
  }

  private classChar(cp: number): string {
    if (this.flavor !== 'posix' && (CLASS_SPECIAL.has(cp) || awkward(cp))) return this.escaped(cp);
    return String.fromCodePoint(cp);
  }

  cls(ranges: [number, number][], negated: boolean): string {
    if (this.flavor === 'posix') return this.posixClass(ranges, negated);
    const body = ranges.map(([a, b]) => (a === b ? this.classChar(a) : b === a + 1 ? this.classChar(a) + this.classChar(b) : `${this.classChar(a)}-${this.classChar(b)}`)).join('');
    return `[${negated ? '^' : ''}${body}]`;
  }

  /**
   * A POSIX bracket expression has no escapes: `]` goes first, `-` last, `^` anywhere but first, and a
   * `[` never before `.`, `:` or `=`; the backslash is written doubled (Snowflake reads it as an escape).
   */
  private posixClass(ranges: [number, number][], negated: boolean): string {
    const special = [0x5d, 0x5e, 0x2d, 0x5b, 0x5c];
    const singles = new Set<number>();
    const plain: [number, number][] = [];
    for (const [a, b] of ranges) {
      let from = a;
      for (const s of special.filter((s) => s >= a && s <= b).sort((x, y) => x - y)) {
        if (from < s) plain.push([from, s - 1]);
        singles.add(s);
        from = s + 1;
      }
      if (from <= b) plain.push([from, b]);
    }
    const write = (cp: number) => String.fromCodePoint(cp);
    let body = plain.map(([a, b]) => (a === b ? write(a) : `${write(a)}-${write(b)}`)).join('');
    if (singles.has(0x5c)) body += '\\\\';
    if (singles.has(0x5b)) body += '[';
    const head = singles.has(0x5d) ? ']' : '';
    const tail = singles.has(0x2d) ? '-' : '';
    if (singles.has(0x5e)) {
      // a ^ first would negate: only ^ (and -) is written another way
      if (head === '' && body === '' && !negated) return tail ? '[-^]' : '\\^';
      body += '^';
    }
    return `[${negated ? '^' : ''}${head}${body}${tail}]`;
  }

  node(n: Node, dotAll: boolean): string {
    switch (n.kind) {
      case 'alt': {
        const options = n.options.map((seq) => (seq.length === 0 ? '()' : seq.map((x) => this.node(x, dotAll)).join('')));
        return options.length === 1 ? options[0] : this.group(options.join('|'));
      }
      case 'char':
        return this.char(n.cp);
      case 'class':
        return this.cls(n.ranges, n.negated);
      case 'any':
        return dotAll ? this.group(`.|${this.cls(ANY_LINE_END, false)}`) : this.cls(LINE_ENDS, true);
      case 'start':
        return '^';
      case 'end':
        // Java's $ also matches before a final line end
        return this.flavor === 'java' ? '\\z' : '$';
      case 'word':
        return this.word(n.negated);
      case 'repeat': {
        const inner = this.node(n.node, dotAll);
        const atom = n.node.kind === 'alt' && n.node.options.length === 1 && (n.node.options[0].length !== 1 || n.node.options[0][0].kind === 'repeat') ? this.group(inner) : inner;
        const q = n.min === 0 && n.max === null ? '*' : n.min === 1 && n.max === null ? '+' : n.min === 0 && n.max === 1 ? '?' : n.max === null ? `{${n.min},}` : n.max === n.min ? `{${n.min}}` : `{${n.min},${n.max}}`;
        return `${atom}${q}`;
      }
    }
  }

  private group(body: string): string {
    return this.flavor === 'posix' ? `(${body})` : `(?:${body})`;
  }

  /** `\b` on ASCII word characters, as JavaScript has it. */
  private word(negated: boolean): string {
    if (this.flavor === 're2' || this.flavor === 'posix') return negated ? '\\B' : '\\b';
    // Java's and PostgreSQL's word characters include other letters: look around at [A-Za-z0-9_]
    const w = this.cls(WORD, false);
    return negated ? `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
  }
}

/**
 * The pattern for `flavor`, finding a match in the same texts as `new RegExp(source, flags)`. The `i`
 * flag is written out (each letter as the class of the characters JavaScript takes for it), never left to
 * an engine's own case folding, which differs from JavaScript's at the edges (ſ, K, İ, ß) and by locale.
 */
export function translateRegex(source: string, flags: string, flavor: RegexFlavor): string {
  if (flags.includes('m')) refuse('the m flag (engines end lines at \\n only; JavaScript also at \\r, U+2028 and U+2029)', source);
  const unicode = flags.includes('u');
  let tree = new Parser(source, unicode).parse();
  if (flags.includes('i')) tree = caseless(tree, unicode, source);
  return new Writer(flavor).node(tree, flags.includes('s'));
}

/** The tree with every character and class widened to what matches it ignoring case, as JavaScript does. */
function caseless(node: Node, unicode: boolean, source: string): Node {
  switch (node.kind) {
    case 'alt':
      return { kind: 'alt', options: node.options.map((seq) => seq.map((n) => caseless(n, unicode, source))) };
    case 'repeat':
      return { ...node, node: caseless(node.node, unicode, source) };
    case 'char': {
      const ranges = caseClosure([[node.cp, node.cp]], unicode);
      return ranges.length === 1 && ranges[0][0] === ranges[0][1] ? node : { kind: 'class', ranges, negated: false };
    }
    case 'class':
      return { ...node, ranges: caseClosure(node.ranges, unicode) };
    case 'word':
      // with i and u, JavaScript's word characters include ſ (U+017F) and K (U+212A)
      if (unicode) refuse('\\b or \\B with both the i and u flags (JavaScript then counts ſ and K as word characters)', source);
      return node;
    default:
      return node;
  }
}

/** Code points whose lower or upper case is another text: the only ones ignoring case can add. */
let cased: number[] | null = null;
function casedCodePoints(): number[] {
  if (cased) return cased;
  cased = [];
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (c.toLowerCase() !== c || c.toUpperCase() !== c) cased.push(cp);
  }
  return cased;
}

/**
 * The ranges and every character JavaScript matches with them ignoring case (`i`, or `iu`: its two
 * foldings differ), found by asking JavaScript's own regular expressions about each cased character.
 */
export function caseClosure(ranges: [number, number][], unicode: boolean): [number, number][] {
  const esc = (cp: number) => (unicode ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`);
  const re = new RegExp(`^[${ranges.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join('')}]$`, unicode ? 'iu' : 'i');
  const out = ranges.map(([a, b]): [number, number] => [a, b]);
  for (const cp of casedCodePoints()) {
    if (!unicode && cp > 0xffff) break;
    if (re.test(String.fromCodePoint(cp))) out.push([cp, cp]);
  }
  return merge(out);
}
