// The --where regex translator (src/sql/regex.ts): what it writes for each engine's flavour and what it
// refuses. RE2's reading is checked on a real engine (embedded DuckDB): for every pattern and text, DuckDB's
// regexp_matches on the translation agrees with JavaScript's RegExp on the original.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { caseClosure, translateRegex } from '../../src/sql/regex.js';
import { sqlString as sql, useDuckDB } from './duckdb.js';

const duckdb = useDuckDB();

const TEXTS = [
  '', 'refund', 'REFUND please', 'Refünd', 'no re fund', 'app', 'the app crashed', 'apps', 'happy', 'my_app', 'App-Store',
  'a\nb', 'a\rc', 'a\u2028c', 'abc', 'a.c', 'ac', 'customer012@example.com', 'customer012@exampleXcom', 'customer051@example.com',
  'straße', 'STRASSE', 'ſtop', 'Stop', 'Kelvin', '\u212Aelvin', 'İstanbul', 'istanbul', 'ǅemal', 'ǆ', 'Ǆ', 'Σίσυφος', 'σΣς',
  'x', 'xx', 'xxx', 'xxxx', 'tab\there', ' space ', '\u00a0nbsp', 'emoji 😀 here', '[x]', 'a-b', 'a^b', 'back\\slash', 'end\n',
  '12', '1234', '1a', 'ab12cd', 'Ü', 'ü', 'ÿ', 'Ÿ', 'µ', 'Μ', 'μ',
];

/** JavaScript's answer and DuckDB's on the translation, for every text. */
async function agree(source: string, flags: string): Promise<void> {
  const re = new RegExp(source, flags);
  const translated = translateRegex(source, flags, 're2');
  const values = TEXTS.map((t, i) => `(${i}, ${sql(t)})`).join(', ');
  const reader = await duckdb().runAndReadAll(`SELECT i, regexp_matches(t, ${sql(translated)}) FROM (VALUES ${values}) AS v(i, t) ORDER BY i`);
  const engine = reader.getRows().map((r) => r[1]);
  expect(engine, `/${source}/${flags} → ${translated}`).toEqual(TEXTS.map((t) => re.test(t)));
}

describe('regular expressions on RE2 (DuckDB, BigQuery) match what JavaScript matches', () => {
  const PATTERNS: [string, string][] = [
    ['refund', ''], ['refund', 'i'], ['^refund', 'i'], ['\\bapp\\b', ''], ['\\bapp\\b', 'i'], ['\\Bapp', ''], ['app$', ''],
    ['a.c', ''], ['a.c', 's'], ['^customer0[0-4]\\d@example[.]com$', ''], ['\\d{2,3}', ''], ['^\\d{2}$', ''], ['x{2,}?', ''], ['^x{2}$', ''],
    ['\\s', ''], ['\\S+\\s\\S+', ''], ['\\w+_\\w+', ''], ['\\W', ''], ['[^a-z]', ''], ['[^a-z]', 'i'], ['[a-c-]', ''], ['[\\]\\[^\\\\-]', ''],
    ['(?:re|no) ?fund', 'i'], ['straße', 'i'], ['stop', 'i'], ['stop', 'iu'], ['kelvin', 'i'], ['kelvin', 'iu'], ['istanbul', 'i'],
    ['ǆ', 'i'], ['σ', 'i'], ['σ', 'iu'], ['ü', 'i'], ['ÿ', 'i'], ['µ', 'i'], ['µ', 'iu'], ['😀', 'u'], ['[😀]', 'u'], ['\\u{1F600}', 'u'],
    ['\\x41pp', 'i'], ['\\u00fc', ''], ['\\t', ''], ['a|b|', ''], ['(a|)c', ''], ['^$', ''], ['\\n$', ''], ['end$', ''],
  ];
  it('translates literal text, ., classes, \\d \\w \\s \\b, groups, alternation, quantifiers and the i, s and u flags', async () => {
    for (const [source, flags] of PATTERNS) await agree(source, flags);
  });
});

describe('what each flavour is given', () => {
  it('spells i out as the case variants JavaScript matches (no engine flag)', () => {
    expect(translateRegex('k', 'i', 're2')).toBe('[Kk]');
    expect(translateRegex('k', 'iu', 're2')).toBe('[Kk\u212A]');
    expect(caseClosure([[0x73, 0x73]], true)).toEqual([[0x53, 0x53], [0x73, 0x73], [0x17f, 0x17f]]);
    expect(caseClosure([[0x73, 0x73]], false)).toEqual([[0x53, 0x53], [0x73, 0x73]]);
    expect(translateRegex('refund', 'i', 'posix')).toBe('[Rr][Ee][Ff][Uu][Nn][Dd]');
  });

  it('writes ., $, \\b and awkward characters as each engine reads them', () => {
    expect(translateRegex('a.c$', '', 're2')).toBe('a[^\\x{0A}\\x{0D}\\x{2028}\\x{2029}]c$');
    // Java's $ also matches before a final line end
    expect(translateRegex('a.c$', '', 'java')).toBe('a[^\\x{0A}\\x{0D}\\x{2028}\\x{2029}]c\\z');
    expect(translateRegex('a.c', '', 'postgres')).toBe('a[^\\u000A\\u000D\\u2028\\u2029]c');
    expect(translateRegex('a.c', 's', 'posix')).toBe('a(.|[\n\r\u0085\u2028-\u2029])c');
    expect(translateRegex('\\bapp\\b', '', 're2')).toBe('\\bapp\\b');
    expect(translateRegex('\\bx', '', 'postgres')).toBe('(?:(?<=[0-9A-Z_a-z])(?![0-9A-Z_a-z])|(?<![0-9A-Z_a-z])(?=[0-9A-Z_a-z]))x');
    expect(translateRegex('(a|bc)+', '', 'posix')).toBe('(a|bc)+');
    expect(translateRegex('(?:a|bc)+?', '', 'java')).toBe('(?:a|bc)+');
    expect(translateRegex('[\\]^-]', '', 'posix')).toBe('[]^-]');
    // POSIX brackets have no escapes: the characters themselves (Snowflake's string literal escapes them)
    expect(translateRegex('\\d\\t', '', 'posix')).toBe('[0-9]\t');
    expect(translateRegex('\\t[\\n]', '', 'java')).toBe('\\x{09}[\\x{0A}]');
  });
});

describe('what cannot be written faithfully is refused', () => {
  const refused: [string, string, RegExp][] = [
    ['re(?=fund)', '', /a look-around/],
    ['(?<!no )refund', '', /a look-around/],
    ['(?<word>a)', '', /a named group/],
    ['(a)\\1', '', /a back-reference/],
    ['\\k<w>', '', /a named back-reference/],
    ['\\p{L}', 'u', /Unicode properties/],
    ['^refund', 'm', /the m flag/],
    ['x{256}', '', /a repeat count over 255/],
    ['a\\0', '', /a NUL character/],
    ['\\bapp', 'iu', /\\b or \\B with both the i and u flags/],
    ['^*', '', /a repeated assertion/],
  ];
  it.each(refused)('/%s/%s', (source, flags, why) => {
    let error: unknown;
    try {
      translateRegex(source, flags, 're2');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(why);
    expect((error as UsageError).message).toContain('cxm sql cannot write for every engine');
  });
});
