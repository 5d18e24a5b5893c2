/**
 * A bounded map that keeps what is used: entries live in a young and an old generation; when
 * the young one is full it becomes the old one and the previous old one is dropped. An entry
 * read from the old generation moves back to the young one, so words that recur in every
 * document stay while one-off words age out, and memory never exceeds twice the capacity.
 * (A cache cleared whole when full loses its hot entries at once and refills at full cost.)
 */
export class BoundedCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.#young.size >= this.capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }

  /** The cached value, or the one `compute` gives (then cached). */
  getOrCompute(key: K, compute: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
