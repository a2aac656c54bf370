/**
 * SHA-256 of the inputs, for a report's footer: a file is hashed in a streaming pass of its own;
 * standard input, which can be read only once, is hashed as it goes by — and copied to a temporary
 * file, so a second pass (a report's comment sample) can read it again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { fileError } from './input.js';
import { pendingTemporaryFiles, writeAllSync, writeError } from './write-output.js';

export interface Digest {
  sha256: string;
  bytes: number;
}

/** The SHA-256 of a file, read in chunks (memory does not grow with the file). */
export async function sha256File(file: string): Promise<Digest> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (error) {
    throw fileError(file, error);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Standard input passed through: every chunk is hashed and written to a temporary file on its way.
 * Read `stream` instead of stdin; once it has ended, `finish()` gives the digest and the copy's path
 * (remove it with `dispose()`).
 */
export class StdinCopy {
  readonly stream: Readable;
  readonly path: string;
  private readonly hash = crypto.createHash('sha256');
  private bytes = 0;
  private fd: number | null;

  constructor(stdin: NodeJS.ReadableStream) {
    this.path = path.join(os.tmpdir(), `cxm-stdin-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
    pendingTemporaryFiles.add(this.path);
    this.fd = fs.openSync(this.path, 'wx', 0o600); // exclusive: a planted symlink is not followed
    const through = new PassThrough();
    const input = stdin as Readable;
    this.onData = (chunk: Buffer | string) => {
      // after dispose() (a run that ended early, e.g. on a bad --by) the rest of stdin is not wanted
      if (this.fd === null) return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.hash.update(buffer);
      this.bytes += buffer.length;
      try {
        writeAllSync(this.fd, buffer);
      } catch (error) {
        through.destroy(writeError(`the copy of standard input (${this.path})`, error));
        return;
      }
      if (!through.write(buffer)) {
        input.pause();
        through.once('drain', () => input.resume());
      }
    };
    input.on('data', this.onData);
    input.on('end', () => through.end());
    input.on('error', (error) => through.destroy(error));
    this.stdin = input;
    this.stream = through;
  }

  private readonly onData: (chunk: Buffer | string) => void;
  private readonly stdin: Readable;

  /** The digest of everything read (call after the stream has been read to its end). */
  finish(): Digest {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  dispose(): void {
    this.stdin.off('data', this.onData);
    this.stdin.pause();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.path, { force: true });
    pendingTemporaryFiles.delete(this.path);
  }
}
