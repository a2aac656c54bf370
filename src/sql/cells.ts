/**
 * Reading cells in SQL the way cxm reads them (io/values.ts, time/dates.ts, dimensions.ts): trimmed of
 * any Unicode white space, the spreadsheet formula guard (`'-1`) removed; score cells blank for the
 * no-answer words, a whole number (`8`, `8.0`, `8,0`), a label of the scale's label map, or a number
 * before a label (`10 - Extremely likely`), anything else invalid; segment values `(blank)` when empty.
 */
import { NO_ANSWER } from '../io/values.js';
import type { Scale } from '../model/tally.js';
import type { Dialect } from './dialect.js';

/**
 * What JavaScript's trim() removes — space, tab, line ends, NBSP, BOM and the Unicode space separators —
 * as literal characters (the query is UTF-8 text); vertical tab and form feed are left out, as not every
 * engine's string literals can write them.
 */
export const WS = ' \t\n\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

export function trimmed(d: Dialect, expr: string): string {
  return d.replace(`CAST(${expr} AS ${d.text})`, `^[${WS}]+|[${WS}]+$`, '');
}

/** Without the apostrophe an exporter puts before `= + - @`. */
function unguarded(d: Dialect, t: string): string {
  return `CASE WHEN substr(${t}, 1, 1) = ${d.str("'")} AND substr(${t}, 2, 1) IN ('=', '+', '-', '@') THEN substr(${t}, 2) ELSE ${t} END`;
}

/** A segment value: trimmed text, `(blank)` when empty. `t` is trimmed already. */
export function segmentValue(d: Dialect, t: string): string {
  return `COALESCE(NULLIF(${unguarded(d, t)}, ''), '(blank)')`;
}

/** A score cell's text, or NULL when it is no answer. `t` is trimmed already. */
export function answerText(d: Dialect, t: string): string {
  const words = [...NO_ANSWER].filter((w) => w !== '').map((w) => d.str(w));
  const u = unguarded(d, t);
  return `CASE WHEN ${t} IS NULL OR lower(${u}) IN ('', ${words.join(', ')}) THEN NULL ELSE ${u} END`;
}

/** Labels as label maps compare them (io/labels.ts normalizeLabel). */
function normalizedLabel(d: Dialect, t: string): string {
  const spaces = d.replace(t, `[${WS}]+`, ' ');
  const dashes = d.replace(spaces, '[\u2010-\u2015]', '-');
  const quotes = d.replace(dashes, '[\u2018\u2019]', "'");
  return `lower(${d.replace(quotes, '[.]$', '')})`;
}

/**
 * The whole number a score cell's text `t` (not blank) stands for, or NULL when it is none; the query
 * checks the scale. Numbers of more than six digits are never on a scale and are not cast (no engine's
 * integer overflows).
 */
export function scoreNumber(d: Dialect, t: string, labels: [string, number][]): string {
  const digits = (pattern: string) => `CAST(${d.extract(t, pattern)} AS ${d.int})`;
  const branches = [
    `WHEN ${d.matches(t, '^[+-]?[0-9]+([.,]0+)?$')} THEN CASE WHEN ${d.matches(t, '^[+-]?0*[0-9]{1,6}([.,]0+)?$')} THEN ${digits('^([+-]?[0-9]+)')} END`,
  ];
  if (labels.length > 0) {
    const byPoint = new Map<number, string[]>();
    for (const [label, point] of labels) byPoint.set(point, [...(byPoint.get(point) ?? []), label]);
    const norm = normalizedLabel(d, t);
    for (const [point, names] of [...byPoint].sort((a, b) => a[0] - b[0])) {
      branches.push(`WHEN ${norm} IN (${names.map((n) => d.str(n)).join(', ')}) THEN ${point}`);
    }
  }
  const lead = `^[0-9]+[${WS}]*([-\u2013\u2014:.)][${WS}]*|[${WS}]+)[^0-9]`;
  branches.push(`WHEN ${d.matches(t, lead)} THEN CASE WHEN ${d.matches(t, '^0*[0-9]{1,6}[^0-9]')} THEN ${digits('^([0-9]+)')} END`);
  return `CASE ${branches.join(' ')} END`;
}

/** The number when it is a point of the scale, else NULL (invalid). */
export function onScale(n: string, scale: Scale): string {
  return `CASE WHEN ${n} BETWEEN ${scale.lo} AND ${scale.hi} THEN ${n} END`;
}
