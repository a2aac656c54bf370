/**
 * Settings of the property tests. The normal test run uses a fixed seed and a few thousand cases in
 * all; `npm run fuzz` (scripts/fuzz.mjs) sets CXM_FUZZ_SEED and CXM_FUZZ_SCALE for many more cases
 * with a new or given seed. fast-check prints the seed and the shrunk counterexample on failure.
 */
import type fc from 'fast-check';

const seed = Number(process.env.CXM_FUZZ_SEED || 20261123);
const scale = Number(process.env.CXM_FUZZ_SCALE || 1);

/** fast-check parameters for a property run `runs` times in the normal test run. */
export function fuzzParameters(runs: number): fc.Parameters<unknown> {
  return { seed, numRuns: Math.max(1, Math.round(runs * scale)) };
}

/**
 * The time-out of one property: a guard against a hang, not a speed limit (the suite must pass on a
 * loaded machine), so never under vitest's own ten minutes; `ms` is the idle budget, stretched with
 * the number of runs for `npm run fuzz`.
 */
export function fuzzTimeout(ms: number): number {
  return Math.max(600_000, Math.round(ms * 10 * Math.max(1, scale)));
}
