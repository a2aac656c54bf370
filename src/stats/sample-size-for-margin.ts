/**
 * Answers needed for a margin of error of ±E points (half-width of a normal interval on the 0–100 or
 * −100..100 scale), with the design effect of unequal weights:
 *
 *   n = z²·V·10⁴·deff / E²,   and with a finite population of N units  n' = n / (1 + (n − 1)/N),
 *
 * V the variance of one answer (NPS: p₊ + p₋ − (p₊ − p₋)²; a share: p(1 − p)), deff = n·Σw²/(Σw)² (Kish).
 * Both are returned unrounded; callers round up.
 *
 * Edge cases: V = 0 gives n = 0 (no margin needs no answers; the caller says so); N must be ≥ 1.
 *
 * Source: L. Kish, Survey Sampling (1965), §2.6 and §8.2; W. Cochran, Sampling Techniques (1977), §4.4.
 *
 * @param variance V of one answer on the 0–1 (or −1..1) scale
 * @param margin E in points (> 0)
 * @param z the normal quantile of the level (1.96 for 95 %)
 * @param options deff (default 1), population N (optional)
 * @returns n and, with a population, the corrected n
 * @throws {RangeError} on a negative variance, a margin ≤ 0 or a population < 1
 * @example
 * Math.ceil(sampleSizeForMargin(0.25, 5, 1.959963984540054).n); // => 385
 */
export function sampleSizeForMargin(variance: number, margin: number, z: number, options: { deff?: number; population?: number } = {}): { n: number; nFpc: number | null } {
  if (!(variance >= 0)) throw new RangeError(`variance must be ≥ 0, got ${variance}`);
  if (!(margin > 0)) throw new RangeError(`margin must be > 0, got ${margin}`);
  const deff = options.deff ?? 1;
  const n = (z * z * variance * 1e4 * deff) / (margin * margin);
  const N = options.population;
  if (N === undefined) return { n, nFpc: null };
  if (!(N >= 1)) throw new RangeError(`population must be ≥ 1, got ${N}`);
  return { n, nFpc: n / (1 + (n - 1) / N) };
}
