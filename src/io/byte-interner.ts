/**
 * Small ids for distinct field values, straight from the bytes: a hash table keyed on the UTF-8 bytes
 * of a field, so grouping a million rows by region builds no million strings. Text is decoded once per
 * distinct value. (JSON records, which already hold strings, use `idOfText`.)
 */
export class ByteInterner {
  /** open addressing: slot → id + 1 (0 = empty) */
  private slots = new Int32Array(64);
  /** direct-mapped cache: slot → id + 1 (0 = empty) */
  private readonly cache = new Int32Array(256);
  private hashes: number[] = [];
  private starts: number[] = [];
  private lengths: number[] = [];
  private arena = Buffer.allocUnsafe(1024);
  private used = 0;
  private readonly textIds = new Map<string, number>();
  private readonly texts: (string | undefined)[] = [];

  get size(): number {
    return this.hashes.length;
  }

  /** The id of buf[start, end), adding it when new. */
  id(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    // Segment columns have few values: a small cache keyed on length and first and last byte answers
    // most lookups with one comparison and no hashing.
    const slot = len === 0 ? 0 : (len * 31 + buf[start] * 7 + buf[end - 1]) & 255;
    const cached = this.cache[slot];
    if (cached !== 0 && this.lengths[cached - 1] === len && this.sameBytes(cached - 1, buf, start, len)) return cached - 1;
    const id = this.lookup(buf, start, end);
    this.cache[slot] = id + 1;
    return id;
  }

  private lookup(buf: Uint8Array, start: number, end: number): number {
    // FNV-1a, 32 bit
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[s];
      if (entry === 0) return this.add(buf, start, end, h, s);
      const id = entry - 1;
      if (this.hashes[id] === h && this.lengths[id] === len && this.sameBytes(id, buf, start, len)) return id;
    }
  }

  /** The id of a string value (JSON records). */
  idOfText(text: string): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      const bytes = Buffer.from(text, 'utf8');
      id = this.id(bytes, 0, bytes.length);
      this.textIds.set(text, id);
    }
    return id;
  }

  /** The value of an id as text. */
  text(id: number): string {
    let t = this.texts[id];
    if (t === undefined) {
      t = this.arena.toString('utf8', this.starts[id], this.starts[id] + this.lengths[id]);
      this.texts[id] = t;
    }
    return t;
  }

  private sameBytes(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const arena = this.arena;
    const at = this.starts[id];
    for (let k = 0; k < len; k++) if (arena[at + k] !== buf[start + k]) return false;
    return true;
  }

  private add(buf: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const len = end - start;
    if (this.used + len > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + len));
      this.arena.copy(next, 0, 0, this.used);
      this.arena = next;
    }
    this.arena.set(buf.subarray(start, end), this.used);
    const id = this.hashes.length;
    this.hashes.push(hash);
    this.starts.push(this.used);
    this.lengths.push(len);
    this.used += len;
    this.slots[slot] = id + 1;
    if (this.hashes.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}
