/**
 * Locality-sensitive hashing of MinHash signatures: the signature is cut into bands of `rows`
 * values; two documents become candidates when any band is the same in both. With 16 bands of
 * 8 rows, a pair at Jaccard 0.85 is found with probability 0.99, a pair at 0.5 with 0.06.
 */
export const LSH_BANDS = 16;
export const LSH_ROWS = 8;

/**
 * Pairs [i, j] (i < j, sorted) of signatures that share at least one band. Buckets of more
 * than `maxBucket` documents (boilerplate every page shares) add no pairs for that band.
 */
export function lshCandidatePairs(
  signatures: readonly Uint32Array[],
  bands = LSH_BANDS,
  rows = LSH_ROWS,
  maxBucket = 1000,
): Array<[number, number]> {
  const pairs = new Set<number>();
  const found: Array<[number, number]> = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, document) => {
      if (signature.length < (band + 1) * rows) return;
      const key = bandKey(signature, band * rows, rows);
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [document]);
      else bucket.push(document);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2 || bucket.length > maxBucket) continue;
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]!;
          const j = bucket[y]!;
          const key = i * signatures.length + j;
          if (pairs.has(key)) continue;
          pairs.add(key);
          found.push([i, j]);
        }
      }
    }
  }
  return found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

function bandKey(signature: Uint32Array, start: number, rows: number): string {
  let key = '';
  for (let i = start; i < start + rows; i++) key += `${signature[i]!.toString(36)},`;
  return key;
}
