/** The first position of ascending `values` whose value is at or above `key` (binary search). */
export function lowerBound(values: ArrayLike<number>, key: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first position of ascending `values` whose value is above `key` (binary search). */
export function upperBound(values: ArrayLike<number>, key: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The last position of ascending `values` whose value is at or below `key` (0 when none is):
 * the block or line holding character offset `key`, given where each starts.
 */
export function lastAtOrBelow(values: ArrayLike<number>, key: number): number {
  return Math.max(0, upperBound(values, key) - 1);
}
