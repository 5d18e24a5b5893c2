import { mix32 } from '../fingerprint/hash32.js';
import type { WordHashes } from '../text/word-keys.js';

/**
 * Word n-grams as sorted 53-bit numeric keys instead of sets of joined strings: a trace builds
 * the n-grams of every article for n = 1..5, and strings made most of the garbage a compare left.
 * The two 32-bit hashes of each word (see word-keys) make one 53-bit key per n-gram (a chance
 * collision between two documents' thousand n-grams is about one in ten million pairs, far
 * below a figure's rounding), and containment is a merge of two sorted arrays.
 */

/**
 * The distinct n-grams of a word sequence for n = 1..longest, each as ascending numeric keys:
 * one rolling pass per n extends every (n-1)-gram's hash by the next word.
 */
export function ngramKeysUpTo(hashes: WordHashes, longest: number): Float64Array[] {
  const length = hashes.first.length;
  const high = new Uint32Array(length).fill(0x9747b28c);
  const low = new Uint32Array(length).fill(0x2545f491);
  const byLength: Float64Array[] = [];
  for (let n = 1; n <= longest; n++) {
    const count = Math.max(0, length - n + 1);
    const keys = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      high[index] = extend(high[index]!, hashes.first[index + n - 1]!);
      low[index] = extend(low[index]!, hashes.second[index + n - 1]!);
      keys[index] = mix32(high[index]! ^ n) * 2097152 + (mix32(low[index]! ^ n) >>> 11);
    }
    keys.sort();
    byLength.push(distinctSorted(keys));
  }
  return byLength;
}

/** One step of an order-sensitive hash of a word sequence ("a b" and "b a" differ). */
function extend(hash: number, word: number): number {
  const mixed = Math.imul(hash ^ word, 0x5bd1e995);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}

/** Share of `own`'s keys found in `theirs` (0 when own is empty); both ascending and distinct. */
export function sortedContainment(own: Float64Array, theirs: Float64Array): number {
  if (own.length === 0) return 0;
  let shared = 0;
  let j = 0;
  for (let i = 0; i < own.length && j < theirs.length; i++) {
    const key = own[i]!;
    while (j < theirs.length && theirs[j]! < key) j++;
    if (j < theirs.length && theirs[j] === key) shared++;
  }
  return shared / own.length;
}

function distinctSorted(keys: Float64Array): Float64Array {
  let kept = 0;
  for (let index = 0; index < keys.length; index++) {
    if (index === 0 || keys[index] !== keys[kept - 1]) keys[kept++] = keys[index]!;
  }
  return keys.subarray(0, kept);
}
