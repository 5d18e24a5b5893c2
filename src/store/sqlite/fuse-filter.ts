import { upperBound } from '../../sorted-search.js';
import { keyHashFirst, keyHashSecond, mix } from './key-hash.js';

/**
 * A binary fuse filter with 8-bit fingerprints over bucket keys (non-negative safe integers):
 * "certainly absent" or "maybe present", for a set that never changes once written, as a bucket
 * run's keys. After Graf & Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor Filters"
 * (ACM Journal of Experimental Algorithmics 27, 2022): about 9 bits per key and 1/256 (0.39%)
 * false positives, from three byte reads per lookup, where a Bloom filter of 0.2% needs 14 bits
 * and 9 probes.
 *
 * A key's three slots lie in three consecutive segments of a byte array; construction "peels"
 * the keys (a slot held by one key fixes that key's fingerprint last) and then sets each slot so
 * that the three bytes of every key XOR to its fingerprint.
 *
 * The keys are filtered in blocks of up to BLOCK_KEYS consecutive keys (ascending), each block
 * its own filter: building needs some 30 bytes per key of the block at once, not of the whole
 * run, and a block whose peeling fails under every seed tried is split in two, down to blocks of
 * two keys, which always peel; so construction always ends with a filter.
 *
 * Stored layout (little-endian): "FU8" and the format version (1); the block count (uint32);
 * per block its first key (float64), seed, key count, segment length and segment count (uint32
 * each); then the blocks' slot bytes one after another.
 */

const MAGIC = [0x46, 0x55, 0x38] as const;
const FORMAT_VERSION = 1;
const HEADER_BYTES = 8;
const BLOCK_HEADER_BYTES = 24;
/** Keys per block: 2^18 keys peel with 1.15 slots a key (9.2 bits) and take about 8 MB to build. */
const BLOCK_KEYS = 1 << 18;
/** Seeds tried before a block is split (a block peels under its first seed nearly always). */
const SEEDS_PER_BLOCK = 16;
const TWO_TO_MINUS_32 = 2 ** -32;

/** One block, as read: where its slots begin in `FuseFilter.slots` and how its keys hash. */
export interface FuseFilter {
  /** The first key of each block, ascending: a key belongs to the last block starting at or below it. */
  firstKeys: Float64Array;
  seeds: Uint32Array;
  segmentLengths: Uint32Array;
  /** Segment count × segment length: where a key's first slot may lie. */
  spans: Uint32Array;
  /** Where each block's slots begin in `slots`. */
  starts: Uint32Array;
  slots: Uint8Array;
}

/** A block built: its parameters and slots. */
interface Block {
  firstKey: number;
  seed: number;
  keys: number;
  segmentLength: number;
  segmentCount: number;
  slots: Uint8Array;
}

/** How a filter is built; the default suits every use, tests may force a block to split. */
export interface FuseOptions {
  /** Seeds tried before a block that does not peel is split in two. */
  seedsPerBlock?: number;
}

/** The filter of `keys`, in any order, repeats allowed. */
export function fuseFor(keys: ArrayLike<number>, options: FuseOptions = {}): Uint8Array {
  const sorted = Float64Array.from(keys as ArrayLike<number>).sort();
  const builder = new FuseFilterBuilder(options);
  for (const key of sorted) builder.push(key);
  return builder.finish();
}

/** Builds a filter from keys given in ascending order (repeats skipped), a block at a time. */
export class FuseFilterBuilder {
  readonly #blocks: Block[] = [];
  #keys = new Float64Array(1024);
  #size = 0;
  /** The last key pushed (keys are never negative). */
  #last = -1;
  readonly #seeds: number;
  /** Working arrays, reused by every block: a large run's merge builds dozens of blocks in a row. */
  readonly #scratch = new Scratch();

  constructor(options: FuseOptions = {}) {
    this.#seeds = Math.max(1, options.seedsPerBlock ?? SEEDS_PER_BLOCK);
  }

