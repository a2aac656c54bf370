/**
 * Minimises f over ℝᵈ by the Nelder–Mead simplex (reflection 1, expansion 2, contraction ½, shrink ½),
 * from `start` with initial steps `step` along each axis, until the simplex's values differ by less than
 * `tolerance` (absolute) or `maxIterations` pass. Deterministic: no randomness.
 *
 * Used to maximise a marginal likelihood over log-parameters (a few dimensions), where derivatives
 * would need the digamma function and the surface is smooth and unimodal in practice.
 *
 * Source: J. A. Nelder, R. Mead, "A simplex method for function minimization", Computer Journal 7
 * (1965) 308–313; coefficients as in Lagarias et al., SIAM J. Optim. 9 (1998).
 *
 * @param f the function to minimise (may return Infinity outside its domain)
 * @param start the starting point
 * @param options step (default 0.5), tolerance (default 1e-10), maxIterations (default 2000·d)
 * @returns the best point, its value and the iterations used
 * @example
 * Math.round(nelderMead(([x]) => (x - 3) ** 2, [0]).x[0] * 1e4) / 1e4; // => 3
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: { step?: number; tolerance?: number; maxIterations?: number } = {},
): { x: number[]; value: number; iterations: number } {
  const d = start.length;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 2000 * d;
  let simplex = [start.slice()];
  for (let i = 0; i < d; i++) {
    const p = start.slice();
    p[i] += step;
    simplex.push(p);
  }
  let values = simplex.map(f);
  let iterations = 0;
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_v, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[d] - values[0]) <= tolerance) break;
    const centroid = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] += simplex[i][j] / d;
    const worst = simplex[d];
    const reflected = combine(centroid, worst, -1);
    const fr = f(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = f(expanded);
      [simplex[d], values[d]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[d - 1]) {
      [simplex[d], values[d]] = [reflected, fr];
    } else {
      const contracted = fr < values[d] ? combine(centroid, reflected, 0.5) : combine(centroid, worst, 0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, values[d])) {
        [simplex[d], values[d]] = [contracted, fc];
      } else {
        for (let i = 1; i <= d; i++) {
          simplex[i] = combine(simplex[0], simplex[i], 0.5);
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= d; i++) if (values[i] < values[best]) best = i;
  return { x: simplex[best], value: values[best], iterations };
}
