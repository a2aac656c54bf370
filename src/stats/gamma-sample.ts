/**
 * Draws one Gamma(shape, 1) variate: Marsaglia & Tsang's squeeze method for shape ≥ 1 (d = shape − ⅓,
 * c = 1/√(9d); x ~ N(0, 1), v = (1 + c·x)³; accept d·v when ln u < x²/2 + d − d·v + d·ln v), and for
 * shape < 1 the boost Gamma(shape) = Gamma(shape + 1)·u^(1/shape). Normal deviates by Box–Muller from
 * the same uniform stream, so a seeded stream gives the same draws on every machine.
 *
 * Edge cases: shape must be > 0 and finite (a Dirichlet posterior's parameters always are).
 *
 * Source: G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3)
 * (2000) 363–372.
 *
 * @param shape the shape, > 0
 * @param random uniform doubles in [0, 1) (`seededRandom`)
 * @returns a Gamma(shape, 1) draw, > 0
 * @throws {RangeError} when shape is not a positive finite number
 * @example
 * gammaSample(2, seededRandom(1)); // => 3.31148 (the first draw for seed 1)
 */
export function gammaSample(shape: number, random: () => number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    const u = 1 - random(); // (0, 1]
    return gammaSample(shape + 1, random) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One standard normal deviate (Box–Muller, the cosine half). */
function normal(random: () => number): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
