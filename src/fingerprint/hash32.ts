/**
 * Seeded 32-bit hashing for fingerprints: FNV-1a over a string, MurmurHash3's finaliser to mix,
 * and an order-sensitive combination for shingles. Fixed constants: the same text gives the same
 * fingerprint in every process and on every run.
 */

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a over the UTF-16 code units, mixed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return mix32(hash);
}

/** Hash of a sequence of hashes, order-sensitive ("a b" and "b a" differ). */
export function hashSequence(hashes: ArrayLike<number>, start: number, end: number): number {
  let hash = 0x9747b28c;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ hashes[i]!, 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  return mix32(hash ^ (end - start));
}
