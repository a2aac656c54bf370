import { erfc } from './erfc.js';

/**
 * Standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * Φ(x) = ½·erfc(−x/√2). Going through erfc rather than ½(1 + erf(x/√2)) keeps full relative
 * accuracy in the lower tail: Φ(−10) ≈ 7.6e-24 and Φ(−37) ≈ 5.7e-300 are exact to ~1e-13,
 * and Φ(−40) ≈ 3.7e-350 underflows to 0 as it must, instead of suffering cancellation.
 * In the upper tail use 1 − Φ(x) = Φ(−x).
 *
 * Complexity: O(1).
 *
 * Source: Abramowitz & Stegun 26.2.29; erfc by Cody (1969), see `erfc`.
 *
 * @param x any real number
 * @returns Φ(x) in [0, 1]
 * @example
 * normalCdf(1.959963984540054); // => 0.975
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
