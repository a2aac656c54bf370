// Architecture rules of src/stats (ARCHITECTURE.md, docs/style.md R1/R9/R10): pure, one function per file,
// named after the file, re-exported from index.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';

const directory = fileURLToPath(new URL('../../src/stats/', import.meta.url));
const files = readdirSync(directory).filter((name) => name.endsWith('.ts'));
const source = (name: string): string => readFileSync(directory + name, 'utf8');
/** Source without comments. */
const uncommented = (name: string): string =>
  source(name)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
/** Source without comments and string literals, for checks on code only. */
const code = (name: string): string =>
  source(name)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`/g, "''");
const camel = (file: string): string => file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('src/stats is pure', () => {
  it.each(files)('%s imports only sibling modules', (name) => {
    const imports = [...uncommented(name).matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const path of imports) expect(path, `${name} imports ${path}`).toMatch(/^\.\/[a-z0-9-]+\.js$/);
    expect(uncommented(name)).not.toMatch(/from\s*['"](node:|chalk|\.\.\/(io|report|cli))/);
    expect(uncommented(name)).not.toMatch(/\brequire\(|import\(/);
  });
  it.each(files)('%s uses no Math.random, Date or process', (name) => {
    expect(code(name)).not.toMatch(/Math\.random|\bDate\b|\bprocess\b|\bconsole\b/);
  });
});

describe('one exported function per file, named after the file', () => {
  const functionFiles = files.filter((name) => name !== 'index.ts' && name !== 'types.ts');
  it.each(functionFiles)('%s', (name) => {
    const exported = [...code(name).matchAll(/export\s+(?:function|const|let|class|interface|type)\s+(\w+)/g)].map((m) => m[1]);
    expect(exported).toEqual([camel(name)]);
    expect(typeof (stats as Record<string, unknown>)[camel(name)]).toBe('function');
  });
  it('index.ts only re-exports, and re-exports every file', () => {
    const lines = source('index.ts')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) expect(line).toMatch(/^export \* from '\.\/[a-z0-9-]+\.js';$/);
    const reexported = lines.map((line) => line.replace(/^export \* from '\.\/(.+)\.js';$/, '$1.ts')).sort();
    expect(reexported).toEqual(files.filter((name) => name !== 'index.ts').sort());
  });
  it('comment density of src/stats is in the simple-statistics range (30–45 % and above)', () => {
    let comment = 0;
    let total = 0;
    for (const name of files) {
      let inBlock = false;
      for (const raw of source(name).split('\n')) {
        const line = raw.trim();
        if (line === '') continue;
        total += 1;
        if (inBlock || line.startsWith('/*') || line.startsWith('*') || line.startsWith('//')) comment += 1;
        if (line.startsWith('/*')) inBlock = !line.includes('*/');
        else if (inBlock && line.includes('*/')) inBlock = false;
      }
    }
    expect(comment / total).toBeGreaterThan(0.3);
  });
});
