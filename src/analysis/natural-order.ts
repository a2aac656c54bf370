/**
 * Group order: the configured order first (config `segmentOrder`), then natural order — numbers inside
 * text compared as numbers (`plan 2` before `plan 10`), then code points, so output is the same on
 * every machine. `(blank)` and `(untagged)` go last.
 */
import { UNTAGGED } from '../io/tag-rules.js';
import { BLANK_SEGMENT } from '../fold/fold.js';

const CHUNK = /(\d+|\D+)/g;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  // the groups of rows without a value go last: (blank), and (untagged) for comment tags
  const lastA = a === BLANK_SEGMENT || a === UNTAGGED;
  const lastB = b === BLANK_SEGMENT || b === UNTAGGED;
  if (lastA !== lastB) return lastA ? 1 : -1;
  const ca = a.match(CHUNK) ?? [];
  const cb = b.match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === y) continue;
    const xn = /^\d/.test(x);
    const yn = /^\d/.test(y);
    if (xn && yn) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    const xl = x.toLowerCase();
    const yl = y.toLowerCase();
    if (xl !== yl) return xl < yl ? -1 : 1;
    return x < y ? -1 : 1;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : 1;
}

/** Compares group keys dimension by dimension, honouring a configured order per dimension. */
export function groupKeyComparator(dimensions: string[], order: Record<string, string[]> = {}): (a: string[], b: string[]) => number {
  // own keys only: a column named `constructor` must not find Object.prototype.constructor
  const ranks = dimensions.map((d) => new Map((Object.hasOwn(order, d) ? order[d] : []).map((v, i) => [v, i])));
  return (a, b) => {
    for (let d = 0; d < dimensions.length; d++) {
      const ra = ranks[d].get(a[d]);
      const rb = ranks[d].get(b[d]);
      if (ra !== undefined || rb !== undefined) {
        if (ra === undefined) return 1;
        if (rb === undefined) return -1;
        if (ra !== rb) return ra - rb;
        continue;
      }
      const c = naturalCompare(a[d], b[d]);
      if (c !== 0) return c;
    }
    return 0;
  };
}
