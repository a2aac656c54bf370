/**
 * A zip archive read from its central directory (APPNOTE 6.3: end-of-central-directory record, zip64
 * when sizes need it), entries streamed through raw inflate with the unpack limits and their CRC-32
 * checked. Entry names are only compared with names: nothing is ever written or opened by them.
 */
import zlib from 'node:zlib';
import { InputError } from '../../model/errors.js';
import { formatLimit, MAX_ZIP_ENTRIES } from '../limits.js';
import type { ByteSource } from './byte-source.js';
import { crc32 } from './crc32.js';
import { inflateChunks } from './inflate.js';
import { UnpackGuard } from './unpack-guard.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  /** the archive's name in messages */
  file: string;
  bytes: ByteSource;
  entries: ZipEntry[];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const READ_CHUNK = 1 << 20;
const MAX_CENTRAL_BYTES = 64 * 1024 * 1024;

export function openZip(bytes: ByteSource, file: string): ZipArchive {
  const corrupt = (why: string) => new InputError(`not a readable zip archive: ${why}`, { file });
  const tailLength = Math.min(bytes.size, 22 + 0xffff);
  const tail = bytes.read(bytes.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at === -1) throw corrupt('no end-of-archive record (cut short, or not a zip)');
  let count = tail.readUInt16LE(at + 10);
  let centralSize = tail.readUInt32LE(at + 12);
  let centralOffset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw corrupt('a multi-part (split) archive');
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    const eocdAt = bytes.size - tailLength + at;
    const locator = bytes.read(eocdAt - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt('zip64 sizes without a zip64 record');
    const record = bytes.read(Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt('a damaged zip64 record');
    count = Number(record.readBigUInt64LE(32));
    centralSize = Number(record.readBigUInt64LE(40));
    centralOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > MAX_ZIP_ENTRIES) throw new InputError(`the archive has ${formatLimit(count, 'count')} entries, more than ${formatLimit(MAX_ZIP_ENTRIES, 'count')}, the limit`, { file });
  if (centralSize > MAX_CENTRAL_BYTES || centralOffset + centralSize > bytes.size) throw corrupt('the directory of entries lies outside the file');
  const central = bytes.read(centralOffset, centralSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > central.length || central.readUInt32LE(p) !== CENTRAL) throw corrupt('a damaged directory of entries');
    const flags = central.readUInt16LE(p + 8);
    const nameLength = central.readUInt16LE(p + 28);
    const extraLength = central.readUInt16LE(p + 30);
    const commentLength = central.readUInt16LE(p + 32);
    const rawName = central.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: entryName(rawName, flags),
      method: central.readUInt16LE(p + 10),
      flags,
      crc: central.readUInt32LE(p + 16),
      packedSize: central.readUInt32LE(p + 20),
      size: central.readUInt32LE(p + 24),
      localOffset: central.readUInt32LE(p + 42),
    };
    readZip64Extra(central.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { file, bytes, entries };
}

/** UTF-8 when flagged or valid UTF-8 (most tools write it unflagged), else CP437's ASCII half as Latin-1. */
function entryName(raw: Buffer, flags: number): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  if (flags & 0x800 || !text.includes('\ufffd')) return text;
  return raw.toString('latin1');
}

/** Sizes and offset past 4 GiB, in the zip64 extra field (in this order, only those that overflowed). */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = q + 8 <= p + 4 + size ? Number(extra.readBigUInt64LE(q)) : Number.NaN;
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.packedSize === 0xffffffff) entry.packedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
    }
    p += 4 + size;
  }
}

export function isDirectory(entry: ZipEntry): boolean {
  return entry.name.endsWith('/');
}

/** The entry's unpacked bytes, streamed; the unpack limits, the declared size and the CRC-32 are checked. */
export async function* entryChunks(zip: ZipArchive, entry: ZipEntry): AsyncGenerator<Buffer> {
  const place = { file: `${zip.file}[${entry.name}]` };
  const corrupt = (why: string) => new InputError(`a damaged zip entry: ${why}`, place);
  if (entry.flags & 0x1 || entry.method === 99) {
    throw new InputError('the entry is password-protected (encrypted): cxm reads unencrypted archives only; unpack it with the password first', place);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new InputError(`the entry is packed with method ${entry.method} (cxm reads stored and deflated entries): repack it as a plain zip`, place);
  }
  const local = zip.bytes.read(entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw corrupt('its local header is missing');
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (!Number.isFinite(entry.packedSize) || start + entry.packedSize > zip.bytes.size) throw corrupt('its data runs past the end of the archive');
  const packed = async function* () {
    for (let at = start; at < start + entry.packedSize; at += READ_CHUNK) yield zip.bytes.read(at, Math.min(READ_CHUNK, start + entry.packedSize - at));
  };
  const guard = new UnpackGuard(place.file, 'the zip entry');
  const unpacked = entry.method === 0 ? counted(packed(), guard) : inflateChunks(packed(), zlib.createInflateRaw({ chunkSize: READ_CHUNK }), guard, (reason) => corrupt(reason));
  let crc = 0;
  let size = 0;
  for await (const chunk of unpacked) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (size > entry.size) throw corrupt(`it unpacks to more than the ${formatLimit(entry.size, 'count')} bytes it declares`);
    yield chunk;
  }
  if (size !== entry.size) throw corrupt(`it unpacks to ${formatLimit(size, 'count')} bytes, not the ${formatLimit(entry.size, 'count')} it declares`);
  if (crc !== entry.crc) throw corrupt('its checksum (CRC-32) does not match');
}

async function* counted(chunks: AsyncIterable<Buffer>, guard: UnpackGuard): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    guard.packed += chunk.length;
    guard.out(chunk.length);
    yield chunk;
  }
}

/** The whole entry in memory (workbook parts, an archive inside the archive), capped at `max` bytes. */
export async function entryBuffer(zip: ZipArchive, entry: ZipEntry, max: number, what: string): Promise<Buffer> {
  if (entry.size > max) throw new InputError(`${what} is larger than ${formatLimit(max, 'bytes')}, the limit`, { file: `${zip.file}[${entry.name}]` });
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry)) parts.push(chunk);
  return Buffer.concat(parts);
}
