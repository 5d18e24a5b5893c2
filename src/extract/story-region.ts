/** The first and last block index of the story region (inclusive). */
export interface Region {
  first: number;
  last: number;
}

/**
 * The contiguous run of blocks with the largest total weight (maximum-sum subarray). Prose
 * blocks weigh positive, chrome negative, so this is the densest run of prose: the story is
 * usually one contiguous region, with chrome clustered before and after it. Null when no block
 * weighs anything positive.
 */
export function densestRegion(weights: readonly number[]): Region | null {
  let best: Region | null = null;
  let bestSum = 0;
  let runStart = 0;
  let runSum = 0;
  for (let index = 0; index < weights.length; index++) {
    if (runSum <= 0) {
      runStart = index;
      runSum = 0;
    }
    runSum += weights[index]!;
    if (runSum > bestSum) {
      bestSum = runSum;
      best = { first: runStart, last: index };
    }
  }
  return best;
}
