// Date cells against Python's datetime (test/reference/trend_compare.py → trend-compare.json), and the
// per-column decision of which layouts a column uses.
import { describe, expect, it } from 'vitest';
import { createDateParser, DATE_RECOGNIZERS, decideDateFormat, parseZone, placeholderReason, type DateRecognizer } from '../../src/time/dates.js';
import { loadReference } from '../stats/helpers.js';

const reference = loadReference<{ parsing: { text: string; ms: number | null; zoned: boolean | null }[] }>('trend-compare.json');
const parseAny = createDateParser(DATE_RECOGNIZERS.map((r) => r.name));

describe('date parsing against Python datetime', () => {
  it.each(reference.parsing)('$text', ({ text, ms, zoned }) => {
    const parsed = parseAny(text);
    if (ms === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ms, zoned });
  });

  it('reads the same instant from the fast path and the full pattern', () => {
    // the first form takes the hand-written path, the others the regular expression
    const forms = ['2026-01-05T14:03:30+01:00', '2026-01-05T14:03:30 +01:00', '2026-01-05 14:03:30 GMT+1', '2026-01-05T14:03:30.000+01:00'];
    const values = forms.map((f) => parseAny(f));
    for (const v of values) expect(v).toEqual(values[0]);
  });

  it('trims cells and accepts a lowercase t and z', () => {
    expect(parseAny('  2026-01-05t14:03:30z ')).toEqual(parseAny('2026-01-05T14:03:30Z'));
  });

  it('reads zone words and offsets', () => {
    expect(parseZone('Z')).toBe(0);
    expect(parseZone('UTC')).toBe(0);
    expect(parseZone('GMT+1')).toBe(60);
    expect(parseZone('+05:45')).toBe(345);
    expect(parseZone('-0330')).toBe(-210);
    expect(parseZone('+5')).toBeUndefined();
    expect(parseZone('XYZ')).toBeUndefined();
  });

  it('flags the unix epoch and 1900-01-01 as placeholders, in any layout', () => {
    for (const text of ['1970-01-01', '1970-01-01T00:00:00Z', '1969-12-31T19:00:00-05:00', '1970-01-01T00:00:00+05:00', '1970-01-01T23:00:00-08:00', '0000000000', '1900-01-01 00:00:00']) {
      expect(placeholderReason(parseAny(text)!), text).not.toBeNull();
    }
    expect(placeholderReason(parseAny('1970-01-02')!)).toBeNull();
    expect(placeholderReason(parseAny('2026-01-01T00:00:00Z')!)).toBeNull();
  });
});

describe('which layouts a column uses', () => {
  it('puts the layout that reads the most samples first', () => {
    const d = decideDateFormat(['1767225600', '1767312000', '2026-01-05', '']);
    expect(d.formats).toEqual(['unix-seconds', 'iso-8601']);
    expect(d).toMatchObject({ samples: 3, read: 2, ambiguous: null });
  });

  it('says when no sample reads as a date, and keeps every layout for the rows', () => {
    const d = decideDateFormat(['yesterday', 'last week']);
    expect(d.read).toBe(0);
    // the day/month orders need a value to choose between them: without one, only the unambiguous layouts
    expect(d.formats).toEqual(DATE_RECOGNIZERS.filter((r) => !r.ambiguityGroup).map((r) => r.name));
    expect(decideDateFormat([]).samples).toBe(0);
  });

  // The decision handles any layouts that read the same text two ways (test/time/regional-dates.test.ts: the built-in ones).
  const slash = (name: string, dayFirst: boolean): DateRecognizer => ({
    name,
    example: dayFirst ? '31/01/2026' : '01/31/2026',
    ambiguityGroup: 'slash',
    parse(text) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      if (!m) return null;
      const [day, month] = dayFirst ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
      if (month > 12 || day > 31) return null;
      return { ms: Date.UTC(Number(m[3]), month - 1, day), zoned: false };
    },
  });
  // (the built-in day/month layouts are left out here: they would read the same samples)
  const recognizers = [...DATE_RECOGNIZERS.filter((r) => !r.ambiguityGroup), slash('us', false), slash('european', true)];

  it('lets a day above 12 settle the day/month order for the whole column', () => {
    const d = decideDateFormat(['03/04/2026', '25/04/2026'], undefined, recognizers);
    expect(d.formats).toEqual(['european']);
    expect(d.ambiguous).toBeNull();
    expect(createDateParser(d.formats, recognizers)('03/04/2026')).toEqual({ ms: Date.UTC(2026, 3, 3), zoned: false });
  });

  it('reports a column no value settles', () => {
    expect(decideDateFormat(['03/04/2026', '05/06/2026'], undefined, recognizers).ambiguous).toEqual(['us', 'european']);
  });

  it('uses one layout when told to', () => {
    expect(decideDateFormat(['03/04/2026'], 'us', recognizers).formats).toEqual(['us']);
  });
});
