import { erfc } from './erfc.js';

/**
 * Two-sided p-value of a standard normal statistic, p = 2·Φ(−|z|) = erfc(|z|/√2).
 *
 * Going through erfc keeps the relative accuracy of tiny p-values: z = 10 gives 1.5e-23 and
 * z = 37 gives about 1e-299 instead of 0 (1 − Φ(z) would round to 0 from z ≈ 8.3 on).
 *
 * Source: Abramowitz & Stegun 26.2.29; erfc by Cody (1969).
 *
 * @param z the test statistic
 * @returns the p-value in [0, 1] (NaN for NaN)
 * @example
 * twoSidedNormalP(1.959963984540054); // => 0.05
 */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
