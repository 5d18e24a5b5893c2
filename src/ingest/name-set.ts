import { wordHashes, wordKeys } from '../text/word-keys.js';

/**
 * The names a file's records took, kept as 53-bit hashes in an open-addressing table: a crawl
 * file of millions of records would otherwise hold every name as a string (over a hundred bytes
 * each with its set entry) for the whole run. Two different names share a hash with odds of
 * about n²/2^54 (5 in 100,000 for a file of a million records); the later record is then named
 * by its line, as when its name is taken.
 */
export class NameSet {
  /** Hash + 1 of each name held (0: an empty slot). */
  #slots = new Float64Array(1024);
  #size = 0;

  has(name: string): boolean {
    const hash = nameHash(name);
    const mask = this.#slots.length - 1;
    for (let slot = hash % this.#slots.length; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot]!;
      if (held === 0) return false;
      if (held === hash + 1) return true;
    }
  }

  add(name: string): void {
    if (this.has(name)) return;
    if ((this.#size + 1) * 2 > this.#slots.length) this.#grow();
    this.#place(nameHash(name));
    this.#size++;
  }

  #place(hash: number): void {
    const mask = this.#slots.length - 1;
    let slot = hash % this.#slots.length;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = hash + 1;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2);
    for (const held of old) if (held !== 0) this.#place(held - 1);
  }
}

/** The name's 53-bit key, as words are keyed (word-keys.ts). */
function nameHash(name: string): number {
  return wordKeys(wordHashes([name]))[0]!;
}
