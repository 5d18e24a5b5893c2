import { sortEntriesByKey } from '../radix-sort.js';

/**
 * For each document of a batch (bucket keys given in batch order), the earlier documents it
 * shares keys with and how many keys each shares. One pass over the batch's entries sorted by
 * key: the documents filed under a key meet there, so most keys (held by one document) cost
 * nothing, where looking each document's keys up by binary search cost a string of cache misses
 * per key. Typed arrays, no Map keyed by these large numbers: V8 hashes them slowly.
 */
export function sharedWithEarlier(keyLists: readonly (readonly number[])[]): ReadonlyMap<number, number>[] {
  let total = 0;
  for (const keys of keyLists) total += keys.length;
  const keys = new Float64Array(total);
  const documents = new Uint32Array(total);
  let size = 0;
  keyLists.forEach((list, document) => {
    for (const key of list) {
      keys[size] = key;
      documents[size++] = document;
    }
  });
  // Stable: under each key the documents stay in batch order, earlier first.
  sortEntriesByKey(keys, documents);
  const shared: (Map<number, number> | undefined)[] = new Array(keyLists.length);
  for (let start = 0; start < total; ) {
    let end = start + 1;
    while (end < total && keys[end] === keys[start]) end++;
    for (let later = start + 1; later < end; later++) {
      const document = documents[later]!;
      for (let earlier = start; earlier < later; earlier++) {
        const other = documents[earlier]!;
        if (other === document) continue; // a key a document lists twice
        let counts = shared[document];
        if (counts === undefined) {
          counts = new Map();
          shared[document] = counts;
        }
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    start = end;
  }
  return Array.from(shared, (counts) => counts ?? new Map());
}
