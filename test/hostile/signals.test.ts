/**
 * Pipes and signals, with the built cxm in a child process: a reader that goes away (`| head`) is a
 * quiet exit 0; Ctrl-C (SIGINT) and SIGTERM stop a long run part-way — worker threads included — with
 * exit 130 and 143, and leave no output file, no temporary file, and an older output file untouched.
 * Signals are sent after a handshake (cxm prints "ready" with CXM_TEST_READY=1), and nothing is timed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/cxm.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cxm-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ~60 MB of dated answers without a zone (each read as Denver time): a few seconds of work. */
function largeExport(): string {
  const file = path.join(dir, 'large.csv');
  const rows: string[] = [];
  for (let i = 0; i < 50; i++) {
    rows.push(`2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00:00,${i % 11},r${i % 7},p${i % 5}\n`);
  }
  const block = Buffer.from(rows.join(''));
  const header = Buffer.from('submitted_at,nps,region,plan\n');
  const copies = Math.floor((60 * 1024 * 1024) / block.length);
  const bytes = Buffer.alloc(header.length + copies * block.length);
  header.copy(bytes);
  for (let i = 0; i < copies; i++) block.copy(bytes, header.length + i * block.length);
  writeFileSync(file, bytes);
  return file;
}

interface Ended {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** standard error after the handshake */
  stderr: string;
}

/**
 * Spawns cxm and sends `signal` once it says, on standard error, that its signal handlers are in place
 * (CXM_TEST_READY=1): a handshake, not a delay, so a slow start cannot make the signal arrive early.
 */
function interrupt(args: string[], signal: NodeJS.Signals, options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...options.env, CXM_TEST_READY: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && stderr.startsWith('ready\n')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stdout.resume();
    if (options.stdin !== undefined) child.stdin.write(options.stdin); // and keep it open: cxm waits for more
    child.on('exit', (code, sig) => {
      child.stdin.destroy();
      resolve({ pid: child.pid!, code, signal: sig, stderr: stderr.replace(/^ready\n/, '') });
    });
  });
}

describe('a closed pipe', () => {
  const big = `node ${bin} score fixtures/responses.csv --by response_id --format csv`;
  it('`cxm … | head` ends quietly with exit 0', () => {
    const r = spawnSync('bash', ['-c', `${big} | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/^read 480 rows.*\nexit 0\n$/s);
  });

  it('so does `cxm … 2>&1 | head`, where the summary meets the closed pipe too', () => {
    const r = spawnSync('bash', ['-c', `${big} 2>&1 | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).toBe('exit 0\n');
  });

  it('and a closed standard error alone changes nothing', () => {
    const r = spawnSync('bash', ['-c', `node ${bin} score fixtures/responses.csv --format csv 2>&- | wc -l; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('4'); // the header and three metrics
    expect(r.stderr).toBe('exit 0\n');
  });
});

describe('signals', () => {
  const large = largeExport();
  const args = ['trend', large, '--every', 'day', '--by', 'region,plan', '--tz', 'America/Denver', '--format', 'csv', '-o', 'out.csv'];
  it('left alone, the run finishes and writes its output', () => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toMatch(/^metric,region,plan,period,/);
    rmSync(path.join(dir, 'out.csv'));
  });

  it('Ctrl-C stops a long multi-threaded read: exit 130, no output file, no temporary file', async () => {
    const r = await interrupt(args, 'SIGINT', { env: { CXM_THREADS: '2', CXM_MIN_BYTES_PER_THREAD: '1' } });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe('');
    expect(readdirSync(dir)).toEqual(['large.csv']);
  });

  it('on one thread too, and an older output file stays as it was', async () => {
    writeFileSync(path.join(dir, 'out.csv'), 'last week\n');
    const r = await interrupt(args, 'SIGINT', { env: { CXM_THREADS: '1' } });
    expect(r.code, r.stderr).toBe(130);
    expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('last week\n');
    expect(readdirSync(dir).sort()).toEqual(['large.csv', 'out.csv']);
    rmSync(path.join(dir, 'out.csv'));
  });

  it('SIGTERM: exit 143; SIGHUP: exit 129', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const r = await interrupt(args, signal);
      expect(r.code, r.stderr).toBe(code);
        expect(readdirSync(dir)).toEqual(['large.csv']);
    }
  });

  it('Ctrl-C while waiting for standard input', async () => {
    const r = await interrupt(['score', '-', '-o', 'out.json', '--format', 'json'], 'SIGINT', { stdin: 'id,nps\n1,9\n2,7\n' });
    expect(r.code, r.stderr).toBe(130);
    expect(readdirSync(dir)).toEqual(['large.csv']);
  });

  it("Ctrl-C removes the copy of standard input a report keeps in the temporary directory", async () => {
    const stdin = 'submitted_at,nps\n2026-01-05,9\n2026-01-12,7\n';
    const r = await interrupt(['report', '-', '--every', 'week', '-o', 'out.html'], 'SIGINT', { stdin });
    expect(r.code, r.stderr).toBe(130);
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith(`cxm-stdin-${r.pid}-`))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['large.csv']);
  });
});
