/** A small JSON file a user points at (a config file, tag rules): read whole, errors naming the file. */
import fs from 'node:fs';
import { InputError } from '../model/errors.js';
import { formatLimit, MAX_SETTINGS_FILE_BYTES } from './limits.js';

/** The parsed JSON of `file`; `what` names it in errors ("config file", "tag rules file"). */
export function readJsonFile(file: string, what: string): unknown {
  let raw: string;
  try {
    raw = readBounded(file, MAX_SETTINGS_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the ${what}`, { file });
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`the ${what} is not valid JSON (${(error as Error).message})`, { file });
  }

  /** At most `limit` bytes, read in chunks (a FIFO has no size to check first); past it an error. */
  function readBounded(path: string, limit: number): Buffer {
    const fd = fs.openSync(path, 'r');
    try {
      const parts: Buffer[] = [];
      let n = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(64 * 1024);
        const got = fs.readSync(fd, chunk, 0, chunk.length, null);
        if (got === 0) return Buffer.concat(parts, n);
        parts.push(chunk.subarray(0, got));
        n += got;
        if (n > limit) throw new InputError(`the ${what} is larger than ${formatLimit(limit, 'bytes')}, the limit`, { file });
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}
