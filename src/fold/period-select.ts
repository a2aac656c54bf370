/**
 * The periods a scheduled report or a CI check looks at: the last period that has ended on or before
 * the as-of day, and the one before it. The as-of day is given (`--as-of`) or is the latest date in
 * the data — never the clock, so a run can be repeated. Commands fold at day grain (a trend of days)
 * and regroup the days into the periods they need, by adding Tallies.
 */
import { formatCivil } from '../time/calendar.js';
import { InputError } from '../model/errors.js';
import { addInto, emptyTally } from '../model/tally.js';
import type { DateRequest } from '../time/date-plan.js';
import { EntityAccumulator } from './entity-state.js';
import type { FoldResult, GroupResult } from './fold.js';
import { Marginals } from './marginals.js';
import type { Loaded } from './load.js';
import { KEY_SEPARATOR } from './merge-folds.js';
import { parsePeriod, periodIndex, periodLabel, periodRange, type Every, type WeekStart } from '../time/period.js';

/** The name of the day dimension in the fold (in parentheses: it cannot clash with a column name given to --by). */
export const DAY_DIMENSION = '(day)';

/** A day-grain date dimension for load(); rows dated after `asOf` (a day number) are excluded. */
export function dayRequest(o: { dateColumn: string | undefined; timeZone: string; dateFormat?: string }, asOf: number | null): DateRequest {
  return { column: o.dateColumn, timeZone: o.timeZone, format: o.dateFormat, name: DAY_DIMENSION, grouping: { kind: 'period', every: 'day', weekStart: 'monday', first: null, last: asOf } };
}

export interface PeriodPick {
  every: Every;
  weekStart: WeekStart;
  /** the as-of day (day number) and whether it was given or taken from the data */
  asOf: number;
  asOfGiven: boolean;
  /** period indices: the last complete period on or before as-of, and the one before */
  current: number;
  previous: number;
}

/** The first and last day among the fold's groups (its last dimension holds day labels), or null when none. */
export function dayRange(fold: FoldResult): { first: number; last: number } | null {
  let range: { first: number; last: number } | null = null;
  for (const g of fold.groups) {
    const day = dayOf(g);
    if (range === null) range = { first: day, last: day };
    else {
      if (day < range.first) range.first = day;
      if (day > range.last) range.last = day;
    }
  }
  return range;
}

/** The last period whose last day is on or before `asOf`. */
export function lastCompletePeriod(asOf: number, every: Every, weekStart: WeekStart): number {
  const index = periodIndex(asOf, every, weekStart);
  return periodRange(index, every, weekStart).last <= asOf ? index : index - 1;
}

/** Picks the current and previous periods; an error when the data has no usable date and no --as-of was given. */
export function pickPeriods(fold: FoldResult, every: Every, weekStart: WeekStart, asOf: number | null, file: string): PeriodPick {
  const day = asOf ?? dayRange(fold)?.last ?? null;
  if (day === null) {
    throw new InputError('no row has a usable date', { file }, 'name the date column with --date, or see the rows listed above');
  }
  const current = lastCompletePeriod(day, every, weekStart);
  return { every, weekStart, asOf: day, asOfGiven: asOf !== null, current, previous: current - 1 };
}

/**
 * Stale data: the answers end before the current period begins (an export that stopped, an --as-of
 * past the data). The last answer's day; undefined when the data is not stale. An --as-of before
 * every answer is not stale data (nothing ended): its empty periods are noted as before.
 */
export function staleSince(fold: FoldResult, pick: PeriodPick): { lastAnswer: number; periodStart: number } | undefined {
  const start = periodRange(pick.current, pick.every, pick.weekStart).first;
  const last = dayRange(fold)?.last;
  return last !== undefined && last < start ? { lastAnswer: last, periodStart: start } : undefined;
}

/** `no answers since 2026-06-28 (2026-W27 runs 2026-06-29 to 2026-07-05)` */
export function staleMessage(stale: { lastAnswer: number; periodStart: number }, pick: PeriodPick): string {
  const p = periodInfo(pick.current, pick.every, pick.weekStart);
  return `no answers since ${formatCivil(stale.lastAnswer)} (${p.period} runs ${formatCivil(p.start)} to ${formatCivil(p.end)}): stale data`;
}

/** A period's label with its first and last day, for settings and titles. */
export function periodInfo(index: number, every: Every, weekStart: WeekStart): { period: string; start: number; end: number } {
  const range = periodRange(index, every, weekStart);
  return { period: periodLabel(index, every, weekStart), start: range.first, end: range.last };
}

function dayOf(group: GroupResult): number {
  const label = group.key[group.key.length - 1];
  const parsed = parsePeriod(label);
  if (parsed?.every !== 'day') throw new Error(`not a day label: ${label}`);
  return parsed.index;
}

/**
 * A day-grain Loaded regrouped: the segment dimensions at `keep` (indices into the --by columns),
 * then the day mapped by `keyOf` to a new key named `name` (a period label, a window label); days
 * mapped to null are left out. Tallies of groups that fall together are added; with --per, the
 * entities' states of those groups are merged (an account is rolled up over the whole period), and the
 * Marginals are rebuilt. Counts, issues and everything else stay as read.
 */
export function regroupDays(loaded: Loaded, keep: number[], name: string, keyOf: (day: number) => string | null): Loaded {
  const fold = loaded.fold;
  const groups = new Map<string, GroupResult>();
  const index = new Map<string, number>();
  const moved: number[] = [];
  fold.groups.forEach((g, i) => {
    const mapped = keyOf(dayOf(g));
    moved[i] = -1;
    if (mapped === null) return;
    const key = [...keep.map((k) => g.key[k]), mapped];
    const id = key.join(KEY_SEPARATOR);
    let into = groups.get(id);
    if (!into) {
      index.set(id, groups.size);
      groups.set(id, (into = { key, tallies: fold.roles.map((r) => emptyTally(r.scale)) }));
    }
    g.tallies.forEach((t, r) => addInto(into.tallies[r], t));
    moved[i] = index.get(id)!;
  });
  const sets = new Set(fold.setDimensions ?? []);
  const setDimensions = keep.flatMap((k, j) => (sets.has(k) ? [j] : []));
  let entities = fold.entities;
  if (entities) {
    const states = entities;
    const merged = new EntityAccumulator(states.rule, fold.roles.length, states.weightSum.length > 0);
    states.group.forEach((g, k) => {
      if (moved[g] >= 0) merged.absorb(merged.entry(moved[g], states.entity[k]), states, k);
    });
    entities = merged.states;
  }
  const { setDimensions: _sets, entities: _entities, ...rest } = fold;
  const regrouped: FoldResult = {
    ...rest,
    dimensions: [...keep.map((i) => fold.dimensions[i]), name],
    groups: [...groups.values()],
    ...(setDimensions.length ? { setDimensions } : {}),
    ...(entities ? { entities } : {}),
  };
  return { ...loaded, fold: regrouped, marginals: new Marginals(regrouped) };
}
