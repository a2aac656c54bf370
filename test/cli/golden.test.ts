/**
 * Golden cases, one directory each under test/golden/<command>/: `cmd` holds the arguments, `expout`
 * and `experr` the exact stdout and stderr, `code` the exit code (0 when absent).
 * Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const root = path.resolve('test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Splits a command line on spaces, honouring single and double quotes. */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

for (const command of readdirSync(root).sort()) {
  describe(`golden: ${command}`, () => {
    for (const name of readdirSync(path.join(root, command)).sort()) {
      const dir = path.join(root, command, name);
      it(name, async () => {
        const args = splitArgs(readFileSync(path.join(dir, 'cmd'), 'utf8').trim());
        const result = await runCli(args, { env: {} });
        const files = { expout: result.stdout, experr: result.stderr, code: `${result.code}\n` };
        for (const [file, actual] of Object.entries(files)) {
          const p = path.join(dir, file);
          if (update) writeFileSync(p, actual);
          const expected = existsSync(p) ? readFileSync(p, 'utf8') : file === 'code' ? '0\n' : '';
          expect(actual, `${name}/${file}`).toBe(expected);
        }
      });
    }
  });
}
