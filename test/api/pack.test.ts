/**
 * The package as a user gets it: `npm pack` of the built tree, installed into a temporary folder
 * without the network, imported by name. Its score of a fixture equals the installed command line's
 * `--format json`, and its declarations type-check a TypeScript caller (and catch a wrong option).
 *
 * Offline: the project's production dependencies are copied into the folder first, so that
 * `npm install --offline` finds them satisfied and only unpacks the tarball. Needs the build
 * (`npm run build`, which `npm test` runs first): the tarball is packed with --ignore-scripts so
 * that packing does not rebuild dist/ under the other tests.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('.');
const fixture = path.join(root, 'fixtures/responses.csv');
let tmp = '';
let app = '';
let packed: { filename: string; files: { path: string }[] };

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cxm-pack-'));
  app = path.join(tmp, 'app');
  mkdirSync(app);
  [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root));
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // the dependency tree npm would fetch, from the project's own node_modules
  const deps = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], root).split('\n').filter((p) => p.startsWith(path.join(root, 'node_modules') + path.sep));
  for (const dir of deps) cpSync(dir, path.join(app, path.relative(root, dir)), { recursive: true });
  run('npm', ['install', '--offline', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, packed.filename)], app);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the bundle, the library entry and its declarations', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of ['package.json', 'bin/cxm.js', 'dist/cxm.js', 'dist/api.js', 'dist/types/api/index.d.ts']) expect(files).toContain(file);
  });

  it('imports by name, and its score equals the command line\'s --format json', () => {
    const script = `import { score } from 'cxm';\nprocess.stdout.write(JSON.stringify(await score([${JSON.stringify(fixture)}], { by: ['region'], metric: ['nps', 'csat'], level: 0.9 })));\n`;
    writeFileSync(path.join(app, 'score.mjs'), script);
    const fromLibrary = JSON.parse(run(process.execPath, ['score.mjs'], app));
    const cli = run(process.execPath, [path.join(app, 'node_modules/cxm/bin/cxm.js'), 'score', fixture, '--by', 'region', '--metric', 'nps,csat', '--level', '0.9', '--format', 'json', '--quiet'], app);
    expect(fromLibrary).toStrictEqual(JSON.parse(cli));
    expect(fromLibrary.rows.length).toBeGreaterThan(1);
  });

  it('runs the example of docs/api.md as the command line would print it', () => {
    const example = /```js\n([\s\S]*?)```/.exec(readFileSync(path.join(root, 'docs/api.md'), 'utf8'))![1];
    writeFileSync(path.join(app, 'example.mjs'), example);
    copyFileSync(fixture, path.join(app, 'responses.csv'));
    const out = run(process.execPath, ['example.mjs'], app);
    const cxm = path.join(app, 'node_modules/cxm/bin/cxm.js');
    const json = JSON.parse(run(process.execPath, [cxm, 'score', 'responses.csv', '--by', 'region', '--metric', 'nps,csat', '--level', '0.9', '--format', 'json', '--quiet'], app));
    const all = json.rows.find((row: { metric: string; group: object }) => row.metric === 'nps' && Object.keys(row.group).length === 0);
    const markdown = run(process.execPath, [cxm, 'score', 'responses.csv', '--by', 'region', '--metric', 'nps,csat', '--level', '0.9', '--format', 'markdown', '--quiet'], app);
    let gate = 0;
    try {
      run(process.execPath, [cxm, 'check', 'responses.csv', '--min', 'nps=20', '--by', 'region', '--quiet'], app);
    } catch (error) {
      gate = (error as { status: number }).status;
    }
    expect(out).toBe(`NPS ${all.value.toFixed(1)} (n = ${all.n})\n${markdown}\n${gate === 0 ? 'gate passed' : `gate failed (exit ${gate})`}\nmissing.csv: no such file\n`);
  });

  it('its declarations type-check a caller and refuse an output option', () => {
    symlinkSync(path.join(root, 'node_modules/@types'), path.join(app, 'node_modules/@types'));
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['caller.ts'] }),
    );
    writeFileSync(
      path.join(app, 'caller.ts'),
      [
        "import { check, render, score, UsageError, type ScoreResult } from 'cxm';",
        "const result: ScoreResult = await score(['responses.csv'], { by: ['region'], metric: ['nps'], level: 0.9 });",
        'const n: number = result.rows[0].n;',
        "const text: string = await render(result, 'markdown');",
        "const { exitCode } = await check(['responses.csv'], { min: 'nps=30' });",
        'const code: 0 | 1 = exitCode;',
        '// @ts-expect-error: --format is an output option, not an option of score()',
        "await score(['responses.csv'], { format: 'json' });",
        '// @ts-expect-error: a level is a number or its text',
        "await score(['responses.csv'], { level: true });",
        'console.log(n, text, code, new UsageError("x").exitCode);',
        '',
      ].join('\n'),
    );
    let output = '';
    try {
      run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
