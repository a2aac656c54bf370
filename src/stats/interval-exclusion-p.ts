/**
 * The p-value at which a family of confidence intervals first leaves a threshold out: the smallest α
 * such that the interval at level 1 − α lies wholly on one side of `threshold`.
 *
 *   side 'below': p = inf { α : upper(1 − α) < threshold }   (boundAt returns the upper bound)
 *   side 'above': p = inf { α : lower(1 − α) ≥ threshold }   (boundAt returns the lower bound)
 *
 * This is the test that an interval method implies (inverting the interval): "the 95% interval lies
 * below 30" is exactly "p < 0.05". For a Wald-type interval centred on c with standard error se it is
 * the two-sided normal p of (threshold − c)/se when c is on the far side of the threshold; for Wilson
 * it is the two-sided score test of p = threshold; for Student t the one-sample t test. So one number
 * per check can enter a multiple-comparison adjustment (Holm) whatever the interval method is.
 * When the interval never leaves the threshold out (the centre is on the threshold's side), p = 1.
 *
 * Found by bisection on α over (0, 1): it assumes the bound moves monotonically with the level, which
 * holds for every interval cxm computes (a wider level gives a wider interval, also for a seeded
 * bootstrap, whose resamples do not depend on the level). About 70 evaluations of the bound; the result
 * is accurate to about 1e-15 absolute (levels closer to 1 than that cannot be represented), so a
 * p-value below that is returned as about 1e-16.
 *
 * @param boundAt the interval bound at a confidence level (null when there is no estimate)
 * @param threshold the threshold, on the bound's scale
 * @param side 'below': the interval must lie under the threshold; 'above': at or over it
 * @returns p in (0, 1], or null when the bound is null
 * @example
 * intervalExclusionP((level) => 0.5 + normalCriticalValue(level) * 0.1, 0.7, 'below'); // => 0.045500263896 (2·Φ(−2))
 */
export function intervalExclusionP(boundAt: (level: number) => number | null, threshold: number, side: 'below' | 'above'): number | null {
  const excludedAt = (alpha: number): boolean | null => {
    const level = 1 - alpha;
    if (level >= 1) return false; // an interval at level 1 is unbounded
    if (level <= 0) return true;
    const bound = boundAt(level);
    if (bound === null) return null;
    return side === 'below' ? bound < threshold : bound >= threshold;
  };
  const narrowest = excludedAt(1 - 1e-12);
  if (narrowest === null) return null;
  if (!narrowest) return 1;
  let lo = 0;
  let hi = 1 - 1e-12;
  for (let i = 0; i < 70; i++) {
    const mid = (lo + hi) / 2;
    if (excludedAt(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
