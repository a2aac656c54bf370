import { checkLevel } from './check-level.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * Two-sided normal critical value z = Φ⁻¹(1 − α/2) for confidence level 1 − α.
 *
 * Evaluated as −Φ⁻¹(α/2), which keeps full precision for levels close to 1 (1 − α/2 would
 * round). Typical values: 1.6449 (0.90), 1.9600 (0.95), 2.5758 (0.99).
 *
 * Source: any text, e.g. Agresti, Categorical Data Analysis, §1.4.
 *
 * @param level confidence level in (0, 1)
 * @returns z > 0
 * @throws {RangeError} if `level` is outside (0, 1)
 * @example
 * normalCriticalValue(0.95); // => 1.959963984540054
 */
export function normalCriticalValue(level: number): number {
  checkLevel(level);
  return -normalQuantile((1 - level) / 2);
}
