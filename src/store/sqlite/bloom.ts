/**
 * A Bloom filter over bucket keys (non-negative safe integers): "certainly absent" or "maybe
 * present". Most keys of a new article are in no run of the bucket index, so the filter saves
 * the disk lookups of nearly all of them. Bits are a plain byte array, stored as a BLOB.
 */

/** Bits per key: about 0.2% false positives with 9 probes (a key is checked against every run). */
const BITS_PER_KEY = 14;
const PROBES = 9;

function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Two independent 32-bit hashes of a key below 2^53 (double hashing derives the probes). */
export function bloomHashes(key: number): [number, number] {
  const low = key >>> 0;
  const high = Math.floor(key / 2 ** 32) >>> 0;
  const first = mix(low ^ mix(high ^ 0x3c6ef372));
  const second = mix(high ^ mix(low ^ 0x9e3779b9)) | 1;
  return [first, second];
}

export function bloomFor(keys: ArrayLike<number>): Uint8Array {
  const bits = Math.max(64, Math.ceil((keys.length * BITS_PER_KEY) / 8) * 8);
  const filter = new Uint8Array(bits / 8);
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
