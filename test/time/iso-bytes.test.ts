import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/seeded-random.mjs';
import { createDateParser } from '../../src/time/dates.js';
import { isoBytesResult, parseIsoBytes } from '../../src/time/iso-bytes.js';

const textParse = createDateParser(['iso-8601']);


function bytesParse(text: string): { ms: number; zoned: boolean } | null {
  const b = Buffer.from(text, 'utf8');
  const ms = parseIsoBytes(b, 0, b.length);
  return Number.isNaN(ms) ? null : { ms, zoned: isoBytesResult.zoned };
}

describe('parseIsoBytes', () => {
  it.each([
    ['2026-01-05', Date.UTC(2026, 0, 5), false],
    ['2026-01-05T14:03:30Z', Date.UTC(2026, 0, 5, 14, 3, 30), true],
    ['2026-01-05 14:03', Date.UTC(2026, 0, 5, 14, 3), false],
    ['2026-01-05T14:03:30.250+01:00', Date.UTC(2026, 0, 5, 13, 3, 30, 250), true],
    ['2026-01-05T23:30:00-0530', Date.UTC(2026, 0, 6, 5, 0), true],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29), true],
  ])('%s', (text, ms, zoned) => {
    expect(bytesParse(text)).toEqual({ ms, zoned });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-01-05T24:00', '2026-01-05 14:03:30 UTC', ' 2026-01-05', '1970-01-01', '2026/01/05', '2026-01-05T14:03:30.Z'])(
    'leaves %j to the text parser',
    (text) => {
      expect(bytesParse(text)).toBeNull();
    },
  );

  it('agrees with the text parser wherever it answers (10,000 generated values)', () => {
    const rnd = random(99);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const two = (lo: number, hi: number) => String(lo + Math.floor(rnd() * (hi - lo + 1))).padStart(2, '0');
    let answered = 0;
    for (let i = 0; i < 10_000; i++) {
      const date = `${pick(['2023', '2024', '2026', '1999', '2100'])}-${two(0, 13)}-${two(0, 32)}`;
      const time = pick(['', `T${two(0, 24)}:${two(0, 60)}`, ` ${two(0, 23)}:${two(0, 59)}:${two(0, 60)}`, `T${two(0, 23)}:${two(0, 59)}:${two(0, 59)}.${String(Math.floor(rnd() * 1e6))}`]);
      const zone = time === '' ? '' : pick(['', 'Z', '+01:00', '-0530', '+14:00', '-12', '+19:00', 'z']);
      const text = date + time + zone;
      const fast = bytesParse(text);
      if (fast === null) continue;
      answered++;
      expect(textParse(text), text).toEqual(fast);
    }
    expect(answered).toBeGreaterThan(2000);
  });
});
