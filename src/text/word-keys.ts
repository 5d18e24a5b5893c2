import { mix32 } from '../fingerprint/hash32.js';
import { cached } from '../memo.js';
import type { Token } from '../model/analysis.js';

/**
 * Words as pairs of independent 32-bit hashes, so that the loops that look for shared runs and
 * n-grams compare numbers and build no strings. Two words are taken as equal when both hashes
 * agree: 64 bits, so a chance collision between two documents' few thousand distinct words
 * has a probability near 10^-12.
 */
export interface WordHashes {
  first: Uint32Array;
  second: Uint32Array;
}

/** FNV-1a with two different offset bases, each mixed: a collision of one is not one of the other. */
export function wordHashes(words: ArrayLike<string>): WordHashes {
  const first = new Uint32Array(words.length);
  const second = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x01000193);
    }
    first[index] = mix32(a);
    second[index] = mix32(b ^ 0x5f3759df);
  }
  return { first, second };
}

/** Each word as one number, exact up to a chance collision of 53 bits (both hashes, the second cut). */
export function wordKeys(hashes: WordHashes): Float64Array {
  const keys = new Float64Array(hashes.first.length);
  for (let index = 0; index < keys.length; index++)
    keys[index] = hashes.first[index]! * 2097152 + (hashes.second[index]! >>> 11);
  return keys;
}

/** True when the `length` words from `i` in x equal those from `j` in y. */
export function sameWords(x: WordHashes, i: number, y: WordHashes, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    if (x.first[i + k] !== y.first[j + k] || x.second[i + k] !== y.second[j + k]) return false;
  }
  return true;
}

/** A 32-bit key of the `length` words from `start` (equal runs have equal keys; not the converse). */
export function runKey(words: WordHashes, start: number, length: number): number {
  let key = 0x9747b28c;
  for (let k = start; k < start + length; k++)
    key = Math.imul(key ^ words.first[k]!, 0x5bd1e995) ^ (key >>> 15);
  return key | 0;
}

/**
 * A 53-bit key of the `length` words from `start`, from both hashes (order-sensitive: "a b" and
 * "b a" differ); two runs have one key only by a chance collision of both.
 */
export function runKey53(words: WordHashes, start: number, length: number): number {
  let high = 0x9747b28c;
  let low = 0x2545f491;
  for (let k = start; k < start + length; k++) {
    high = Math.imul(high ^ words.first[k]!, 0x5bd1e995) ^ (high >>> 15);
    low = Math.imul(low ^ words.second[k]!, 0x5bd1e995) ^ (low >>> 15);
  }
  return mix32(high ^ length) * 2097152 + (mix32(low ^ length) >>> 11);
}

/** The hashes at the given positions, in their order. */
export function pickHashes(hashes: WordHashes, positions: ArrayLike<number>): WordHashes {
  const first = new Uint32Array(positions.length);
  const second = new Uint32Array(positions.length);
  for (let index = 0; index < positions.length; index++) {
    first[index] = hashes.first[positions[index]!]!;
    second[index] = hashes.second[positions[index]!]!;
  }
  return { first, second };
}

const STEM_HASHES = new WeakMap<readonly Token[], WordHashes>();
const NORM_HASHES = new WeakMap<readonly Token[], WordHashes>();

/** The hashes of a token list's stems, worked out once per list (the relation features read them thrice). */
export function stemHashes(tokens: readonly Token[]): WordHashes {
  return cached(STEM_HASHES, tokens, () => wordHashes(tokens.map((token) => token.stem)));
}

/** The hashes of a token list's normalised words, worked out once per list (an article meets many others). */
export function normHashes(tokens: readonly Token[]): WordHashes {
  return cached(NORM_HASHES, tokens, () => wordHashes(tokens.map((token) => token.norm)));
}
