import { keyHashFirst, keyHashSecond } from './key-hash.js';

/**
 * A Bloom filter over bucket keys (non-negative safe integers): "certainly absent" or "maybe
 * present". Most keys of a new article are in no run of the bucket index, so the filter saves
 * the disk lookups of nearly all of them. Bits are a plain byte array, stored as a BLOB.
 */

/** Bits per key: about 0.2% false positives with 9 probes (a key is checked against every run). */
const BITS_PER_KEY = 14;
const PROBES = 9;

/** Two 32-bit hashes of a key below 2^53 (double hashing derives the probes; the step is odd). */
export function bloomHashes(key: number): [number, number] {
  return [keyHashFirst(key), keyHashSecond(key) | 1];
}

/** The length of the filter of `count` keys: an older corpus's Bloom BLOBs are recognised by it. */
export function bloomBytes(count: number): number {
  return Math.max(8, Math.ceil((count * BITS_PER_KEY) / 8));
}

export function bloomFor(keys: ArrayLike<number>): Uint8Array {
  const filter = new Uint8Array(bloomBytes(keys.length));
  const bits = filter.length * 8;
  for (let i = 0; i < keys.length; i++) {
    const [first, second] = bloomHashes(keys[i]!);
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (first + Math.imul(probe, second)) >>> 0;
      const at = bit % bits;
      filter[at >>> 3]! |= 1 << (at & 7);
    }
  }
  return filter;
}

export function bloomHas(filter: Uint8Array, key: number): boolean {
  const [first, second] = bloomHashes(key);
  return bloomHasHashed(filter, first, second);
}

/** bloomHas with the key's bloomHashes computed once for many filters. */
export function bloomHasHashed(filter: Uint8Array, first: number, second: number): boolean {
  const bits = filter.length * 8;
  for (let probe = 0; probe < PROBES; probe++) {
    const at = ((first + Math.imul(probe, second)) >>> 0) % bits;
    if ((filter[at >>> 3]! & (1 << (at & 7))) === 0) return false;
  }
  return true;
}
