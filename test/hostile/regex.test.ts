/**
 * Regular expressions from users run in linear time (RE2 syntax, re2js): a pattern with nested
 * repetition on a comment made to trip it answers like any other (JavaScript's backtracking engine
 * took hours, deaf to Ctrl-C); what RE2 lacks — backreferences, look-around — is refused in words; the
 * literal fast path gives RE2's answer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { afterAll, describe, expect, it } from 'vitest';
import { compileUserRegex, userRegexProblem } from '../../src/io/user-regex.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-regex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const trap = path.join(dir, 'trap.csv');
// 100,000 a's and a final "!": every way of splitting the a's among the groups is tried by backtracking
writeFileSync(trap, `nps,comment\n9,${'a'.repeat(100_000)}!\n3,aaaa\n7,fine\n`);

describe('patterns with nested repetition', () => {
  it('--where answers at once (the test would not end with a backtracking engine)', async () => {
    const r = await runCli(['score', trap, '--where', 'comment ~ /^(a+)+$/', '--format', 'json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows[0].n).toBe(1); // only "aaaa"
  });

  it('--tags likewise', async () => {
    const tags = path.join(dir, 'tags.json');
    writeFileSync(tags, '{"trap": ["/^(a|aa)+$/"], "fine": ["fine"]}');
    const r = await runCli(['score', trap, '--tags', tags, '--by', 'tag', '--format', 'csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nnps,trap,1,/);
  });
});

describe('what RE2 does not have is refused in words', () => {
  for (const [pattern, what] of [
    ['(?<=no )refund', 'a look-behind'],
    ['refund(?!ed)', 'a look-ahead'],
    ['(a)\\1', 'a backreference'],
    ['(?<x>a)\\k<x>', 'a named backreference'],
  ]) {
    it(`${pattern}: ${what}`, async () => {
      const r = await runCli(['score', trap, '--where', `comment ~ /${pattern}/`, '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`uses ${what}`);
      expect(r.stderr).toContain("which cxm's linear-time regular expressions (RE2 syntax) do not have");
    });
  }

  it('in a tag rules file too, naming the file and the tag', async () => {
    const tags = path.join(dir, 'bad-tags.json');
    writeFileSync(tags, '{"refunds": ["/(?<!no )refund/i"]}');
    const r = await runCli(['score', trap, '--tags', tags, '--by', 'tag', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`cxm: ${tags}: tag "refunds": /(?<!no )refund/i is not a valid regular expression (uses a look-behind ((?<=…) or (?<!…)), which cxm's linear-time regular expressions (RE2 syntax) do not have)`);
  });

  it('character classes and escaped parentheses are not mistaken for them', () => {
    for (const source of ['[(?=]', '\\(?=x', 'a\\\\']) expect(userRegexProblem(source, ''), source).toBeNull();
  });
});

describe('the literal fast path', () => {
  it('gives RE2 answers for literals, anchored or not, with and without i', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9 _ßſKkİıéÉ-]{1,6}$/);
    fc.assert(
      fc.property(word, fc.constantFrom('', '^', '$', '^$'), fc.constantFrom('', 'i', 'u', 'iu', 's'), fc.array(fc.oneof(word, fc.constantFrom('K', 'ſ', 'SS', '\n', 'İ')), { maxLength: 4 }), (body, anchors, flags, parts) => {
        const source = `${anchors.startsWith('^') ? '^' : ''}${body}${anchors.endsWith('$') ? '$' : ''}`;
        const texts = [parts.join(''), body, body.toUpperCase(), `x${body}`, `${body}x`, `${parts.join('')}${body.toLowerCase()}${parts.join('')}`];
        const re2 = RE2JS.compile(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
        const ours = compileUserRegex(source, flags);
        for (const text of texts) expect(ours.test(text), `/${source}/${flags} on ${JSON.stringify(text)}`).toBe(re2.test(text));
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
