/**
 * Writing a result to `-o FILE` without clobbering or truncating anything:
 *
 * - a regular file (or a missing one) is written to a temporary file beside it — a random name, created
 *   exclusively (O_EXCL, so a planted symlink cannot redirect it) with mode 600 — then given the old
 *   file's mode and owner (a new file: the umask's mode) and renamed over it, so a reader or the next cron
 *   run sees the old file or the new one, never half of one, and a private file stays private;
 * - a symlink is written through: its target is replaced as above, the link stays;
 * - a character device, FIFO or socket (`/dev/null`, `mkfifo`), and `/dev/stdout`, `/dev/stderr`,
 *   `/dev/fd/N`, are written straight into, never replaced by a regular file; a FIFO is opened off the
 *   event loop, so Ctrl-C still works while it waits for a reader;
 * - every write error (a full disk, EIO, a reader that went away) is exit 2 with the reason in words.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.js';

/** Temporary files still being written; removed if the process is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ENXIO: 'no such device',
  ELOOP: 'too many levels of symbolic links',
  EEXIST: 'a file of the temporary name appeared',
};

/** The one-line error for a failed write to `target` ("standard output" or a path). */
export function writeError(target: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? (code ? code : (error as Error).message);
  return new InputError(`cannot write ${target}: ${reason}`);
}

/** Writes every byte of `bytes` to `fd` (a short write is continued, not dropped); errors thrown as is. */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // a non-blocking pipe whose reader is slow: wait a moment and go on
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** The file descriptor a path names directly (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`), if it does. */
function descriptorPath(target: string): number | null {
  const resolved = path.resolve(target);
  if (resolved === '/dev/stdout') return 1;
  if (resolved === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(resolved);
  return m ? Number(m[1]) : null;
}

function statOrNull(target: string, follow: boolean): fs.Stats | null {
  try {
    return follow ? fs.statSync(target) : fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw writeError(target, error);
  }
}

export async function writeOutput(target: string, content: string | Buffer): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const fd = descriptorPath(target);
  if (fd !== null) {
    // the descriptor as it is (its offset, append mode): reopening /dev/stdout would truncate a `>>` file
    try {
      writeAllSync(fd, bytes);
    } catch (error) {
      throw writeError(target, error);
    }
    return;
  }
  const stat = statOrNull(target, true);
  if (stat === null && statOrNull(target, false)?.isSymbolicLink()) {
    throw new InputError(`cannot write ${target}: a symbolic link to a missing file`, undefined, 'write to the link\'s target, or remove the link');
  }
  if (stat?.isDirectory()) throw new InputError(`cannot write ${target}: is a directory`);
  if (stat && !stat.isFile()) return writeStraight(target, bytes);
  writeFileAtomic(stat ? fs.realpathSync(target) : target, bytes, stat, target);
}

/** A device, FIFO or socket: opened for writing as it is (no create, no truncate), off the event loop. */
async function writeStraight(target: string, bytes: Buffer): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(target, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
    let offset = 0;
    while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
  } catch (error) {
    throw writeError(target, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The temp-and-rename write of `file` (a real path), keeping `existing`'s mode and owner. */
export function writeFileAtomic(file: string, bytes: Buffer, existing: fs.Stats | null, shown = file): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(8).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    pendingTemporaryFiles.add(temp);
    writeAllSync(fd, bytes);
    if (existing) {
      try {
        fs.fchownSync(fd, existing.uid, existing.gid); // succeeds for root, or for a group the user is in
      } catch {
        // another owner cannot be kept: the file becomes the user's, with the old mode
      }
    }
    fs.fchmodSync(fd, existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, file);
  } catch (error) {
    try {
      if (fd !== null) fs.closeSync(fd);
      if (pendingTemporaryFiles.has(temp)) fs.rmSync(temp, { force: true });
    } catch {
      // the error that matters is the first
    }
    throw writeError(shown, error);
  } finally {
    pendingTemporaryFiles.delete(temp);
  }
}

export function removePendingTemporaryFiles(): void {
  for (const temp of pendingTemporaryFiles) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // best effort on the way out
    }
  }
  pendingTemporaryFiles.clear();
}
