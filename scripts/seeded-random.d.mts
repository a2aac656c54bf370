// Types of seeded-random.mjs, for the tests that import it.

/** mulberry32: a seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number;
/** A picker of weighted choices drawing from `rnd`. */
export function picker(rnd: () => number): <T>(items: readonly T[], weights: readonly number[]) => T;
