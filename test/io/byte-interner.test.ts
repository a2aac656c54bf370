import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../../src/io/byte-interner.js';

describe('ByteInterner', () => {
  it('gives equal byte strings equal ids and different ones different ids', () => {
    const interner = new ByteInterner();
    const b = Buffer.from('apac,dach,apac,,mena,dach,apab,bpac,apac');
    const ids: number[] = [];
    let start = 0;
    for (let i = 0; i <= b.length; i++) {
      if (i === b.length || b[i] === 44) {
        ids.push(interner.id(b, start, i));
        start = i + 1;
      }
    }
    expect(ids).toEqual([0, 1, 0, 2, 3, 1, 4, 5, 0]);
    expect([0, 1, 2, 3, 4, 5].map((id) => interner.text(id))).toEqual(['apac', 'dach', '', 'mena', 'apab', 'bpac']);
  });

  it('keeps thousands of values apart through cache collisions and rehashing', () => {
    const interner = new ByteInterner();
    const values = Array.from({ length: 5000 }, (_, i) => `v${i % 2 ? 'x' : ''}${i}`);
    const first = values.map((v) => interner.id(Buffer.from(v), 0, Buffer.byteLength(v)));
    expect(new Set(first).size).toBe(values.length);
    const again = values.map((v) => interner.id(Buffer.from(v), 0, Buffer.byteLength(v)));
    expect(again).toEqual(first);
    expect(interner.text(first[4321])).toBe(values[4321]);
    expect(interner.idOfText(values[17])).toBe(first[17]);
    expect(interner.idOfText('ünïcode')).toBe(interner.id(Buffer.from('ünïcode'), 0, Buffer.byteLength('ünïcode')));
  });
});
