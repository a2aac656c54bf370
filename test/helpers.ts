import { Readable } from 'node:stream';
import { run } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs cxm in-process with captured streams; stdin is empty unless given. */
export async function runCli(args: string[], options: { stdin?: string | Buffer; env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => {
        stdout += s;
        return true;
      }, isTTY: options.tty ?? false },
    stderr: { write: (s: string) => {
        stderr += s;
        return true;
      }, isTTY: false },
    stdin: Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]),
    env: { ...(options.env ?? {}) },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
