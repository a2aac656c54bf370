/**
 * Column groups that several commands' CSV share, in one place so they keep one name and one order:
 * an estimate (n, value, interval, class counts, low base) and a test against something (`vs_rest_*`,
 * `vs_previous_*`, then p, p_adjusted, significant).
 */
import { ROLE_DEFS, roleOf, ROLES, type Metric } from '../model/metrics.js';
import type { CsvValue } from './render-csv.js';

/**
 * The class-count columns, from the registry: the NPS classes, then each role's success count (`satisfied`,
 * `agree`; a role added later, such as `yes` of recommend, only when `metrics` has it).
 */
export function countColumns(metrics: readonly Metric[]): string[] {
  const scored = new Set(metrics.map(roleOf));
  return ROLES.flatMap((role) => {
    const words = ROLE_DEFS[role].success;
    if (words === null) return ['promoters', 'passives', 'detractors'];
    return words.csv === 'always' || scored.has(role) ? [words.yes] : [];
  });
}

/** The estimate columns; a weighted run adds `n_eff` (Kish's effective n) after `n`. */
export function estimateColumns(weighted: boolean, counts: string[]): string[] {
  return ['n', ...(weighted ? ['n_eff'] : []), 'value', 'lower', 'upper', ...counts, 'low_base'];
}

export function estimateValues(
  r: { n: number; nEff?: number; value: number | null; lower: number | null; upper: number | null; counts: Record<string, number> | null; lowBase: boolean },
  weighted: boolean,
  counts: string[],
): CsvValue[] {
  const c = r.counts;
  return [r.n, ...(weighted ? [r.nEff] : []), r.value, r.lower, r.upper, ...counts.map((k) => c?.[k]), r.lowBase];
}

export function testColumns(prefix: string): string[] {
  return [`${prefix}_diff`, `${prefix}_lower`, `${prefix}_upper`, 'p', 'p_adjusted', 'significant'];
}

export function testValues(t: { diff: number | null; lower: number | null; upper: number | null; p: number | null; pAdjusted: number | null; significant: boolean } | undefined): CsvValue[] {
  return t ? [t.diff, t.lower, t.upper, t.p, t.pAdjusted, t.significant] : [undefined, undefined, undefined, undefined, undefined, undefined];
}