  push(key: number): void {
    if (key === this.#last) return;
    if (key < this.#last) throw new RangeError(`keys out of order: ${key} after ${this.#last}`);
    this.#last = key;
    if (this.#size === this.#keys.length) {
      const larger = new Float64Array(Math.min(BLOCK_KEYS, this.#keys.length * 2));
      larger.set(this.#keys);
      this.#keys = larger;
    }
    this.#keys[this.#size++] = key;
    if (this.#size === BLOCK_KEYS) this.#flush();
  }

  /** The filter's bytes. */
  finish(): Uint8Array {
    this.#flush();
    return encode(this.#blocks);
  }

  #flush(): void {
    if (this.#size === 0) return;
    const keys = this.#keys.subarray(0, this.#size);
    const first = this.#scratch.words('first', keys.length);
    const second = this.#scratch.words('second', keys.length);
    for (let at = 0; at < keys.length; at++) {
      first[at] = keyHashFirst(keys[at]!);
      second[at] = keyHashSecond(keys[at]!);
    }
    buildBlocks(keys, first, second, this.#seeds, this.#scratch, this.#blocks);
    this.#size = 0;
  }
}

/** Whether the filter may hold `key` (never false for a key it was built from). */
export function fuseHas(filter: FuseFilter, key: number): boolean {
  return fuseHasHashed(filter, key, keyHashFirst(key), keyHashSecond(key));
}

/** fuseHas with the key's hash words computed once for many filters. */
export function fuseHasHashed(filter: FuseFilter, key: number, first: number, second: number): boolean {
  const block = fuseBlockOf(filter, key);
  return block >= 0 && fuseBlockHas(filter, block, first, second);
}

/** The block that would hold `key`: the last one starting at or below it (−1 when none does). */
export function fuseBlockOf(filter: FuseFilter, key: number): number {
  return upperBound(filter.firstKeys, key) - 1;
}

/** Whether block `block` may hold the key whose hash words are `first` and `second`. */
export function fuseBlockHas(filter: FuseFilter, block: number, first: number, second: number): boolean {
  const seed = filter.seeds[block]!;
  const x = seed === 0 ? first : seeded(first, seed, 0);
  const y = seed === 0 ? second : seeded(second, seed, 1);
  const segmentLength = filter.segmentLengths[block]!;
  const mask = segmentLength - 1;
  const h0 = Math.floor(x * filter.spans[block]! * TWO_TO_MINUS_32);
  const h1 = (h0 + segmentLength) ^ (((y >>> 18) | (x << 14)) & mask);
  const h2 = (h0 + 2 * segmentLength) ^ (y & mask);
  const slots = filter.slots;
  const start = filter.starts[block]!;
  return ((x ^ y) & 0xff) === (slots[start + h0]! ^ slots[start + h1]! ^ slots[start + h2]!);
}

/** Reads a filter written by FuseFilterBuilder; null when the bytes are not one. */
export function readFuse(bytes: Uint8Array): FuseFilter | null {
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, at) => bytes[at] !== byte)) return null;
  if (bytes[3] !== FORMAT_VERSION) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const slotsAt = HEADER_BYTES + count * BLOCK_HEADER_BYTES;
  if (bytes.length < slotsAt) return null;
  const filter: FuseFilter = {
    firstKeys: new Float64Array(count),
    seeds: new Uint32Array(count),
    segmentLengths: new Uint32Array(count),
    spans: new Uint32Array(count),
    starts: new Uint32Array(count),
    slots: new Uint8Array(0),
  };
  let length = 0;
  for (let block = 0; block < count; block++) {
    const at = HEADER_BYTES + block * BLOCK_HEADER_BYTES;
    filter.firstKeys[block] = view.getFloat64(at, true);
    filter.seeds[block] = view.getUint32(at + 8, true);
    const segmentLength = view.getUint32(at + 16, true);
    const segmentCount = view.getUint32(at + 20, true);
    // A segment length is a power of two, and a key's three slots lie in the block.
    if (segmentLength === 0 || (segmentLength & (segmentLength - 1)) !== 0 || segmentCount === 0) return null;
    filter.segmentLengths[block] = segmentLength;
    filter.spans[block] = segmentCount * segmentLength;
    filter.starts[block] = length;
    length += (segmentCount + 2) * segmentLength;
  }
  // One trailing byte may pad the filter (see run-filter.ts).
  if (bytes.length !== slotsAt + length && bytes.length !== slotsAt + length + 1) return null;
  // A copy: the filter outlives the row it was read from, and keeps none of its buffer.
  filter.slots = bytes.slice(slotsAt, slotsAt + length);
  return filter;
}

/** The number of bytes a filter takes in memory (its slots and block table). */
export function fuseBytes(filter: FuseFilter): number {
  return filter.slots.length + filter.firstKeys.length * BLOCK_HEADER_BYTES;
}

/** A hash word under seed `seed` (seed 0 is the word itself): a new, independent-looking function of the key. */
function seeded(word: number, seed: number, which: 0 | 1): number {
  return mix(word ^ mix(Math.imul(seed, 0x9e3779b9) ^ (which === 0 ? 0x7f4a7c15 : 0x2545f491)));
}

/** Builds `keys` as one block, or, when it will not peel, as two halves, each the same way. */
function buildBlocks(
  keys: Float64Array,
  first: Uint32Array,
  second: Uint32Array,
  seeds: number,
  scratch: Scratch,
  into: Block[],
): void {
  for (let seed = 0; seed < seeds; seed++) {
    const block = tryBlock(first, second, seed, scratch);
    if (block !== null) {
      into.push({ ...block, firstKey: keys[0]! });
      return;
    }
  }
  // Two keys whose hash words differ always peel (their three slots each lie in three different
  // segments), and one key does, so the halving ends.
  if (keys.length < 2) throw new Error('a filter block of one key did not peel');
  const middle = keys.length >>> 1;
  buildBlocks(
    keys.subarray(0, middle),
    first.subarray(0, middle),
    second.subarray(0, middle),
    seeds,
    scratch,
    into,
  );
  buildBlocks(keys.subarray(middle), first.subarray(middle), second.subarray(middle), seeds, scratch, into);
}

/** The paper's sizing: segments of 2^⌊log_3.33(n) + 2.25⌋ slots, n × max(1.125, 0.875 + 0.25 ln 10^6 / ln n) slots. */
function sizing(keys: number): { segmentLength: number; segmentCount: number } {
  const segmentLength =
    keys === 0 ? 4 : Math.min(1 << 18, 2 ** Math.floor(Math.log(keys) / Math.log(3.33) + 2.25));
  const factor = keys <= 1 ? 0 : Math.max(1.125, 0.875 + (0.25 * Math.log(1e6)) / Math.log(keys));
  const capacity = Math.round(keys * factor);
  const segmentCount = Math.max(1, Math.ceil(capacity / segmentLength) - 2);
  return { segmentLength, segmentCount };
}

/** One try at a block under `seed`: its slots, or null when the keys do not all peel. */
function tryBlock(
  first: Uint32Array,
  second: Uint32Array,
  seed: number,
  scratch: Scratch,
): Omit<Block, 'firstKey'> | null {
  const size = first.length;
  const { segmentLength, segmentCount } = sizing(size);
  const mask = segmentLength - 1;
  const span = segmentCount * segmentLength;
  const length = (segmentCount + 2) * segmentLength;
  let xs = first;
  let ys = second;
  if (seed !== 0) {
    xs = scratch.words('seededFirst', size);
    ys = scratch.words('seededSecond', size);
    for (let key = 0; key < size; key++) {
      xs[key] = seeded(first[key]!, seed, 0);
      ys[key] = seeded(second[key]!, seed, 1);
    }
  }
  // Per slot: how many keys hold it (times 4) with the XOR of which of their three slots it is
  // (low 2 bits), and the XOR of those keys' positions in the block: a slot held by one key names
  // it. (Two keys whose hash words agree never peel: their block is split until they part.)
  const counts = scratch.bytes('counts', length).fill(0);
  const held = scratch.words('held', length).fill(0);
  for (let key = 0; key < size; key++) {
    const x = xs[key]!;
    const y = ys[key]!;
    const h0 = Math.floor(x * span * TWO_TO_MINUS_32);
    const h1 = (h0 + segmentLength) ^ (((y >>> 18) | (x << 14)) & mask);
    const h2 = (h0 + 2 * segmentLength) ^ (y & mask);
    counts[h0] = counts[h0]! + 4;
    counts[h1] = (counts[h1]! + 4) ^ 1;
    counts[h2] = (counts[h2]! + 4) ^ 2;
    held[h0] = held[h0]! ^ key;
    held[h1] = held[h1]! ^ key;
    held[h2] = held[h2]! ^ key;
    // A slot held by 64 keys overflows its count: rare enough to try another seed.
    if (counts[h0]! < 4 || counts[h1]! < 4 || counts[h2]! < 4) return null;
  }
  // Peel: take a slot held by one key, remove that key from its other two slots, repeat.
  const alone = scratch.words('alone', length);
  let queued = 0;
  for (let slot = 0; slot < length; slot++) if (counts[slot]! >> 2 === 1) alone[queued++] = slot;
  const order = scratch.words('order', size);
  const orderWhich = scratch.bytes('orderWhich', size);
  const at = new Uint32Array(5);
  let peeled = 0;
  while (queued > 0) {
    const slot = alone[--queued]!;
    if (counts[slot]! >> 2 !== 1) continue;
    const key = held[slot]!;
    const which = counts[slot]! & 3;
    const x = xs[key]!;
    const y = ys[key]!;
    placeSlots(x, y, span, segmentLength, at);
    order[peeled] = key;
    orderWhich[peeled] = which;
    peeled++;
    const other1 = at[which + 1]!;
    if (counts[other1]! >> 2 === 2) alone[queued++] = other1;
    counts[other1] = (counts[other1]! - 4) ^ (which === 2 ? 0 : which + 1);
    held[other1] = held[other1]! ^ key;
    const other2 = at[which + 2]!;
    if (counts[other2]! >> 2 === 2) alone[queued++] = other2;
    counts[other2] = (counts[other2]! - 4) ^ (which === 0 ? 2 : which - 1);
    held[other2] = held[other2]! ^ key;
    counts[slot] = 0;
  }
  if (peeled !== size) return null;
  // Assign in reverse peeling order: each key's own slot is still free when its turn comes.
  const slots = new Uint8Array(length);
  for (let step = peeled - 1; step >= 0; step--) {
    const key = order[step]!;
    const which = orderWhich[step]!;
    const x = xs[key]!;
    const y = ys[key]!;
    placeSlots(x, y, span, segmentLength, at);
    slots[at[which]!] = x ^ y ^ slots[at[which + 1]!]! ^ slots[at[which + 2]!]!;
  }
  return { seed, keys: size, segmentLength, segmentCount, slots };
}

/**
 * The arrays a block's construction works in, kept from one block to the next and grown when a
 * block needs more: about 30 bytes per key of the largest block, allocated once per filter
 * rather than once per block (fresh arrays per block piled up between collections during a
 * large merge). Each call returns a view of the length asked, holding whatever the last block left there.
 */
class Scratch {
  readonly #arrays = new Map<ScratchWords | ScratchBytes, Uint32Array | Uint8Array>();

  words(name: ScratchWords, length: number): Uint32Array {
    return this.#view(name, length, Uint32Array);
  }

  bytes(name: ScratchBytes, length: number): Uint8Array {
    return this.#view(name, length, Uint8Array);
  }

  #view<T extends Uint32Array | Uint8Array>(
    name: ScratchWords | ScratchBytes,
    length: number,
    Kind: new (length: number) => T,
  ): T {
    let array = this.#arrays.get(name) as T | undefined;
    if (array === undefined || array.length < length) {
      array = new Kind(length);
      this.#arrays.set(name, array);
    }
    return array.subarray(0, length) as T;
  }
}

type ScratchWords = 'first' | 'second' | 'seededFirst' | 'seededSecond' | 'held' | 'alone' | 'order';
type ScratchBytes = 'counts' | 'orderWhich';

/**
 * A key's three slots (hash words `x`, `y`) into at[0..2], with at[3] and at[4] repeating the
 * first two, so that at[which + 1] and at[which + 2] are the other two slots of slot `which`.
 */
function placeSlots(x: number, y: number, span: number, segmentLength: number, at: Uint32Array): void {
  const h0 = Math.floor(x * span * TWO_TO_MINUS_32);
  at[0] = h0;
  at[1] = (h0 + segmentLength) ^ (((y >>> 18) | (x << 14)) & (segmentLength - 1));
  at[2] = (h0 + 2 * segmentLength) ^ (y & (segmentLength - 1));
  at[3] = at[0]!;
  at[4] = at[1]!;
}

function encode(blocks: readonly Block[]): Uint8Array {
  const slotsAt = HEADER_BYTES + blocks.length * BLOCK_HEADER_BYTES;
  const bytes = new Uint8Array(slotsAt + blocks.reduce((sum, block) => sum + block.slots.length, 0));
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  bytes[3] = FORMAT_VERSION;
  view.setUint32(4, blocks.length, true);
  let slotAt = slotsAt;
  blocks.forEach((block, index) => {
    const at = HEADER_BYTES + index * BLOCK_HEADER_BYTES;
    view.setFloat64(at, block.firstKey, true);
    view.setUint32(at + 8, block.seed, true);
    view.setUint32(at + 12, block.keys, true);
    view.setUint32(at + 16, block.segmentLength, true);
    view.setUint32(at + 20, block.segmentCount, true);
    bytes.set(block.slots, slotAt);
    slotAt += block.slots.length;
  });
  return bytes;
}
