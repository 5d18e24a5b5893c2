import { sortEntriesByKey } from '../radix-sort.js';
import { lowerBound } from '../sorted-search.js';

/**
 * The bucket keys of a batch's new documents, so each can find the earlier ones it shares keys
 * with. Keys sorted in a typed array and searched by position: a Map keyed by these large
 * numbers (80 per document) costs V8 far more to hash than the sort.
 */
export class BatchBuckets {
  /** Every key of every document, ascending. */
  readonly #keys: Float64Array;
  /** The document (its position in the batch) of each entry; ascending within one key. */
  readonly #documents: Uint32Array;

  constructor(keyLists: readonly (readonly number[])[]) {
    let total = 0;
    for (const keys of keyLists) total += keys.length;
    this.#keys = new Float64Array(total);
    this.#documents = new Uint32Array(total);
    let size = 0;
    keyLists.forEach((keys, document) => {
      for (const key of keys) {
        this.#keys[size] = key;
        this.#documents[size++] = document;
      }
    });
    // Stable: the entries of a key keep batch order, documents ascending.
    sortEntriesByKey(this.#keys, this.#documents);
  }

  /** Calls `visit` with each document before `before` filed under `key` (once per filing). */
  forEarlier(key: number, before: number, visit: (document: number) => void): void {
    for (let at = lowerBound(this.#keys, key); at < this.#keys.length && this.#keys[at] === key; at++) {
      const document = this.#documents[at]!;
      if (document >= before) return;
      visit(document);
    }
  }
}
