/**
 * The hashes of a bucket key (a non-negative safe integer) that the runs' filters are built on:
 * two 32-bit words, each mixing both halves of the key, computed once per key and shared by every
 * run a lookup visits.
 */

/** MurmurHash3's 32-bit finalizer: every input bit flips about half the output bits. */
export function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The first word of a key below 2^53. */
export function keyHashFirst(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 2 ** 32) >>> 0;
  return mix(low ^ mix(high ^ 0x3c6ef372));
}

/** The second word, independent of the first (the two agree for two keys about once in 2^64). */
export function keyHashSecond(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 2 ** 32) >>> 0;
  return mix(high ^ mix(low ^ 0x9e3779b9));
}
