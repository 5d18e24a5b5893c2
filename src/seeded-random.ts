/**
 * Mulberry32: a small, well-mixed 32-bit generator. Everything that draws at random (folds,
 * built evaluation suites, benchmark sets) takes its numbers from here, so the same seed gives
 * the same draws on every machine.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Keys shaped like LSH bucket keys (below 2^53: 21 bits above 32), drawn from seededRandom: the
 * same seed gives the same keys, for the tests and benchmark of the bucket runs' filters.
 */
export function seededBucketKeys(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.floor(random() * 2 ** 21) * 2 ** 32 + Math.floor(random() * 2 ** 32);
}
