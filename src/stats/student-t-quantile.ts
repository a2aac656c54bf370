import { betaQuantile } from './beta-quantile.js';
import { normalQuantile } from './normal-quantile.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * Quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p.
 *
 * Inverts A&S 26.7.1 through the beta quantile. With q = min(p, 1 − p) the two-sided tail
 * is 2q = P(|T| ≥ |t|), and
 *
 * - if |t| ≥ √df: x = df/(df + t²) ≤ ½ solves I_x(df/2, ½) = 2q, and t² = df·(1 − x)/x;
 * - if |t| < √df: y = t²/(df + t²) < ½ solves 1 − I_y(½, df/2) = 2q, and t² = df·y/(1 − y);
 *
 * which case applies is known beforehand from 2q versus P(|T| ≥ √df) = I_½(df/2, ½). The
 * unknown solved for is always below ½, so it is never rounded against 1 (for df = 10⁸ and
 * t ≈ 2, x = df/(df + t²) would keep only 8 significant digits of 1 − x). The sign of t is
 * that of p − ½. `df` may be non-integer (Welch); `df = Infinity` gives Φ⁻¹(p). Accuracy is
 * about 1e-13 relative.
 *
 * Edge cases: p = ½ gives 0, p = 0 gives −∞, p = 1 gives +∞.
 *
 * Complexity: that of `betaQuantile`.
 *
 * Source: Abramowitz & Stegun 26.7.1; compare R `qt` (Hill 1970, AS 396).
 *
 * @param p probability in [0, 1]
 * @param df degrees of freedom, > 0 (may be non-integer or Infinity)
 * @returns the quantile t
 * @throws {RangeError} if p is outside [0, 1] or df is not positive
 * @example
 * studentTQuantile(0.975, 10); // => 2.228138851986274
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Student t quantile needs p in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`Student t needs df > 0, got ${df}`);
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const twoSided = 2 * Math.min(p, 1 - p);
  let magnitude: number;
  if (twoSided <= regularizedIncompleteBeta(0.5, df / 2, 0.5)) {
    const x = betaQuantile(twoSided, df / 2, 0.5);
    magnitude = Math.sqrt((df * (1 - x)) / x);
  } else {
    const y = betaQuantile(twoSided, 0.5, df / 2, false);
    magnitude = Math.sqrt((df * y) / (1 - y));
  }
  return p < 0.5 ? -magnitude : magnitude;
}
