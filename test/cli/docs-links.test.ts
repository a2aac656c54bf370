// Every relative link in README.md, CONTRIBUTING.md and docs/**/*.md points to a file that exists and, with a
// #fragment, to a heading of that file (anchors as GitHub makes them), so moving a section cannot leave a
// dead link behind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

function markdownFiles(): string[] {
  const found = ['README.md', 'CONTRIBUTING.md'].filter((f) => existsSync(f));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found.sort();
}

/** The text outside fenced code blocks, where a `](…)` is a link. */
const prose = (markdown: string) => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces become hyphens. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');

function anchors(file: string): Set<string> {
  return new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]!)));
}

const links = markdownFiles().flatMap((file) =>
  [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => ({ file, target })),
);

describe('links of the README and docs/', () => {
  it('finds the links', () => {
    expect(links.length).toBeGreaterThan(50);
  });

  it('every link resolves to a file, and every #fragment to a heading of it', () => {
    const dead = links.filter(({ file, target }) => {
      const [path, fragment] = target.split('#') as [string, string | undefined];
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      if (!existsSync(resolved)) return true;
      return fragment !== undefined && (!statSync(resolved).isFile() || !anchors(resolved).has(fragment));
    });
    expect(dead.map((l) => `${l.file} → ${l.target}`)).toEqual([]);
  });

  it('reads anchors as GitHub makes them', () => {
    expect(anchor('Filters: --where, --since, --until')).toBe('filters---where---since---until');
    expect(anchor('JSON (schema v1)')).toBe('json-schema-v1');
  });
});
