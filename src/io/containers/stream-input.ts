/**
 * An Input over bytes that are made, not read: the inside of a gzip stream or of a zip entry. The head
 * is read through the same stream; `chunks()` opens the stream again from the start when it can (a
 * file), or replays the head and goes on (standard input, read once).
 */
import type { Input } from '../input.js';

export interface StreamInputOptions {
  /** the name used in messages */
  name: string;
  /** the name that says the format inside (`export.csv` for `export.csv.gz`) */
  innerName: string;
  /** every byte from the start; called again for each pass when `reopenable` */
  open: () => AsyncGenerator<Buffer>;
  reopenable: boolean;
}

export function streamInput(options: StreamInputOptions): Input {
  let live: AsyncGenerator<Buffer> | null = null;
  let used = false;
  const input: Input = {
    name: options.name,
    innerName: options.innerName,
    path: null,
    size: null,
    head: Buffer.alloc(0),
    complete: false,
    async extendHead(bytes) {
      if (input.complete || input.head.length >= bytes) return;
      const parts = [input.head];
      let have = input.head.length;
      if (!live) {
        live = options.open();
        // a reopened stream starts from byte 0: skip what the head holds
        let skip = input.head.length;
        while (skip > 0) {
          const next = await live.next();
          if (next.done) break;
          if (next.value.length > skip) {
            parts.push(next.value.subarray(skip));
            have += next.value.length - skip;
          }
          skip -= next.value.length;
        }
      }
      while (have < bytes) {
        const next = await live.next();
        if (next.done) {
          input.complete = true;
          break;
        }
        parts.push(next.value);
        have += next.value.length;
      }
      input.head = Buffer.concat(parts);
      if (options.reopenable) {
        // close the file now; a later pass opens it again
        await live.return(undefined);
        live = null;
      }
    },
    chunks: async function* (offset = 0) {
      if (offset !== 0) throw new Error('a decompressed stream is read from its start');
      if (options.reopenable) {
        yield* options.open();
        return;
      }
      if (used) throw new Error('standard input can be read only once');
      used = true;
      if (input.head.length) yield input.head;
      if (input.complete || !live) return;
      yield* live;
    },
  };
  return input;
}
