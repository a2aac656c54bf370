// Each command's page (its page under docs/commands/) documents its flags in tables whose first column is "option",
// and names the groups of shared flags it takes in a line "**Shared options:** [group](../options.md#group)…"
// (the groups of src/cli/flags.ts, tabled in docs/options.md and docs/enrichment.md). This test reads the
// command's --help and fails when the two disagree: a flag the help lists that no table the page points to
// documents, a flag the page's own tables document that the help does not list, or a shared table's flag
// that none of the commands pointing to it takes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const COMMANDS = ['score', 'crosstab', 'trend', 'compare', 'drivers', 'rank', 'plan', 'inspect', 'check', 'report', 'followup', 'sql'];

const read = (page: string) => readFileSync(new URL(`../../docs/${page}`, import.meta.url), 'utf8');

/** `-o` and `--output` are one flag. */
const canonical = (flag: string) => (flag === '-o' ? '--output' : flag);

/** The flags named in the first column of the Markdown tables headed `| option |` in `markdown`. */
function tableFlags(markdown: string): Set<string> {
  const flags = new Set<string>();
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('| option |')) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable) {
      const cell = line.split('|')[1] ?? '';
      for (const code of cell.match(/`[^`]*`/g) ?? []) {
        for (const flag of code.match(/(?<![\w-])(--[a-z][a-z-]*|-o)\b/g) ?? []) flags.add(canonical(flag));
      }
    }
  }
  return flags;
}

/** The part of `markdown` under the heading whose anchor is `anchor`, up to the next heading of its level. */
function section(markdown: string, anchor: string): string {
  const lines = markdown.split('\n');
  const slug = (heading: string) => heading.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
  const start = lines.findIndex((l) => /^#+ /.test(l) && slug(l) === anchor);
  if (start < 0) throw new Error(`no heading #${anchor}`);
  const level = lines[start]!.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The shared tables a command page points to: (page, anchor) pairs from its "Shared options" line. */
function sharedLinks(markdown: string): { page: string; anchor: string | null }[] {
  const line = markdown.split('\n').find((l) => l.startsWith('**Shared options:**'));
  if (!line) return [];
  return [...line.matchAll(/\]\(\.\.\/([\w-]+\.md)(?:#([\w-]+))?\)/g)].map((m) => ({ page: m[1]!, anchor: m[2] ?? null }));
}

/** The long flags of a command's help (and `-o` as `--output`), from the option lines only. */
async function helpFlags(command: string): Promise<Set<string>> {
  const r = await runCli([command, '--help']);
  expect(r.code, r.stderr).toBe(0);
  const flags = new Set<string>();
  // option lines are indented by two spaces; wrapped descriptions further, so a flag named there is not read
  for (const m of r.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)) if (m[1] !== '--help') flags.add(m[1]!);
  expect(flags.size).toBeGreaterThan(3);
  return flags;
}

const pages = new Map(COMMANDS.map((c) => [c, read(`commands/${c}.md`)]));
const sharedTables = (page: string, anchor: string | null) => tableFlags(anchor ? section(read(page), anchor) : read(page));

describe('flag tables of docs/commands/*.md agree with --help', () => {
  it.each(COMMANDS)('cxm %s: every flag of --help is documented where its page points, and every flag its tables name exists', async (command) => {
    const page = pages.get(command)!;
    const help = await helpFlags(command);
    const own = tableFlags(page);
    const documented = new Set(own);
    for (const { page: linked, anchor } of sharedLinks(page)) for (const flag of sharedTables(linked, anchor)) documented.add(flag);
    expect.soft([...help].filter((f) => !documented.has(f)), `flags of cxm ${command} --help that docs/commands/${command}.md does not document`).toEqual([]);
    expect([...own].filter((f) => !help.has(f)), `flags in the tables of docs/commands/${command}.md that cxm ${command} --help does not list`).toEqual([]);
  });

  it('every flag of a shared table is taken by a command whose page points to it', async () => {
    const takers = new Map<string, Set<string>>();
    for (const command of COMMANDS) {
      const help = await helpFlags(command);
      for (const { page, anchor } of sharedLinks(pages.get(command)!)) {
        const key = `${page}#${anchor ?? ''}`;
        const flags = takers.get(key) ?? new Set<string>();
        for (const f of help) flags.add(f);
        takers.set(key, flags);
      }
    }
    expect([...takers.keys()].sort()).toEqual(['enrichment.md#', 'options.md#dates', 'options.md#output', 'options.md#reading', 'options.md#statistics', 'options.md#tallies']);
    for (const [key, flags] of takers) {
      const [page, anchor] = key.split('#') as [string, string];
      const table = sharedTables(page, anchor || null);
      expect(table.size, key).toBeGreaterThan(1);
      expect([...table].filter((f) => !flags.has(f)), `flags in docs/${key} that no command pointing there takes`).toEqual([]);
    }
  });

  it('reads the flag tables it is given', () => {
    expect([...tableFlags('| option | meaning |\n|---|---|\n| `--a X`, `--b-c` | x `--not` |\n| `-o FILE` | y |\n\n| `--after` |')]).toEqual(['--a', '--b-c', '--output']);
    expect(section('# T\n## A b\nx\n### c\ny\n## D\nz', 'a-b')).toBe('## A b\nx\n### c\ny');
  });
});
