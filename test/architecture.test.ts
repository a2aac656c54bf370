// The folder layering of ARCHITECTURE.md, enforced over the import graph of src/: each folder imports
// only the folders below it (the table below), and no file reaches itself through its imports. Type
// imports count: a type cycle still ties two files together for whoever reads or moves them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../src/', import.meta.url));
const repository = fileURLToPath(new URL('../', import.meta.url));

/** What each folder of src/ may import (besides itself). Keep in step with ARCHITECTURE.md. */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  stats: [],
  io: ['model'],
  time: ['model', 'io'],
  fold: ['model', 'io', 'time'],
  analysis: ['model', 'stats', 'io', 'time', 'fold'],
  sql: ['model', 'io', 'time', 'fold'],
  report: ['model', 'stats', 'io', 'time', 'fold', 'analysis'],
  options: ['model', 'stats', 'io', 'time', 'fold', 'analysis', 'sql'],
  api: ['model', 'stats', 'io', 'time', 'fold', 'analysis', 'sql', 'report', 'options'],
  cli: ['model', 'stats', 'io', 'time', 'fold', 'analysis', 'sql', 'report', 'options', 'api'],
  /** ambient declarations (WebAssembly), imported by no one */
  types: [],
};

function sourceFiles(dir: string, ending = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'golden' ? [] : sourceFiles(full, ending);
    return ending.test(name) ? [full] : [];
  });
}

/** A file's name under src/, with forward slashes. */
const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
const folderOf = (name: string): string => name.split('/')[0];

/** Every module specifier a file names: static imports and exports (type-only too) and import(). */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The src/ file a relative specifier names (`./x.js` is x.ts), or null for a package or `node:` module. */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return rel(path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts'));
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const targets = specifiers(readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== null);
    graph.set(rel(file), [...new Set(targets)]);
  }
  return graph;
}

/** Import edges that break the table: `from -> to`, for every folder pair not allowed. */
function layerViolations(graph: Map<string, string[]>, allowed = ALLOWED): string[] {
  const bad: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a !== b && !(allowed[a] ?? []).includes(b)) bad.push(`${from} -> ${to} (${a} may not import ${b})`);
    }
  }
  return bad.sort();
}

/** The strongly connected components with more than one file (Tarjan), each sorted: the import cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read from every file, type imports, re-exports and import() included', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(specifiers("import type { A } from './a.js';\nexport { b } from '../b.js';\nconst c = await import('./c.js');\n// import { d } from './d.js'"))
      .toEqual(['./a.js', '../b.js', './c.js']);
  });

  it('names only files that exist', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it('has a rule for every folder, and the rules themselves point one way', () => {
    expect([...new Set([...graph.keys()].map(folderOf))].sort()).toEqual(Object.keys(ALLOWED).sort());
    const folders = new Map(Object.entries(ALLOWED).map(([k, v]) => [k, [...v]]));
    expect(cycles(folders)).toEqual([]);
  });

  it('imports downward only: each folder only the folders its rule allows', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycles between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches a wrong-direction import and a cycle (the checks can fail)', () => {
    const broken = new Map([
      ['io/read.ts', ['model/tally.ts']],
      ['model/tally.ts', ['stats/mean.ts']],
      ['stats/mean.ts', ['model/tally.ts']],
    ]);
    expect(layerViolations(broken)).toEqual([
      'model/tally.ts -> stats/mean.ts (model may not import stats)',
      'stats/mean.ts -> model/tally.ts (stats may not import model)',
    ]);
    expect(cycles(broken)).toEqual([['model/tally.ts', 'stats/mean.ts']]);
  });
});

describe('documents cited in the code', () => {
  it('exist in the repository (docs/… and top-level pages such as ARCHITECTURE.md)', () => {
    const code = ['src', 'test', 'scripts', 'bench'].flatMap((d) => sourceFiles(path.join(repository, d), /\.(ts|mjs|cjs|py|R)$/));
    const missing: string[] = [];
    for (const file of code) {
      for (const [cited] of readFileSync(file, 'utf8').matchAll(/\b(?:docs\/[\w./-]+|[A-Z][A-Z_-]+)\.md\b/g)) {
        if (!statSync(path.join(repository, cited), { throwIfNoEntry: false })) missing.push(`${path.relative(repository, file)}: ${cited}`);
      }
    }
    expect(code.length).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});
