/**
 * Random access to the bytes of an archive: a regular file read at offsets, or (standard input, an
 * archive inside an archive) a buffer held in memory up to MAX_ARCHIVE_IN_MEMORY.
 */
import fs from 'node:fs';
import { InputError } from '../../model/errors.js';
import { fileError, type Input } from '../input.js';
import { formatLimit, MAX_ARCHIVE_IN_MEMORY } from '../limits.js';

export interface ByteSource {
  size: number;
  /** `length` bytes from `position` (fewer at the end) */
  read(position: number, length: number): Buffer;
  close(): void;
}

export function fileBytes(path: string, size: number): ByteSource {
  let fd: number | null = null;
  return {
    size,
    read(position, length) {
      try {
        fd ??= fs.openSync(path, 'r');
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - position)));
        let n = 0;
        while (n < buf.length) {
          const got = fs.readSync(fd, buf, n, buf.length - n, position + n);
          if (got === 0) break;
          n += got;
        }
        return buf.subarray(0, n);
      } catch (error) {
        throw fileError(path, error);
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

export function memoryBytes(buf: Buffer): ByteSource {
  return { size: buf.length, read: (position, length) => buf.subarray(position, Math.min(buf.length, position + length)), close() {} };
}

/** The whole of a stream, held in memory up to the limit. */
export async function collect(chunks: AsyncIterable<Buffer>, file: string, what: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > MAX_ARCHIVE_IN_MEMORY) throw new InputError(`${what} larger than ${formatLimit(MAX_ARCHIVE_IN_MEMORY, 'bytes')} cannot be read from here (it is held in memory): pass it as a file`, { file });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Random access to an input: its file, or all of it in memory. */
export async function inputBytes(input: Input, what: string): Promise<ByteSource> {
  if (input.path !== null && input.size !== null) return fileBytes(input.path, input.size);
  return memoryBytes(await collect(input.chunks(0), input.name, what));
}
