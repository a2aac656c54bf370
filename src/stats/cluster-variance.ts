/**
 * The cluster-robust (sandwich, linearization with clusters) variance of an estimate from its
 * per-cluster totals of the linearized scores.
 *
 * For an estimate over domain d with W_d = Σ_{i∈d} wᵢ and ȳ_d its weighted mean, zᵢ = wᵢ(sᵢ − ȳ_d)·1{i∈d}/W_d
 * and t_g = Σ_{i∈g} zᵢ over each of the G clusters **of the whole data** (clusters without an answer in the
 * domain have t_g = 0); for a difference of two domains t_g = t_g^A − t_g^B, so a cluster in both carries
 * the covariance. Then
 *
 *   Var = G/(G − 1) · Σ_g (t_g − t̄)²,  t̄ = Σ_g t_g / G.
 *
 * This is the with-replacement design-based variance of R `survey::svymean(~s, svydesign(ids = ~cluster,
 * weights = ~w))`, of `svymean` on `subset(design, …)` for a domain, and of `svycontrast` on `svyby`
 * for a difference. With each response its own cluster it is the linearized SE of the Weights section.
 *
 * Edge cases: G < 2 gives null (no variance between clusters can be estimated).
 *
 * Complexity: O(number of totals given).
 *
 * Source: Wolter, Introduction to Variance Estimation (2nd ed.), §6.11; T. Lumley, Complex Surveys (2010), §2.2, 3.3.
 *
 * @param totals t_g of the clusters that have answers (the others are 0)
 * @param clusters G, the number of clusters in the whole data (at least totals.length)
 * @returns the variance, or null when G < 2
 * @example
 * clusterVariance([0.1, -0.1], 4); // => 0.02666666666666667
 */
export function clusterVariance(totals: ArrayLike<number>, clusters: number): number | null {
  if (clusters < totals.length) throw new RangeError(`clusters (${clusters}) is fewer than the totals given (${totals.length})`);
  if (clusters < 2) return null;
  let sum = 0;
  for (let g = 0; g < totals.length; g++) sum += totals[g];
  const mean = sum / clusters;
  // clusters not listed contribute (0 − t̄)² each
  let squares = (clusters - totals.length) * mean * mean;
  for (let g = 0; g < totals.length; g++) squares += (totals[g] - mean) ** 2;
  return (clusters / (clusters - 1)) * squares;
}
