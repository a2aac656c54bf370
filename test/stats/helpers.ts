import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Reads a committed reference file from test/reference (written by generate.py / generate.R). */
export function loadReference<T>(name: string): T {
  const path = fileURLToPath(new URL(`../reference/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Asserts |actual − expected| ≤ max(relative·|expected|, absolute). Null/undefined must match
 * exactly; ±Infinity must be equal.
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  relative: number,
  absolute = 0,
  label = '',
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  const value = actual as number;
  if (!Number.isFinite(expected)) {
    expect(value, label).toBe(expected);
    return;
  }
  const tolerance = Math.max(relative * Math.abs(expected), absolute);
  const error = Math.abs(value - expected);
  if (!(error <= tolerance)) {
    throw new Error(
      `${label}: expected ${expected}, got ${value} (error ${error.toExponential(2)} > tolerance ${tolerance.toExponential(2)})`,
    );
  }
}
