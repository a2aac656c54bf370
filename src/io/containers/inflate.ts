/**
 * Streaming a packed byte stream through zlib (gzip or raw deflate), counting both sides against the
 * unpack limits; zlib's own errors become one InputError naming the file.
 */
import { Readable, type Transform } from 'node:stream';
import { InputError } from '../../model/errors.js';
import type { UnpackGuard } from './unpack-guard.js';

export async function* inflateChunks(packed: AsyncIterable<Buffer>, z: Transform, guard: UnpackGuard, damaged: (reason: string) => InputError): AsyncGenerator<Buffer> {
  const counted = async function* () {
    for await (const chunk of packed) {
      guard.packed += chunk.length;
      yield chunk;
    }
  };
  const source = Readable.from(counted());
  source.on('error', (error) => z.destroy(error));
  source.pipe(z);
  try {
    for await (const chunk of z as AsyncIterable<Buffer>) {
      guard.out(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw damaged((error as Error).message);
    throw error;
  } finally {
    source.destroy();
    z.destroy();
  }
}
