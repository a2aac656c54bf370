// Regional date layouts, zone abbreviations and wall-clock times in a named zone, against Python's
// strptime and zoneinfo (test/reference/regional_dates.py → regional-dates.json); the per-file
// day/month decision; --date-format; the zone a Qualtrics header gives its dates.
import { describe, expect, it } from 'vitest';
import { DATE_RECOGNIZERS, dateFormatNamed, decideDateFormat, fullYear, parseZone } from '../../src/time/dates.js';
import { createWallClockInstant } from '../../src/time/time-zone.js';
import { loadReference } from '../stats/helpers.js';
import { runCli } from '../helpers.js';

interface Reference {
  layouts: { format: string; text: string; ms: number | null; zoned: boolean | null }[];
  zoneWords: { zone: string; minutes: number }[];
  wallClock: { zone: string; wall: number; ms: number }[];
}
const reference = loadReference<Reference>('regional-dates.json');
const recognizer = (name: string) => DATE_RECOGNIZERS.find((r) => r.name === name)!;

describe('regional date layouts against Python strptime', () => {
  it.each(reference.layouts)('$format: $text', ({ format, text, ms, zoned }) => {
    const parsed = recognizer(format).parse(text);
    if (ms === null) expect(parsed).toBeNull();
    else expect(parsed).toEqual({ ms, zoned });
  });

  it('reads zone abbreviations', () => {
    for (const { zone, minutes } of reference.zoneWords) expect(parseZone(zone), zone).toBe(minutes);
    expect(parseZone('ast')).toBe(-240);
    expect(parseZone('IST')).toBeUndefined(); // India, Ireland or Israel: too ambiguous to guess
  });

  it('reads an ISO date-time with a zone abbreviation', () => {
    expect(recognizer('iso-8601').parse('2026-01-05 14:03:30 CET')).toEqual({ ms: Date.UTC(2026, 0, 5, 13, 3, 30), zoned: true });
  });

  it('reads two-digit years as spreadsheets do: 00-29 are 2000-2029, 30-99 1930-1999', () => {
    expect([fullYear('00'), fullYear('26'), fullYear('29'), fullYear('30'), fullYear('99'), fullYear('2026')]).toEqual([2000, 2026, 2029, 1930, 1999, 2026]);
  });
});

describe('wall-clock times in a named zone against zoneinfo', () => {
  it.each(reference.wallClock)('$zone $wall', ({ zone, wall, ms }) => {
    expect(createWallClockInstant(zone)(wall)).toBe(ms);
  });

  it('gives a time in a skipped or repeated hour one of its readings', () => {
    const denver = createWallClockInstant('America/Denver');
    // 2026-03-08 02:30 does not exist in Denver (02:00 → 03:00); 2026-11-01 01:30 happens twice
    const gap = denver(Date.UTC(2026, 2, 8, 2, 30));
    expect([Date.UTC(2026, 2, 8, 8, 30), Date.UTC(2026, 2, 8, 9, 30)]).toContain(gap);
    const overlap = denver(Date.UTC(2026, 10, 1, 1, 30));
    expect([Date.UTC(2026, 10, 1, 7, 30), Date.UTC(2026, 10, 1, 8, 30)]).toContain(overlap);
  });
});

