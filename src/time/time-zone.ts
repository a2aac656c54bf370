/**
 * Which calendar day an instant falls on in an IANA time zone (`--tz Europe/Berlin`), with the zone
 * rules of the runtime's Intl (no dependency, no clock). Intl is slow per call, so offsets are found
 * once per UTC day and reused: a day whose offset is the same at its start and its end has that
 * offset throughout (zones change offset at most once a day); a day with a change is resolved per
 * hour, and an hour with a change per instant.
 */
import { UsageError } from '../model/errors.js';
import { daysFromCivil, MS_PER_DAY } from './calendar.js';

const HOUR = 3_600_000;

/** The zone's canonical name, or a usage error naming the flag. */
export function checkTimeZone(zone: string, flag = '--tz'): string {
  // UTC needs no zone data: Intl costs ~30 ms to start, a large part of a small run
  if (/^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(zone)) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`${flag}: unknown time zone ${JSON.stringify(zone)}`, 'use an IANA name such as UTC, Europe/Berlin or America/New_York');
  }
}

/** A function from an instant (ms since the epoch) to its local day number in `zone`. */
export function createLocalDay(zone: string): (instant: number) => number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return (instant) => Math.floor(instant / MS_PER_DAY);
  const offsetAt = offsetFinder(zone);
  const byDay = new Map<number, number | null>();
  let lastDay = Number.NaN;
  let lastOffset: number | null = null;
  return (instant) => {
    const day = Math.floor(instant / MS_PER_DAY);
    if (day !== lastDay) {
      lastDay = day;
      let offset = byDay.get(day);
      if (offset === undefined) {
        const start = offsetAt(day * MS_PER_DAY);
        offset = start === offsetAt(day * MS_PER_DAY + MS_PER_DAY - 1) ? start : null;
        if (byDay.size < 1_000_000) byDay.set(day, offset);
      }
      lastOffset = offset;
    }
    let offset = lastOffset;
    if (offset === null) {
      const hour = Math.floor(instant / HOUR) * HOUR;
      const start = offsetAt(hour);
      offset = start === offsetAt(hour + HOUR - 1) ? start : offsetAt(instant);
    }
    return Math.floor((instant + offset) / MS_PER_DAY);
  };
}

/**
 * A function from a wall-clock time in `zone` (ms since 1970-01-01T00:00 of that clock) to the
 * instant it names: the wall time less the zone's offset, the offset found in two steps (the offset at
 * the wall time read as UTC, then at the instant that gives). Around a clock change that picks one of
 * the two readings of a repeated hour, and moves a time in a skipped hour by the jump. Offsets are
 * found once per wall-clock day, per hour on a day with a change, per value in an hour with one.
 */
export function createWallClockInstant(zone: string): (wall: number) => number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return (wall) => wall;
  const offsetAt = offsetFinder(zone);
  const offsetOf = (wall: number) => offsetAt(wall - offsetAt(wall));
  const byDay = new Map<number, number | null>();
  return (wall) => {
    const day = Math.floor(wall / MS_PER_DAY);
    let offset = byDay.get(day);
    if (offset === undefined) {
      const start = offsetOf(day * MS_PER_DAY);
      offset = start === offsetOf(day * MS_PER_DAY + MS_PER_DAY - 1) ? start : null;
      if (byDay.size < 1_000_000) byDay.set(day, offset);
    }
    if (offset === null) {
      const hour = Math.floor(wall / HOUR) * HOUR;
      const start = offsetOf(hour);
      offset = start === offsetOf(hour + HOUR - 1) ? start : offsetOf(wall);
    }
    return wall - offset;
  };
}

/** The zone's offset from UTC in ms at an instant, from Intl's wall-clock reading of it. */
function offsetFinder(zone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  return (instant) => {
    const whole = Math.floor(instant / 1000) * 1000;
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(whole))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const wall = daysFromCivil(year, Number(parts.month), Number(parts.day)) * MS_PER_DAY + Number(parts.hour) * HOUR + Number(parts.minute) * 60_000 + Number(parts.second) * 1000;
    return wall - whole;
  };
}
