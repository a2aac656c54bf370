/**
 * Seeded pseudo-random generator of uniform doubles in [0, 1): xoshiro128** seeded by
 * SplitMix32.
 *
 * cxm never calls `Math.random` (docs/style.md R1, R7): every resampling takes a seed so the same
 * input and flags give byte-identical output. The seed (any safe integer, negative allowed) is
 * split into its low and high 32-bit words, which are mixed by SplitMix32 into the 128-bit
 * state of xoshiro128** (Blackman & Vigna), a small, fast generator with period 2¹²⁸ − 1
 * that passes BigCrush. Each double takes two 32-bit outputs: (a >>> 5)·2²⁶ + (b >>> 6),
 * divided by 2⁵³, so all 53 mantissa bits are random.
 *
 * Edge cases: seeds 0 and −1 are fine (SplitMix never yields the all-zero state).
 *
 * Complexity: O(1) per draw.
 *
 * Source: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 * 47(4) (2021), https://prng.di.unimi.it/xoshiro128starstar.c; SplitMix: G. Steele,
 * D. Lea, C. Flood, OOPSLA 2014 (32-bit finalizer of MurmurHash3).
 *
 * @param seed a safe integer
 * @returns a function returning the next uniform double in [0, 1)
 * @throws {RangeError} if `seed` is not a safe integer
 * @example
 * seededRandom(42)(); // => 0.6606157208001621 (first draw for seed 42)
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  let mixer = (low ^ Math.imul(high, 0x9e3779b9)) | 0;
  const splitMix = (): number => {
    mixer = (mixer + 0x9e3779b9) | 0;
    let z = mixer;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitMix();
  let s1 = splitMix();
  let s2 = splitMix();
  let s3 = splitMix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const next = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** 32-bit rotate left. */
function rotateLeft(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
