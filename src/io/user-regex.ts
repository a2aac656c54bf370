/**
 * Regular expressions a user writes (`--where 'comment ~ /…/i'`, `--tags` rules) run on every row of
 * files nobody checked, so they run in linear time: RE2 syntax and semantics (re2js, pure JS), as in
 * DuckDB, BigQuery and Go. JavaScript's backtracking engine took ~49 hours for `/^(a+)+$/` on a 300 KB
 * comment and could not be interrupted. RE2 has no backreferences and no look-around; a pattern using
 * them is refused with a message that says so. A plain literal (optionally anchored, or with the i
 * flag) takes a fast path with the same result.
 */
import { RE2JS } from 're2js';

export interface UserRegex {
  test(text: string): boolean;
}

/** Characters that make a pattern more than a literal. */
const META = /[\\^$.|?*+()[\]{}]/;

/** Why RE2 refuses `source`, in words, when it is a feature RE2 lacks (else null). */
function missingFeature(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return 'a backreference (\\1)';
      if (!inClass && next === 'k' && source[i + 2] === '<') return 'a named backreference (\\k<…>)';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (source[i + 1] === ']' || source[i + 1] === '^') i++;
    } else if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) return 'a look-ahead ((?=…) or (?!…))';
      if (rest === '<=' || rest === '<!') return 'a look-behind ((?<=…) or (?<!…))';
    }
  }
  return null;
}

/**
 * The reason `source` with `flags` (i, m, s, u) cannot be used, or null when it can. Messages name what
 * RE2 lacks, and the syntax: https://github.com/google/re2/wiki/Syntax.
 */
export function userRegexProblem(source: string, flags: string): string | null {
  const missing = missingFeature(source);
  if (missing) return `uses ${missing}, which cxm's linear-time regular expressions (RE2 syntax) do not have`;
  try {
    RE2JS.compile(source, re2Flags(flags));
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '');
  }
}

function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out; // u: RE2 always reads code points
}

/** A checked pattern (see userRegexProblem) as a tester; a literal gets a fast path. */
export function compileUserRegex(source: string, flags: string): UserRegex {
  const literal = literalTest(source, flags);
  if (literal) return { test: literal };
  const re = RE2JS.compile(source, re2Flags(flags));
  return { test: (text) => re.test(text) };
}

/**
 * `refund`, `^refund`, `refund$`, `^refund$` with no flag but `u` (or `s`, which changes no literal)
 * test with includes/startsWith/endsWith/===; with `i` an escaped JavaScript pattern with `iu`, which
 * has no backtracking to do (a literal) and folds case per code point as RE2 does. Anything else, and
 * `m` (anchors at line breaks), goes to RE2.
 */
function literalTest(source: string, flags: string): ((text: string) => boolean) | null {
  if (flags.includes('m')) return null;
  const start = source.startsWith('^');
  const end = source.endsWith('$') && !source.endsWith('\\$');
  const body = source.slice(start ? 1 : 0, end ? -1 : undefined);
  if (body === '' || META.test(body)) return null;
  if (flags.includes('i')) {
    const re = new RegExp(`${start ? '^' : ''}${body}${end ? '$' : ''}`, 'iu'); // body has no metacharacter
    return (text) => re.test(text);
  }
  if (start && end) return (text) => text === body;
  if (start) return (text) => text.startsWith(body);
  if (end) return (text) => text.endsWith(body);
  return (text) => text.includes(body);
}
