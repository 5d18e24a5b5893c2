/**
 * Values keyed by pairs of small non-negative integers (word form ids), bounded in size: two
 * generations, each an open-addressing hash table whose keys sit in typed arrays, so that
 * millions of lookups allocate nothing. When the young generation holds `capacity` pairs it
 * becomes the old one and the previous old one is dropped; a pair read from the old one moves
 * back. Pairs that recur stay cached; memory never exceeds two tables.
 */
export class IntPairCache<V> {
  #young: PairTable<V>;
  #old: PairTable<V>;
  /**
   * The pairs read last, one per slot of a direct-mapped table of about a megabyte that stays
   * in the processor's cache: an alignment asks for the same few thousand pairs over and over,
   * and a probe of the large generations is a cache miss.
   */
  readonly #recentFirsts = new Int32Array(RECENT_SLOTS).fill(-1);
  readonly #recentSeconds = new Int32Array(RECENT_SLOTS);
  readonly #recentValues = new Array<V | undefined>(RECENT_SLOTS).fill(undefined);

  constructor(private readonly capacity: number) {
    this.#young = new PairTable(capacity);
    this.#old = new PairTable(capacity);
  }

  get(x: number, y: number): V | undefined {
    const recent = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca77)) >>> (32 - RECENT_BITS);
    if (this.#recentFirsts[recent] === x && this.#recentSeconds[recent] === y)
      return this.#recentValues[recent];
    let value = this.#young.get(x, y);
    if (value === undefined) {
      value = this.#old.get(x, y);
      if (value === undefined) return undefined;
      this.set(x, y, value);
    }
    this.#recentFirsts[recent] = x;
    this.#recentSeconds[recent] = y;
    this.#recentValues[recent] = value;
    return value;
  }

  set(x: number, y: number, value: V): void {
    if (this.#young.size >= this.capacity) {
      const emptied = this.#old;
      emptied.clear();
      this.#old = this.#young;
      this.#young = emptied;
    }
    this.#young.set(x, y, value);
  }

  clear(): void {
    this.#young.clear();
    this.#old.clear();
    this.#recentFirsts.fill(-1);
    this.#recentValues.fill(undefined);
  }
}

const RECENT_BITS = 16;
const RECENT_SLOTS = 1 << RECENT_BITS;

/** Slots a generation starts with: it doubles as it fills, up to twice its capacity. */
const INITIAL_SLOTS = 1 << 14;

/**
 * One generation: linear probing in a table at most half full, which starts small and doubles
 * as it fills, so a short run (or a corpus thread that compares little) holds little memory.
 * Slots hold the pair and the index of its value in a dense list: growing moves numbers only.
 */
class PairTable<V> {
  #firsts: Int32Array;
  #seconds: Int32Array;
  #entries: Int32Array;
  readonly #values: V[] = [];
  #mask: number;

  constructor(capacity: number) {
    const slots = Math.min(INITIAL_SLOTS, slotsFor(capacity));
    this.#firsts = new Int32Array(slots).fill(-1);
    this.#seconds = new Int32Array(slots);
    this.#entries = new Int32Array(slots);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#values.length;
  }

  get(x: number, y: number): V | undefined {
    const firsts = this.#firsts;
    for (let slot = this.#home(x, y); ; slot = (slot + 1) & this.#mask) {
      const first = firsts[slot]!;
      if (first === -1) return undefined;
      if (first === x && this.#seconds[slot] === y) return this.#values[this.#entries[slot]!];
    }
  }

  set(x: number, y: number, value: V): void {
    if ((this.#values.length + 1) * 2 > this.#firsts.length) this.#grow();
    const slot = this.#slotOf(x, y);
    if (this.#firsts[slot] === -1) {
      this.#firsts[slot] = x;
      this.#seconds[slot] = y;
      this.#entries[slot] = this.#values.length;
      this.#values.push(value);
    } else {
      this.#values[this.#entries[slot]!] = value;
    }
  }

  clear(): void {
    if (this.#values.length === 0) return;
    this.#firsts.fill(-1);
    this.#values.length = 0;
  }

  /** The pair's slot, or the empty slot where it belongs. */
  #slotOf(x: number, y: number): number {
    const firsts = this.#firsts;
    for (let slot = this.#home(x, y); ; slot = (slot + 1) & this.#mask) {
      const first = firsts[slot]!;
      if (first === -1 || (first === x && this.#seconds[slot] === y)) return slot;
    }
  }

  #grow(): void {
    const [firsts, seconds, entries] = [this.#firsts, this.#seconds, this.#entries];
    const slots = firsts.length * 2;
    this.#firsts = new Int32Array(slots).fill(-1);
    this.#seconds = new Int32Array(slots);
    this.#entries = new Int32Array(slots);
    this.#mask = slots - 1;
    for (let old = 0; old < firsts.length; old++) {
      if (firsts[old] === -1) continue;
      const slot = this.#slotOf(firsts[old]!, seconds[old]!);
      this.#firsts[slot] = firsts[old]!;
      this.#seconds[slot] = seconds[old]!;
      this.#entries[slot] = entries[old]!;
    }
  }

  /** Where the pair's probe starts. */
  #home(x: number, y: number): number {
    // MurmurHash3's finaliser over x and the mixed y: form ids are small and dense, and a linear
    // mix of the two (x·a ^ y·b) puts many pairs on one value, which makes probes long.
    return fmix32(Math.imul(x, 0x9e3779b1) ^ fmix32(y)) & this.#mask;
  }
}

function fmix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** The power of two that holds `capacity` pairs at most half full. */
function slotsFor(capacity: number): number {
  let slots = 16;
  while (slots < capacity * 2) slots *= 2;
  return slots;
}
