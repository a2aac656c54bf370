import { normalQuantile } from './normal-quantile.js';

/**
 * The smallest true change between two independent samples of n₁ and n₂ answers that a two-sided test
 * at level 1 − α detects with power 1 − β (normal approximation, the far tail ignored), in points:
 *
 *   MDE = (z_{1−α/2} + z_{1−β}) · √(V₁·deff₁/n₁ + V₂·deff₂/n₂) · 100.
 *
 * Source: J. Cohen, Statistical Power Analysis (1988), ch. 6 (the normal form); the same number
 * statsmodels' NormalIndPower solves for (effect size × σ).
 *
 * @param v1 variance of one answer in the first sample (0–1 or −1..1 scale), with its design effect folded in
 * @param n1 answers in the first sample (> 0)
 * @param v2 the second sample's
 * @param n2 the second sample's (> 0)
 * @param level confidence level, e.g. 0.95
 * @param power e.g. 0.8
 * @returns the detectable change in points
 * @throws {RangeError} on n ≤ 0, a negative variance, or a level or power outside (0, 1)
 * @example
 * Math.round(minimumDetectableChange(0.25, 400, 0.25, 400, 0.95, 0.8) * 1e4) / 1e4; // => 9.9051
 */
export function minimumDetectableChange(v1: number, n1: number, v2: number, n2: number, level: number, power: number): number {
  if (!(n1 > 0) || !(n2 > 0)) throw new RangeError(`sample sizes must be > 0, got ${n1}, ${n2}`);
  if (!(v1 >= 0) || !(v2 >= 0)) throw new RangeError('variances must be ≥ 0');
  if (!(level > 0 && level < 1) || !(power > 0 && power < 1)) throw new RangeError(`level and power must be in (0, 1), got ${level}, ${power}`);
  return (normalQuantile(1 - (1 - level) / 2) + normalQuantile(power)) * Math.sqrt(v1 / n1 + v2 / n2) * 100;
}
