/**
 * MinHash signatures of word shingles: a signature of H 32-bit minima estimates the Jaccard
 * similarity of two shingle sets as the share of positions where the minima agree. Seeded and
 * pure: the same words give the same signature in every run, thread and process.
 */

/** Words per shingle: five words in a row are rarely shared by chance, often kept by a copy. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature: Jaccard estimates within about ±0.09 (2σ) of the truth. */
export const SIGNATURE_SIZE = 128;
const SEED = 0x5eed_2026;

/** 32-bit FNV-1a of a string. */
export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the output. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The seeds of the H hash functions, drawn from a fixed generator (mulberry32). */
function signatureSeeds(count: number, seed: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    seeds[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return seeds;
}

const SEEDS = signatureSeeds(SIGNATURE_SIZE, SEED);

/**
 * The distinct shingle hashes of a word sequence: each run of `size` consecutive words hashed
 * into 32 bits (a text shorter than `size` words is one shingle). Sorted ascending.
 */
export function shingleHashes(words: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = Uint32Array.from(words, hashWord);
  const count = Math.max(1, wordHashes.length - size + 1);
  const shingles = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let hash = 0x9747b28c;
    const end = Math.min(start + size, wordHashes.length);
    for (let k = start; k < end; k++) hash = mix(Math.imul(hash ^ wordHashes[k]!, 0x01000193));
    shingles[start] = hash;
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) {
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i]!;
  }
  return shingles.slice(0, distinct);
}

/**
 * The MinHash signature of a shingle set: per hash function, the least hash of any shingle.
 * An empty set has a signature of all 0xffffffff, which matches only other empty sets.
 */
export function minhashSignature(shingles: Uint32Array, size = SIGNATURE_SIZE): Uint32Array {
  const signature = new Uint32Array(size).fill(0xffffffff);
  const seeds = size === SIGNATURE_SIZE ? SEEDS : signatureSeeds(size, SEED);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let i = 0; i < size; i++) {
      const hash = mix(shingle ^ seeds[i]!);
      if (hash < signature[i]!) signature[i] = hash;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;
  let same = 0;
  for (let i = 0; i < size; i++) if (a[i] === b[i]) same++;
  return same / size;
}

/** Exact Jaccard similarity of two sorted sets of distinct hashes (the oracle in tests). */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
