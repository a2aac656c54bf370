/**
 * Counting what a stream unpacks against what it read, so a bomb stops at the limits of limits.ts
 * whatever sizes its headers claim.
 */
import { InputError } from '../../model/errors.js';
import { formatLimit, MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES, RATIO_FREE_BYTES } from '../limits.js';

export class UnpackGuard {
  packed = 0;
  unpacked = 0;
  constructor(
    private readonly file: string,
    private readonly what: string,
  ) {}

  /** Adds `bytes` unpacked; throws past a limit. */
  out(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > MAX_UNPACKED_BYTES) {
      throw new InputError(`${this.what} unpacks to more than ${formatLimit(MAX_UNPACKED_BYTES, 'bytes')}, the limit (a zip bomb?)`, { file: this.file });
    }
    if (this.unpacked > RATIO_FREE_BYTES && this.unpacked > MAX_UNPACK_RATIO * Math.max(1, this.packed)) {
      throw new InputError(`${this.what} unpacks to more than ${formatLimit(MAX_UNPACK_RATIO, 'count')} times its packed size, the limit (a zip bomb?)`, { file: this.file });
    }
  }
}
