/**
 * Kish's effective sample size of a weighted sample, n_eff = (Σw)²/Σw².
 *
 * The number of unweighted responses that would give the same variance of a weighted mean
 * (under equal unit variances). Equal weights give n_eff = n exactly; unequal weights give
 * less. cxm uses n_eff in place of n in every count formula for weighted data (counts
 * become share × n_eff).
 *
 * Edge cases: zero weights are allowed and simply do not count (docs/methods.md: drop them); an
 * empty list or all-zero weights give 0. Negative or non-finite weights are an error naming
 * the position (the reader rejects them first, naming the row).
 *
 * Complexity: O(n).
 *
 * Source: L. Kish, "Weighting for unequal Pᵢ", Journal of Official Statistics 8(2) (1992)
 * 183–200, eq. (5); L. Kish, Survey Sampling (1965), §11.7.
 *
 * @param weights non-negative finite weights
 * @returns n_eff in [0, number of positive weights]
 * @throws {RangeError} on a negative or non-finite weight
 * @example
 * kishEffectiveN([1, 1, 2, 4]); // => 2.909090909090909 (8²/22)
 */
export function kishEffectiveN(weights: readonly number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  weights.forEach((weight, index) => {
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`weight must be a finite non-negative number, got ${weight} at position ${index}`);
    }
    sum += weight;
    sumOfSquares += weight * weight;
  });
  return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
}
