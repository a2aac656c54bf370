/**
 * Inputs that are not regular files — `/dev/stdin` piped, `<(zcat …)`, a FIFO — are read once as a
 * stream (they gave a cryptic ESPIPE); a FIFO with no writer waits without blocking the event loop, so
 * Ctrl-C still ends the run (openSync blocked forever, deaf to signals).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/cxm.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** children that may still wait (a regression would block them in open): killed at the end */
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
const data = path.join(dir, 'a.csv');
writeFileSync(data, `submitted_at,nps\n${Array.from({ length: 5000 }, (_, i) => `2026-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 11}`).join('\n')}\n`);
const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
const expected = sh(`node ${bin} score a.csv --format csv --quiet`).stdout;

describe('non-seekable inputs', () => {
  it('/dev/stdin piped gives the same result as the file', () => {
    const r = sh(`cat a.csv | node ${bin} score /dev/stdin --format csv --quiet`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it('process substitution <(…) too, also with several threads asked for', () => {
    const r = sh(`CXM_THREADS=2 CXM_MIN_BYTES_PER_THREAD=1 node ${bin} score <(cat a.csv) --format csv --quiet`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it('a FIFO with a writer', () => {
    const r = sh(`mkfifo f1 && (cat a.csv > f1 &) && node ${bin} score f1 --format csv --quiet`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
  });

  it('report, which reads its data twice, refuses a pipe in words', () => {
    const r = sh(`node ${bin} report <(cat a.csv) --every week -o r.html`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cxm: \/dev\/fd\/\d+: cxm report reads its data twice \(the comment sample\), and a pipe or FIFO can be read only once\n/);
  });

  it('a FIFO with no writer: Ctrl-C ends the wait with exit 130', async () => {
    expect(sh('mkfifo f2').status).toBe(0);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, 'score', 'f2'], { cwd: dir, env: { ...process.env, CXM_TEST_READY: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr === 'ready\n') child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(130);
  });
});
