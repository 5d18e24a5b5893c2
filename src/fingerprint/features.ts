import { hashSequence, hashString, mix32 } from './hash32.js';
import type { FingerprintScratch } from './scratch.js';
import {
  FLAG_NAME,
  FLAG_NUMBER,
  FLAG_QUOTED,
  FLAG_STOP,
  hashesOfWords,
  type WordHashes,
  wordHashes,
} from './word-hashes.js';
import type { FingerprintWord } from './word-stream.js';

/**
 * The three feature sets a document is fingerprinted by, each surviving a different kind of reuse:
 *
 * - `words`: shingles of consecutive (lightly stemmed) words. Verbatim, trimmed and wrapped
 *   copies share most of them.
 * - `skeleton`: shingles where each content word is replaced by one wildcard and function
 *   words, names and numbers are kept. A spinner that swaps words for synonyms keeps the
 *   skeleton intact ("the * * of NATO said on Tuesday" survives "difficult" → "problematic").
 * - `entities`: pairs of nearby names and numbers, and shingles of quoted words. A rewording
 *   keeps who, how many and what was said, in much the same order, while every other word
 *   may change.
 */
export interface FeatureSets {
  words: Uint32Array;
  skeleton: Uint32Array;
  entities: Uint32Array;
}

/** Words per shingle of the `words` family. */
const WORD_SHINGLE = 4;
/** Tokens per skeleton shingle, and how many of them must be kept words (not wildcards). */
const SKELETON_SHINGLE = 8;
const SKELETON_MIN_KEPT = 4;
/** Names/numbers further apart than this in the entity sequence are not paired. */
const ENTITY_REACH = 3;
/** Quoted content words per quote shingle. */
const QUOTE_SHINGLE = 3;

const WILDCARD = hashString('\u0000*');

/** Feature sets of a text (the fast path every ingested article takes), its word hashes in `scratch` when given. */
export function textFeatureSets(text: string, scratch?: FingerprintScratch): FeatureSets {
  return featureSetsOfHashes(wordHashes(text, scratch));
}

/** Feature sets of fingerprintWords' words: the readable reference. */
export function featureSets(words: readonly FingerprintWord[]): FeatureSets {
  return featureSetsOfHashes(hashesOfWords(words));
}

export function featureSetsOfHashes(words: WordHashes): FeatureSets {
  return {
    words: shingles(words.stem, WORD_SHINGLE),
    skeleton: skeletonShingles(words),
    entities: entityFeatures(words),
  };
}

function skeletonShingles(words: WordHashes): Uint32Array {
  const hashes = new Uint32Array(words.count);
  const kept = new Uint8Array(words.count);
  for (let index = 0; index < words.count; index++) {
    const keep = (words.flags[index]! & (FLAG_STOP | FLAG_NUMBER | FLAG_NAME)) !== 0;
    hashes[index] = keep ? words.norm[index]! : WILDCARD;
    kept[index] = keep ? 1 : 0;
  }
  const features = new Uint32Array(Math.max(0, words.count - SKELETON_SHINGLE + 1));
  let size = 0;
  let keptInWindow = 0;
  for (let end = 0; end < words.count; end++) {
    keptInWindow += kept[end]!;
    const start = end - SKELETON_SHINGLE + 1;
    if (start < 0) continue;
    if (keptInWindow >= SKELETON_MIN_KEPT) features[size++] = hashSequence(hashes, start, end + 1);
    keptInWindow -= kept[start]!;
  }
  return features.slice(0, size);
}

function entityFeatures(words: WordHashes): Uint32Array {
  // Typed arrays sized for the most there can be: growing number arrays was a large share of
  // what preparing an article allocates.
  const entities = new Uint32Array(words.count);
  const quoted = new Uint32Array(words.count);
  let entityCount = 0;
  let quotedCount = 0;
  for (let index = 0; index < words.count; index++) {
    const flags = words.flags[index]!;
    if ((flags & (FLAG_NAME | FLAG_NUMBER)) !== 0) entities[entityCount++] = words.norm[index]!;
    if ((flags & FLAG_QUOTED) !== 0 && (flags & FLAG_STOP) === 0) quoted[quotedCount++] = words.stem[index]!;
  }
  const quoteShingles = shingles(quoted.subarray(0, quotedCount), QUOTE_SHINGLE);
  const features = new Uint32Array(entityCount * ENTITY_REACH + quoteShingles.length);
  let size = 0;
  for (let i = 0; i < entityCount; i++) {
    for (let j = i + 1; j <= i + ENTITY_REACH && j < entityCount; j++) {
      // Unordered: a rewording may say "Blinken and Stoltenberg" where the source said the reverse.
      const a = entities[i]!;
      const b = entities[j]!;
      if (a !== b) features[size++] = pairHash(Math.min(a, b), Math.max(a, b));
    }
  }
  features.set(quoteShingles, size);
  return features.slice(0, size + quoteShingles.length);
}

/** hashSequence of the two values, without an array. */
function pairHash(low: number, high: number): number {
  let hash = 0x9747b28c;
  hash = Math.imul(hash ^ low, 0x5bd1e995);
  hash ^= hash >>> 15;
  hash = Math.imul(hash ^ high, 0x5bd1e995);
  hash ^= hash >>> 15;
  return mix32(hash ^ 2);
}

/** Hashes of every run of `size` consecutive hashes (the whole sequence when it is shorter). */
function shingles(hashes: Uint32Array, size: number): Uint32Array {
  if (hashes.length === 0) return new Uint32Array(0);
  if (hashes.length <= size) return Uint32Array.of(hashSequence(hashes, 0, hashes.length));
  const result = new Uint32Array(hashes.length - size + 1);
  for (let start = 0; start < result.length; start++)
    result[start] = hashSequence(hashes, start, start + size);
  return result;
}

/**
 * Number of distinct values: the set size that containment estimates need (open addressing, no
 * sort), in the scratch's table when one is given.
 */
export function distinctCount(values: Uint32Array, scratch?: FingerprintScratch): number {
  let capacity = 16;
  while (capacity < values.length * 2) capacity *= 2;
  const mask = capacity - 1;
  // Slots hold value + 1 so that 0 marks an empty slot (values are below 2^32).
  const slots = scratch?.zeroedTable(capacity) ?? new Float64Array(capacity);
  let count = 0;
  try {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      let slot = mix32(value) & mask;
      while (slots[slot] !== 0 && slots[slot] !== value + 1) slot = (slot + 1) & mask;
      if (slots[slot] === 0) {
        slots[slot] = value + 1;
        count++;
      }
    }
  } finally {
    if (scratch !== undefined) slots.fill(0, 0, capacity);
  }
  return count;
}
