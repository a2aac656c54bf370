/**
 * Column groups that several commands' CSV share, in one place so they keep one name and one order:
 * an estimate (n, value, interval, class counts, low base) and a test against something (`vs_rest_*`,
 * `vs_previous_*`, then p, p_adjusted, significant).
 */
import type { CsvValue } from './render-csv.js';

/** The estimate columns; a weighted run adds `n_eff` (Kish's effective n) after `n`. */
export function estimateColumns(weighted: boolean): string[] {
  return ['n', ...(weighted ? ['n_eff'] : []), 'value', 'lower', 'upper', 'promoters', 'passives', 'detractors', 'satisfied', 'agree', 'low_base'];
}

export function estimateValues(
  r: { n: number; nEff?: number; value: number | null; lower: number | null; upper: number | null; counts: Record<string, number> | null; lowBase: boolean },
  weighted: boolean,
): CsvValue[] {
  const c = r.counts;
  return [r.n, ...(weighted ? [r.nEff] : []), r.value, r.lower, r.upper, c?.promoters, c?.passives, c?.detractors, c?.satisfied, c?.agree, r.lowBase];
}

export function testColumns(prefix: string): string[] {
  return [`${prefix}_diff`, `${prefix}_lower`, `${prefix}_upper`, 'p', 'p_adjusted', 'significant'];
}

export function testValues(t: { diff: number | null; lower: number | null; upper: number | null; p: number | null; pAdjusted: number | null; significant: boolean } | undefined): CsvValue[] {
  return t ? [t.diff, t.lower, t.upper, t.p, t.pAdjusted, t.significant] : [undefined, undefined, undefined, undefined, undefined, undefined];
}
