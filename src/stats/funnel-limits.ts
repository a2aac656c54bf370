/**
 * Control limits of a funnel plot: the band a unit of n answers falls in by chance around the target
 * θ₀ when every unit had the overall score,
 *
 *   θ₀ ± z·√(V₀/n),   V₀ = p₊ + p₋ − (p₊ − p₋)² (NPS, on −1..1) or p₀(1 − p₀) (a share, on 0..1),
 *
 * with z = 1.960 (95 %) and 3.090 (99.8 %), as hospital-quality funnel plots draw them. The normal
 * approximation is used at every n (exact binomial limits for percents at small n are not drawn).
 *
 * Edge cases: n = 0 gives null limits; V₀ = 0 gives zero-width limits at θ₀.
 *
 * Source: D. Spiegelhalter, "Funnel plots for comparing institutional performance", Statistics in
 * Medicine 24 (2005) 1185–1202; docs/methods.md (Funnel plot).
 *
 * @param target θ₀
 * @param variance V₀ of one answer
 * @param n the unit's answers (effective n when weighted)
 * @param z the normal quantile of the limit
 * @returns the lower and upper limit, or nulls when n = 0
 * @throws {RangeError} on a negative n or variance
 * @example
 * funnelLimits(0.5, 0.25, 100, 1.96).upper; // => 0.598
 */
export function funnelLimits(target: number, variance: number, n: number, z: number): { lower: number | null; upper: number | null } {
  if (!(n >= 0) || !(variance >= 0)) throw new RangeError(`funnel limits need n ≥ 0 and a variance ≥ 0, got n=${n}, V=${variance}`);
  if (n === 0) return { lower: null, upper: null };
  const h = z * Math.sqrt(variance / n);
  return { lower: target - h, upper: target + h };
}
