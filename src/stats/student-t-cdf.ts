import { normalCdf } from './normal-cdf.js';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * Cumulative distribution function of Student's t with `df` degrees of freedom, P(T ≤ t).
 *
 * Through the incomplete beta function (A&S 26.7.1): the two-sided tail is
 *
 *   P(|T| ≥ |t|) = I_{df/(df + t²)}(df/2, ½) = 1 − I_{t²/(df + t²)}(½, df/2),
 *
 * and P(T ≤ t) is half of it for t < 0, one minus half of it for t > 0. Whichever of the two
 * beta arguments is below ½ is formed, so no precision is lost to 1 − x, and the lower tail
 * stays accurate far out (p-values of Welch tests are computed as 2·F(−|t|)). `df` may be
 * non-integer (Welch–Satterthwaite df); `df = Infinity` gives the normal CDF.
 *
 * Complexity: that of `regularizedIncompleteBeta`.
 *
 * Source: Abramowitz & Stegun 26.7.1; W. H. Press et al., Numerical Recipes §6.14.9.
 *
 * @param t the quantile
 * @param df degrees of freedom, > 0 (may be non-integer or Infinity)
 * @returns P(T ≤ t)
 * @throws {RangeError} if df is not positive
 * @example
 * studentTCdf(2, 5); // => 0.9490302605850709
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student t needs df > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const t2 = t * t;
  // Half of the two-sided tail probability P(|T| ≥ |t|).
  const halfTail =
    t2 < df
      ? 0.5 * regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2, false)
      : 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t < 0 ? halfTail : 1 - halfTail;
}
