// A small zip writer for fixtures (APPNOTE 6.3): stored or deflated entries, UTF-8 names, no zip64.
// Options per entry let the hostile tests make archives that lie (declared sizes, flags, CRC).
import zlib from 'node:zlib';

/**
 * @param {{ name: string, data: Buffer | string, method?: 'store' | 'deflate', flags?: number, declaredSize?: number, crc?: number, deflated?: { packed: Buffer, crc: number, size: number } }[]} entries
 *   `deflated`: an entry already deflated elsewhere (a large one, streamed), written as it is
 * @returns {Buffer}
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.deflated ? null : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.method === 'store' ? 0 : 8;
    const packed = e.deflated ? e.deflated.packed : method === 0 ? data : zlib.deflateRawSync(data, { level: 6 });
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.crc ?? e.deflated?.crc ?? zlib.crc32(data);
    const size = e.declaredSize ?? e.deflated?.size ?? data.length;
    const flags = (e.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5c21, 12); // date: 2026-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5c21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
