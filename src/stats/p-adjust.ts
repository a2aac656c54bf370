import type { PAdjustMethod } from './types.js';

/**
 * Adjusts p-values for multiple comparisons, exactly as R `p.adjust`.
 *
 * With the m non-null p-values sorted increasingly, p₍₁₎ ≤ … ≤ p₍ₘ₎:
 *
 * - `holm` (Holm 1979, family-wise error): adj₍ₖ₎ = max_{j ≤ k} min(1, (m − j + 1)·p₍ⱼ₎);
 * - `bh` (Benjamini–Hochberg 1995, false discovery rate; cxm's default for a table):
 *   adj₍ₖ₎ = min_{j ≥ k} min(1, m·p₍ⱼ₎/j);
 * - `none`: unchanged.
 *
 * Results are returned in the input order. A cell is flagged when adj < α.
 *
 * Edge cases: `null` entries (cells that were not tested, e.g. n = 0) are not part of the
 * family — m counts only the non-null p-values, as R does with NA — and stay `null`.
 * Ties get equal adjusted values. An empty list gives an empty list.
 *
 * Complexity: O(m log m).
 *
 * Source: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian
 * Journal of Statistics 6 (1979) 65–70; Y. Benjamini, Y. Hochberg, "Controlling the false
 * discovery rate", JRSS B 57 (1995) 289–300; R `stats::p.adjust`.
 *
 * @param p p-values in [0, 1], or `null` for untested cells
 * @param method `'bh'`, `'holm'` or `'none'`
 * @returns adjusted p-values, same length and order, `null` where the input was `null`
 * @throws {RangeError} if a p-value is outside [0, 1] or the method is unknown
 * @example
 * pAdjust([0.01, 0.04, 0.03, null], 'bh'); // => [0.03, 0.04, 0.04, null]
 */
export function pAdjust(p: readonly (number | null)[], method: PAdjustMethod): (number | null)[] {
  if (method !== 'bh' && method !== 'holm' && method !== 'none') {
    throw new RangeError(`unknown p-value adjustment: ${String(method)}`);
  }
  const indices: number[] = [];
  p.forEach((value, index) => {
    if (value === null) return;
    if (!(value >= 0 && value <= 1)) throw new RangeError(`p-value must be in [0, 1], got ${value} at ${index}`);
    indices.push(index);
  });
  const adjusted: (number | null)[] = p.map((value) => value);
  const m = indices.length;
  if (method === 'none' || m === 0) return adjusted;
  // Stable sort of the tested cells by p (ties keep input order, as R's order()).
  indices.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  if (method === 'holm') {
    let running = 0;
    indices.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * (p[index] as number)));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = indices[rank];
      running = Math.min(running, Math.min(1, (m * (p[index] as number)) / (rank + 1)));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
