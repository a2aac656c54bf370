/**
 * Column groups that several commands' CSV share, in one place so they keep one name and one order:
 * an estimate (n, value, interval, class counts, low base) and a test against something (`vs_rest_*`,
 * `vs_previous_*`, then p, p_adjusted, significant).
 */
import type { CsvValue } from './render-csv.js';

export const ESTIMATE_COLUMNS = ['n', 'value', 'lower', 'upper', 'promoters', 'passives', 'detractors', 'satisfied', 'agree', 'low_base'];

export function estimateValues(r: { n: number; value: number | null; lower: number | null; upper: number | null; counts: Record<string, number> | null; lowBase: boolean }): CsvValue[] {
  const c = r.counts;
  return [r.n, r.value, r.lower, r.upper, c?.promoters, c?.passives, c?.detractors, c?.satisfied, c?.agree, r.lowBase];
}

export function testColumns(prefix: string): string[] {
  return [`${prefix}_diff`, `${prefix}_lower`, `${prefix}_upper`, 'p', 'p_adjusted', 'significant'];
}

export function testValues(t: { diff: number | null; lower: number | null; upper: number | null; p: number | null; pAdjusted: number | null; significant: boolean } | undefined): CsvValue[] {
  return t ? [t.diff, t.lower, t.upper, t.p, t.pAdjusted, t.significant] : [undefined, undefined, undefined, undefined, undefined, undefined];
}
