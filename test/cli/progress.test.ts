import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const args = ['score', 'fixtures/responses.csv', '--by', 'region', '--format', 'csv', '--quiet'];
// any input counts as large here, so the small fixture shows the bar
const small = { CXM_PROGRESS_MIN_BYTES: '0' };

/** stderr with a terminal on it (runCli's stderr is not a TTY; wrap it) */
async function runWithTtyStderr(extraArgs: string[], env: Record<string, string>) {
  const { Readable } = await import('node:stream');
  const { run } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const code = await run([...args, ...extraArgs], {
    stdout: { write: (s: string) => {
        stdout += s;
        return true;
      }, isTTY: false },
    stderr: { write: (s: string) => {
        stderr += s;
        return true;
      }, isTTY: true },
    stdin: Readable.from([]),
    env,
  });
  return { code, stdout, stderr };
}

describe('progress bar', () => {
  it('draws on a terminal stderr and erases itself, leaving stdout untouched', async () => {
    const r = await runWithTtyStderr([], small);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\r\[[█░]+\]\s+\d+% {2}\d+ MB of \d+ MB {2}[\d.]+[kM]? rows\/s/);
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true);
    const plain = await runCli(args);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('stays off with --no-progress, in CI, when stderr is not a terminal, and for small inputs', async () => {
    expect((await runWithTtyStderr(['--no-progress'], small)).stderr).toBe('');
    expect((await runWithTtyStderr([], { ...small, CI: 'true' })).stderr).toBe('');
    expect((await runCli(args, { env: small })).stderr).toBe('');
    expect((await runWithTtyStderr([], {})).stderr).toBe('');
  });
});
