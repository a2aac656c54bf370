/**
 * The date column of a trend or a period comparison: found from --date or the header, bound to each
 * source by index, and read with the layouts its sample values show (time/dates.ts decides per file).
 */
import { InputError, UsageError } from '../model/errors.js';
import { findColumn } from '../io/columns.js';
import { detectDateColumn, noDateColumn } from './date-column.js';
import { DATE_RECOGNIZERS, decideDateFormat } from './dates.js';
import type { Source } from '../io/read-source.js';
import type { DateSource, DateWindowDimension, PeriodDimension } from './date-dimension.js';
import type { Every, WeekStart } from './period.js';

/** How rows are grouped by date: into periods, or into named day windows. */
export type DateGrouping =
  | { kind: 'period'; every: Every; weekStart: WeekStart; first: number | null; last: number | null }
  | { kind: 'date-window'; windows: { label: string; first: number; last: number }[] };

export interface DateRequest {
  /** --date, or undefined to find the column from the header */
  column: string | undefined;
  timeZone: string;
  /** the dimension's name in group objects (`period`) */
  name: string;
  /** --date-format: the one date layout to read (a recogniser name), else decided from the values */
  format?: string;
  grouping: DateGrouping;
}

/** The date column's name: as given, else detected from the first source's header. */
export function resolveDateColumn(source: Source, named: string | undefined): string {
  const file = source.input.name;
  if (named !== undefined) return source.header[findColumn(source.header, named, '--date', file)];
  if (source.dateHint && source.header.includes(source.dateHint)) return source.dateHint;
  const index = detectDateColumn(source.header, file);
  if (index === null) throw noDateColumn(source.header, file);
  return source.header[index];
}

/**
 * Where a source's dates are and how to read them: the layouts decided from its first values (or
 * --date-format), and the zone its header gives wall-clock times. Also what --since/--until and
 * --per-rule latest read outside trend and compare.
 */
export function bindDateSource(source: Source, column: string, timeZone: string, format?: string): DateSource {
  const file = source.input.name;
  const index = findColumn(source.header, column, '--date', file);
  const samples = source.preview.map((row) => row[index] ?? '');
  const decision = decideDateFormat(samples, format);
  if (decision.ambiguous) {
    const example = samples.find((s) => s.trim() !== '')?.trim() ?? '';
    throw new InputError(
      `column ${JSON.stringify(column)}: dates like ${JSON.stringify(example)} read both as ${decision.ambiguous.join(' and ')}, and no value in the first ${samples.length} rows has a day above 12 to settle it`,
      { file },
      'say which with --date-format mdy (month first) or --date-format dmy (day first)',
    );
  }
  if (decision.samples > 0 && decision.read === 0) {
    const first = samples.find((s) => s.trim() !== '') ?? '';
    throw new InputError(
      `column ${JSON.stringify(column)}: no value reads as a date (first: ${JSON.stringify(first)})`,
      { file },
      `dates cxm reads: ${DATE_RECOGNIZERS.map((r) => r.example).join('; ')}; name another column with --date`,
    );
  }
  const valueZone = source.timeZones[index] ?? undefined;
  const note = `column ${JSON.stringify(column)}: times without a zone are ${valueZone} time, as the export's header says`;
  if (valueZone && !source.notes.includes(note)) source.notes.push(note);
  return { column, index, formats: decision.formats, timeZone, ...(valueZone ? { valueZone } : {}) };
}

/** The date dimension for one source: the column's index and the date layouts its values use. */
export function bindDateDimension(source: Source, column: string, request: DateRequest, by: string[]): PeriodDimension | DateWindowDimension {
  if (by.includes(request.name)) throw new UsageError(`--by ${JSON.stringify(request.name)}: the name is taken by the ${request.name} of each row; rename the column`);
  const date = bindDateSource(source, column, request.timeZone, request.format);
  const g = request.grouping;
  if (g.kind === 'period') return { kind: 'period', name: request.name, date, every: g.every, weekStart: g.weekStart, first: g.first, last: g.last };
  return { kind: 'date-window', name: request.name, date, windows: g.windows };
}
