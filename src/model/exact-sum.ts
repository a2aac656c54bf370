/**
 * Sums of weights that do not depend on the order of addition. Floating-point addition is not
 * associative, so a file folded in one thread and the same file split between four would otherwise
 * give weight sums that differ in the last bit — and JSON prints every bit. An ExactSum keeps the sum
 * exactly, as non-overlapping partials (Shewchuk's expansion, as Python's math.fsum), merges exactly,
 * and is rounded once, correctly, when read: the same value whatever the order or split.
 *
 * Source: J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18 (1997); CPython's math_fsum.
 */

/** The partials of an exact sum, smallest magnitude first (plain data: crosses threads). */
export type ExactSum = number[];

/** Adds a finite x to the sum, exactly. */
export function addExact(partials: ExactSum, value: number): void {
  let x = value;
  let i = 0;
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j];
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

/** Adds another exact sum into this one, exactly. */
export function mergeExact(into: ExactSum, from: ExactSum): void {
  for (const x of from) addExact(into, x);
}

/** The sum, correctly rounded to the nearest double. */
export function exactValue(partials: ExactSum): number {
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // halfway cases: the partials below may round hi the other way (as CPython's fsum)
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
