import { logGamma } from './log-gamma.js';

/**
 * The prefactor xᵃ·yᵇ / B(a, b) of the incomplete beta function, with y = 1 − x.
 *
 * I_x(a, b) = xᵃyᵇ/(a·B(a, b)) · (continued fraction), and the beta density is
 * xᵃyᵇ/(B(a, b)·x·y), so this term decides how accurate both are. The naive
 * exp(a ln x + b ln y − ln B(a, b)) loses about |a ln x|·ε to rounding, and ln B(a, b) =
 * ln Γ(a) + ln Γ(b) − ln Γ(a + b) cancels catastrophically for large a, b (a binomial
 * with n = 10⁴ loses four digits). Following Loader's saddle-point form of the binomial
 * density, we write
 *
 *   xᵃyᵇ/B(a, b) = √(ab / (2π(a + b))) · exp(δ(a + b) − δ(a) − δ(b) − bd0(a, (a + b)x) − bd0(b, (a + b)y))
 *
 * where δ(z) = ln Γ(z) − (z − ½) ln z + z − ½ ln 2π is the error of Stirling's formula
 * (Stirling series for z ≥ 15, ln Γ below) and bd0(k, μ) = k ln(k/μ) + μ − k is the
 * deviance term, summed by its series when k ≈ μ. Every piece is small or computed
 * without cancellation, so the result has a relative error of a few ε for any a, b > 0.
 *
 * Complexity: O(1) (the bd0 series stops after a few terms).
 *
 * Source: C. Loader, "Fast and accurate computation of binomial probabilities" (2000),
 * as used by R's `dbinom` (src/nmath/bd0.c, stirlerr.c).
 *
 * @param x point in [0, 1]
 * @param y 1 − x, passed separately so callers that know it exactly keep its precision
 * @param a first shape parameter, > 0
 * @param b second shape parameter, > 0
 * @returns xᵃyᵇ/B(a, b) (0 when x or y is 0)
 * @example
 * betaPowerTerms(0.5, 0.5, 2, 3); // => 0.375 (0.5²·0.5³/B(2, 3) = 0.03125·12)
 */
export function betaPowerTerms(x: number, y: number, a: number, b: number): number {
  if (x <= 0 || y <= 0) return 0;
  const total = a + b;
  const exponent =
    stirlingError(total) - stirlingError(a) - stirlingError(b) - deviance(a, total * x) - deviance(b, total * y);
  return Math.sqrt((a * b) / (TWO_PI * total)) * Math.exp(exponent);
}

const TWO_PI = 2 * Math.PI;
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * δ(z) = ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], the error of Stirling's approximation of Γ(z)
 * (equivalently of z! = Γ(z + 1) with z^(z + ½)), Loader's `stirlerr`.
 */
function stirlingError(z: number): number {
  if (z >= 15) {
    const inv = 1 / z;
    const inv2 = inv * inv;
    // 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹); the next term is < 1e-17 at z = 15.
    return inv * (S0 - inv2 * (S1 - inv2 * (S2 - inv2 * (S3 - inv2 * S4))));
  }
  return logGamma(z) - (z - 0.5) * Math.log(z) + z - HALF_LOG_TWO_PI;
}
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** bd0(k, μ) = k ln(k/μ) + μ − k ≥ 0, without cancellation when k ≈ μ (Loader). */
function deviance(k: number, mu: number): number {
  if (Math.abs(k - mu) < 0.1 * (k + mu)) {
    // k ln(k/μ) + μ − k = (k − μ)v + 2k Σⱼ v^(2j+1)/(2j + 1) with v = (k − μ)/(k + μ).
    let v = (k - mu) / (k + mu);
    let sum = (k - mu) * v;
    let term = 2 * k * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return k * Math.log(k / mu) + mu - k;
}
