/**
 * The process surface a command touches: streams and environment. Tests pass their own; `bin/cxm.js`
 * passes the real process.
 */

export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Colour for human output: only on a TTY, never with NO_COLOR or --no-color; FORCE_COLOR forces it
 * (the usual convention, handy in CI logs that render colour).
 */
export function useColor(io: CliIo, flag: boolean | undefined, sink: TextSink = io.stdout): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return sink.isTTY === true;
}
