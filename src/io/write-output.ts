/**
 * Writing a result to `-o FILE` atomically: a temporary file beside the target, then a rename, so a
 * reader (or a cron job interrupted half-way) never sees half a report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.js';

/** Temporary files still being written; removed if the process is interrupted. */
export const pendingTemporaryFiles = new Set<string>();

export function writeFileAtomic(target: string, content: string | Buffer): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  pendingTemporaryFiles.add(temp);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing left to clean
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write the output file (${code ?? (error as Error).message})`, { file: target });
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