describe('day/month order, decided per file', () => {
  it('lets one day above 12 settle it, either way', () => {
    expect(decideDateFormat(['03/04/2026', '25/04/2026']).formats).toEqual(['day-month-year']);
    expect(decideDateFormat(['03/04/2026', '04/25/2026 10:00 AM']).formats).toEqual(['month-day-year']);
    expect(decideDateFormat(['03.04.2026', '05.06.2026']).formats).toEqual(['day-month-year']);
  });

  it('reports a file no value settles, and takes --date-format', () => {
    expect(decideDateFormat(['03/04/2026', '05/06/2026']).ambiguous).toEqual(['month-day-year', 'day-month-year']);
    expect(decideDateFormat(['03/04/2026', '05/06/2026'], 'day-month-year').formats).toEqual(['day-month-year']);
    expect([dateFormatNamed('mdy'), dateFormatNamed('DMY'), dateFormatNamed('iso'), dateFormatNamed('month-day-year'), dateFormatNamed('julian')]).toEqual([
      'month-day-year',
      'day-month-year',
      'iso-8601',
      'month-day-year',
      null,
    ]);
  });

  const ambiguous = 'when,nps\n03/04/2026,9\n05/06/2026,3\n04/04/2026,10\n';

  it('asks for --date-format from the command line, and reads the file once told', async () => {
    const r = await runCli(['trend', '-', '--date', 'when'], { stdin: ambiguous });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cxm: stdin: column "when": dates like "03/04/2026" read both as month-day-year and day-month-year, and no value in the first 3 rows has a day above 12 to settle it\n' +
        'hint: say which with --date-format mdy (month first) or --date-format dmy (day first)\n',
    );
    const periods = async (format: string) => {
      const t = await runCli(['trend', '-', '--date', 'when', '--date-format', format, '--every', 'month', '--min-n', '1', '--format', 'json'], { stdin: ambiguous });
      expect(t.code, t.stderr).toBe(0);
      return JSON.parse(t.stdout).rows.filter((x: { n: number }) => x.n > 0).map((x: { group: { period: string }; n: number }) => [x.group.period, x.n]);
    };
    expect(await periods('dmy')).toEqual([['2026-04', 2], ['2026-06', 1]]);
    expect(await periods('mdy')).toEqual([['2026-03', 1], ['2026-04', 1], ['2026-05', 1]]);
    const bad = await runCli(['trend', '-', '--date-format', 'julian'], { stdin: ambiguous });
    expect(bad.stderr).toMatch(/^cxm: --date-format must be one of iso, unix/);
  });

  it('shows the decision in inspect, and the ambiguity as an issue', async () => {
    const r = await runCli(['inspect', '-', '--format', 'json'], { stdin: ambiguous });
    const [f] = JSON.parse(r.stdout).files;
    expect(f.columns[0]).toMatchObject({ name: 'when', role: 'date' });
    expect(f.columns[0].dateFormats).toBeUndefined();
    expect(f.issues).toContainEqual(expect.objectContaining({ code: 'ambiguous-date', column: 'when' }));
    const us = await runCli(['inspect', 'fixtures/exports/surveymonkey.csv', '--format', 'json']);
    expect(JSON.parse(us.stdout).files[0].columns[2]).toMatchObject({ name: 'Start Date', role: 'date', dateFormats: ['month-day-year'] });
  });
});

describe('the zone a Qualtrics header gives its dates', () => {
  const qualtrics = (zone: string) =>
    [
      'StartDate,Status,Q1',
      'Start Date,Response Type,How likely are you to recommend us?',
      `"{""ImportId"":""startDate"",""timeZone"":""${zone}""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}"`,
      '2026-01-05 03:00:00,0,9',
      '2026-01-05 20:00:00,0,3',
    ].join('\n') + '\n';
  const days = async (zone: string, tz = 'UTC') => {
    const r = await runCli(['trend', '-', '--every', 'day', '--min-n', '1', '--tz', tz, '--format', 'json'], { stdin: qualtrics(zone) });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).rows.filter((x: { n: number }) => x.n > 0).map((x: { group: { period: string }; n: number }) => [x.group.period, x.n]);
  };

  it('reads wall-clock times in that zone, then buckets them in --tz', async () => {
    // 03:00 in Tokyo is 18:00 UTC the day before; 20:00 in Tokyo is 11:00 UTC the same day
    expect(await days('Asia/Tokyo')).toEqual([['2026-01-04', 1], ['2026-01-05', 1]]);
    // 20:00 in Denver is 03:00 UTC the next day
    expect(await days('America/Denver')).toEqual([['2026-01-05', 1], ['2026-01-06', 1]]);
    // read in their own zone and bucketed in it, the days are the days written
    expect(await days('America/Denver', 'America/Denver')).toEqual([['2026-01-05', 2]]);
  });
});
