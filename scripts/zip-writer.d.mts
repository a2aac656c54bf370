// Types of zip-writer.mjs, for the tests that import it.

export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  method?: 'store' | 'deflate';
  /** general-purpose flags (bit 0: encrypted) */
  flags?: number;
  /** a size to declare instead of the real one */
  declaredSize?: number;
  /** a CRC-32 to declare instead of the real one */
  crc?: number;
  /** an entry deflated elsewhere, written as it is */
  deflated?: { packed: Buffer; crc: number; size: number };
}
export function zip(entries: ZipEntrySpec[]): Buffer;
