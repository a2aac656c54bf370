/**
 * gzip (`.gz`, or the gzip magic bytes whatever the name): the inside is streamed through zlib into the
 * same reader as an uncompressed file. A gzip stream cannot be cut at byte offsets, so it is read on
 * one thread; several members one after the other (`cat a.gz b.gz`) are one stream, as gunzip reads them.
 */
import zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import type { Input } from '../input.js';
import { inflateChunks } from './inflate.js';
import { streamInput } from './stream-input.js';
import { UnpackGuard } from './unpack-guard.js';

const OUT_CHUNK = 1 << 20;

export function gunzipInput(outer: Input): Input {
  const innerName = outer.name.replace(/\.(gz|gzip)$/i, '');
  return streamInput({ name: outer.name, innerName, reopenable: outer.path !== null, open: () => gunzip(outer) });
}

function gunzip(outer: Input): AsyncGenerator<Buffer> {
  const guard = new UnpackGuard(outer.name, 'the gzip stream');
  return inflateChunks(outer.chunks(0), zlib.createGunzip({ chunkSize: OUT_CHUNK }), guard, (reason) => new InputError(`not a readable gzip stream (${reason}): damaged or cut short?`, { file: outer.name }));
}
