// The worked examples of the README and of every page under docs/ (code blocks that start with
// `$ cxm … fixtures/…`) are run and their shown output compared with what cxm prints today, so the
// documentation cannot drift from the program. A block may
// show an excerpt: its lines must stand together in the output, a line "…" stands for lines left out, and
// `$ echo $?` followed by a number shows the exit code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

interface Example {
  line: number;
  args: string[];
  shown: string[];
  code: number | null;
}

/** Splits a command line as a POSIX shell would for the quoting the README uses ('…' and "…"). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`unclosed quote in ${text}`);
  if (word !== null) words.push(word);
  return words;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```' || !lines[i + 1]?.startsWith('$ cxm ') || !lines[i + 1]!.includes('fixtures/')) continue;
    const end = lines.indexOf('```', i + 2);
    const body = lines.slice(i + 2, end);
    const echo = body.indexOf('$ echo $?');
    found.push({
      line: i + 2,
      args: shellWords(lines[i + 1]!.slice('$ cxm '.length)),
      shown: echo < 0 ? body : body.slice(0, echo),
      code: echo < 0 ? null : Number(body[echo + 1]),
    });
    i = end;
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shown lines as a pattern over the output's lines: "…" stands for any number of lines. */
function excerpt(shown: string[]): RegExp {
  const body = shown.map((l) => (l === '…' ? '(?:[^\\n]*\\n)*?' : `${escapeRegExp(l)}\\n`)).join('');
  return new RegExp(`(?:^|\\n)${body}`);
}

const root = new URL('../../', import.meta.url);

/** README.md and every Markdown page under docs/, as paths from the repository's root. */
function pages(): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

const all = pages().flatMap((page) => examples(readFileSync(new URL(page, root), 'utf8')).map((e) => ({ page, ...e })));

describe('worked examples of the README and docs/', () => {
  it('finds the worked examples', () => {
    expect(all.filter((e) => e.page === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  it.each(all.map((e) => [`${e.page}:${e.line} cxm ${e.args.join(' ')}`, e] as const))('%s prints what the page shows', async (_name, example) => {
    const r = await runCli(example.args, { env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(example.code ?? 0);
    // a block shows standard output, maybe followed by the summary cxm writes on standard error
    expect(`${r.stdout}${r.stderr}\n`).toMatch(excerpt(example.shown));
  });
});
