import { mix32 } from '../fingerprint/hash32.js';
import type { WordHashes } from '../text/word-keys.js';

/**
 * Word n-grams as sorted 53-bit numeric keys instead of sets of joined strings: a trace builds
 * the n-grams of every article for n = 1..5, and strings made most of the garbage a compare left.
 * The two 32-bit hashes of each word (see word-keys) make one 53-bit key per n-gram (a chance
 * collision between two documents' thousand n-grams is about one in ten million pairs, far
 * below a figure's rounding), each n's keys an open-addressing set in one typed array.
 */

/**
 * The distinct keys of one n, in a table at most half full; a slot holds key + 1, so a fresh
 * (zeroed) table is empty without being filled.
 */
export interface GramSet {
  slots: Float64Array;
  size: number;
}

const EMPTY = 0;

/**
 * The distinct n-grams of a word sequence for n = 1..longest, each n as a set of numeric keys:
 * one rolling pass per n extends every (n-1)-gram's hash by the next word.
 */
export function ngramKeysUpTo(hashes: WordHashes, longest: number): GramSet[] {
  const length = hashes.first.length;
  const high = new Uint32Array(length).fill(0x9747b28c);
  const low = new Uint32Array(length).fill(0x2545f491);
  // One buffer for all the tables: one allocation per article, not one per n.
  const sizes = Array.from({ length: longest }, (_, n) => tableSize(Math.max(0, length - n)));
  const buffer = new Float64Array(sizes.reduce((sum, size) => sum + size, 0));
  const byLength: GramSet[] = [];
  let offset = 0;
  for (let n = 1; n <= longest; n++) {
    const count = Math.max(0, length - n + 1);
    const set: GramSet = { slots: buffer.subarray(offset, offset + sizes[n - 1]!), size: 0 };
    offset += sizes[n - 1]!;
    for (let index = 0; index < count; index++) {
      high[index] = extend(high[index]!, hashes.first[index + n - 1]!);
      low[index] = extend(low[index]!, hashes.second[index + n - 1]!);
      add(set, mix32(high[index]! ^ n) * 2097152 + (mix32(low[index]! ^ n) >>> 11) + 1);
    }
    byLength.push(set);
  }
  return byLength;
}

/** One step of an order-sensitive hash of a word sequence ("a b" and "b a" differ). */
function extend(hash: number, word: number): number {
  const mixed = Math.imul(hash ^ word, 0x5bd1e995);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}

/** Share of `own`'s keys found in `theirs` (0 when own is empty); slots hold keys + 1 alike. */
export function gramContainment(own: GramSet, theirs: GramSet): number {
  if (own.size === 0) return 0;
  let shared = 0;
  for (const key of own.slots) if (key !== EMPTY && has(theirs, key)) shared++;
  return shared / own.size;
}

/** Slots for `count` keys at most half full (a power of two). */
function tableSize(count: number): number {
  let slots = 16;
  while (slots < count * 2) slots *= 2;
  return slots;
}

/** A key's first slot: its high 32 bits, already well mixed (the `&` truncates the quotient). */
function home(key: number, mask: number): number {
  return (key / 2097152) & mask;
}

function add(set: GramSet, key: number): void {
  const mask = set.slots.length - 1;
  for (let slot = home(key, mask); ; slot = (slot + 1) & mask) {
    const found = set.slots[slot]!;
    if (found === key) return;
    if (found === EMPTY) {
      set.slots[slot] = key;
      set.size++;
      return;
    }
  }
}

function has(set: GramSet, key: number): boolean {
  const mask = set.slots.length - 1;
  for (let slot = home(key, mask); ; slot = (slot + 1) & mask) {
    const found = set.slots[slot]!;
    if (found === key) return true;
    if (found === EMPTY) return false;
  }
}
