// The readers of containers (zip, gzip, workbooks and their XML) load only when a container is read: not for
// `cxm --version`, not for a CSV. Checked on the built program by the modules it actually loads (a
// resolve hook logs them), against the chunks of dist/ that hold the readers' code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.join(root, 'dist');
/** text found only in the readers: the XML tokenizer, the zip reader, the sheet reader */
const MARKERS = ['it declares a DOCTYPE', 'not a readable zip archive', 'holds no cells (a chart sheet'];

function readerChunks(): string[] {
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js') && MARKERS.some((m) => readFileSync(path.join(dist, f), 'utf8').includes(m)))
    .map((f) => path.join(dist, f));
}

function loaded(args: string[]): string[] {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxm-modules-')), 'log');
  execFileSync('node', ['--import', path.join(root, 'test/module-log.mjs'), path.join(root, 'bin/cxm.js'), ...args], { cwd: root, env: { ...process.env, CXM_MODULE_LOG: log }, stdio: 'pipe' });
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
}

describe('container readers load lazily', () => {
  const chunks = readerChunks();

  it('the readers are in chunks of their own', () => {
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks).not.toContain(path.join(dist, 'cxm.js'));
  });

  it('cxm --version and a CSV run do not load them; a workbook does', () => {
    const version = loaded(['--version']);
    expect(version).toContain(path.join(root, 'bin/cxm.js'));
    expect(version.filter((f) => chunks.includes(f))).toEqual([]);
    const csv = loaded(['score', 'fixtures/exports/generic.csv', '--by', 'region', '--quiet']);
    expect(csv).toContain(path.join(dist, 'cxm.js'));
    expect(csv.filter((f) => chunks.includes(f))).toEqual([]);
    const xlsx = loaded(['score', 'fixtures/containers/generic.xlsx', '--quiet']);
    expect(xlsx.filter((f) => chunks.includes(f)).length).toBeGreaterThan(0);
  });
});
