/**
 * Internal errors (bugs): exit 3 with one line that gives the version and asks for a report; the stack
 * only with CXM_DEBUG=1. In process (a command that throws) and in the real process (an error thrown
 * from a callback, outside the command's promise).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers.js';

vi.mock('../../src/analysis/score.js', async (original) => ({
  ...(await original<typeof import('../../src/analysis/score.js')>()),
  scoreResult: () => {
    throw new TypeError('cannot read properties of undefined\nsecond line \u001b[2J');
  },
}));

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

describe('internal errors', () => {
  it('exit 3, one line: the message, the version, "please report"', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cxm: internal error: cannot read properties of undefined second line \ufffd[2J (cxm ${version}; please report this, with the command you ran)\n`);
  });

  it('CXM_DEBUG=1 adds the stack', async () => {
    const r = await runCli(['score', 'fixtures/responses.csv'], { env: { CXM_DEBUG: '1' } });
    expect(r.code).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^cxm: internal error: .*please report/);
    expect(lines[1]).toMatch(/^TypeError: cannot read properties/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('an error escaping the command (thrown from a callback) is the same one line, exit 3', () => {
    const script = `import { main } from ${JSON.stringify(path.resolve('dist/cxm.js'))};
      process.argv = [process.argv[0], 'cxm', 'score', 'fixtures/responses.csv', '--quiet', '--format', 'csv'];
      setTimeout(() => { throw new RangeError('late trouble'); }, 0);
      await main();`;
    for (const debug of [undefined, '1']) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, CXM_DEBUG: debug ?? '' } });
      expect(r.status).toBe(3);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`cxm: internal error: late trouble (cxm ${version}; please report this, with the command you ran)`);
      expect(lines.length > 1).toBe(debug === '1');
    }
  });
});
