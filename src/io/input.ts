/**
 * Opening an input: a file path, or `-` for standard input. The first bytes are read for sniffing and
 * the header (more on request, for very wide headers); `chunks()` then yields every byte from the
 * start, replaying what standard input already gave.
 */
import fs from 'node:fs';
import { InputError } from '../model/errors.js';

export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1 << 20;

export interface Input {
  /** the name used in messages: the path as given, or `stdin` */
  name: string;
  /** the name that says the format when it is not `name` (`export.csv` inside `export.csv.gz`) */
  innerName?: string;
  /** a regular file that can be read again at any offset (enables splitting across threads) */
  path: string | null;
  size: number | null;
  /** the first bytes read so far */
  head: Buffer;
  /** true when `head` is the whole input */
  complete: boolean;
  /** reads until `head` holds at least `bytes` bytes or the input ends */
  extendHead(bytes: number): Promise<void>;
  /** every byte from `offset` on, in chunks */
  chunks(offset?: number): AsyncGenerator<Buffer>;
}

export async function openInput(arg: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Input> {
  if (arg === '-') {
    const input = stdinInput(stdin);
    await input.extendHead(HEAD_BYTES);
    return input;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch (error) {
    throw fileError(arg, error);
  }
  if (stat.isDirectory()) throw new InputError('is a directory, not a file', { file: arg });
  if (!stat.isFile()) {
    // a FIFO, a pipe (/dev/stdin, <(zcat …)), a device: read once, as a stream, on one thread; the
    // stream opens it off the event loop, so a FIFO with no writer yet still hears Ctrl-C
    const input = streamInput(arg, fs.createReadStream(arg, { highWaterMark: CHUNK_BYTES }));
    await input.extendHead(HEAD_BYTES);
    return input;
  }
  const input: Input = {
    name: arg,
    path: arg,
    size: stat.size,
    head: Buffer.alloc(0),
    complete: false,
    async extendHead(bytes) {
      if (input.complete || input.head.length >= bytes) return;
      try {
        const fd = fs.openSync(arg, 'r');
        try {
          const buf = Buffer.alloc(bytes);
          let n = 0;
          while (n < bytes) {
            const got = fs.readSync(fd, buf, n, bytes - n, n);
            if (got === 0) break;
            n += got;
          }
          input.head = buf.subarray(0, n);
          input.complete = n < bytes;
        } finally {
          fs.closeSync(fd);
        }
      } catch (error) {
        throw fileError(arg, error);
      }
    },
    chunks: (offset = 0) => fileChunks(arg, offset),
  };
  await input.extendHead(HEAD_BYTES);
  return input;
}

async function* fileChunks(path: string, offset: number): AsyncGenerator<Buffer> {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    let position = offset;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = fs.readSync(fd, buf, 0, CHUNK_BYTES, position);
      if (n === 0) return;
      position += n;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input: what was read for the head is kept and replayed by `chunks()`, which runs once. */
function stdinInput(stdin: NodeJS.ReadableStream): Input {
  return streamInput('stdin', stdin);
}

/** A stream read once, under `name`: errors (a failed open, a failed read) name it. */
function streamInput(name: string, stream: NodeJS.ReadableStream): Input {
  const source = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const iterator = {
    async next(): Promise<IteratorResult<Buffer | string>> {
      try {
        return await source.next();
      } catch (error) {
        throw name === 'stdin' ? error : fileError(name, error);
      }
    },
  };
  const toBuffer = (v: Buffer | string) => (typeof v === 'string' ? Buffer.from(v) : v);
  let used = false;
  const input: Input = {
    name,
    path: null,
    size: null,
    head: Buffer.alloc(0),
    complete: false,
    async extendHead(bytes) {
      const parts = [input.head];
      let have = input.head.length;
      while (have < bytes && !input.complete) {
        const next = await iterator.next();
        if (next.done) {
          input.complete = true;
          break;
        }
        const chunk = toBuffer(next.value);
        parts.push(chunk);
        have += chunk.length;
      }
      input.head = Buffer.concat(parts);
    },
    chunks: async function* (offset = 0) {
      if (used) throw new Error(`${name} can be read only once`);
      used = true;
      if (offset < input.head.length) yield input.head.subarray(offset);
      let skip = Math.max(0, offset - input.head.length);
      if (input.complete) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        let chunk = toBuffer(next.value);
        if (skip > 0) {
          const s = Math.min(skip, chunk.length);
          chunk = chunk.subarray(s);
          skip -= s;
        }
        if (chunk.length) yield chunk;
      }
    },
  };
  return input;
}

/** The InputError for a failed open or read of `file`, its errno in words. */
export function fileError(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot read (${code ?? String(error)})`;
  return new InputError(message, { file });
}

/** Synchronous reads of a byte range of a regular file into a caller's buffer. */
export function openRangeReader(path: string, start: number, end = Number.POSITIVE_INFINITY) {
  const fd = fs.openSync(path, 'r');
  let position = start;
  return {
    read(buffer: Buffer, offset: number, length: number): number {
      const want = Math.min(length, end - position);
      if (want <= 0) return 0;
      const n = fs.readSync(fd, buffer, offset, want, position);
      position += n;
      return n;
    },
    close(): void {
      fs.closeSync(fd);
    },
  };
}
