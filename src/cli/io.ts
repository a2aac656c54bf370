/**
 * The process surface a command touches: streams and environment. Tests pass their own; `bin/cxm.js`
 * passes the real process.
 */
import tty from 'node:tty';
import { writeAllSync, writeError } from '../io/write-output.js';

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
  return { stdout: standardOutput(), stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Standard output written straight to file descriptor 1, every byte: Node's own stream drops the rest of
 * a short write (a full disk cut a CSV short with exit 0). A write error is exit 2 in words ("cannot
 * write standard output: no space left on device"); a reader that went away (`| head`) is no error.
 */
function standardOutput(): TextSink {
  let readerGone = false;
  return {
    isTTY: tty.isatty(1),
    write(text: string) {
      if (readerGone) return true;
      try {
        writeAllSync(1, Buffer.from(text));
      } catch (error) {
        // the rest is not wanted; the run ends as it would (its summary still goes to stderr)
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') readerGone = true;
        else throw writeError('standard output', error);
      }
      return true;
    },
  };
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
