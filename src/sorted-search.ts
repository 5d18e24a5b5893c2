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
