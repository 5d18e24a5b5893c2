import { mix32 } from './hash32.js';

/**
 * MinHash signatures of feature sets and their LSH band keys. A signature holds, for each of its
 * `length` hash functions, the smallest hashed feature; two sets agree on a position with
 * probability equal to their Jaccard similarity.
 */

const BIN_SEED = 0x2545f491;
const VALUE_SEED = 0x68e31da4;
const EMPTY = 0xffffffff;

/**
 * The MinHash signature of a set of 32-bit features (duplicates do not matter), by one-permutation
 * hashing: each feature is hashed once, falls into one of `length` bins and competes for that
 * bin's minimum, so the cost does not grow with the signature length. An empty bin borrows from
 * the next filled one (rotation densification, Shrivastava 2017), the same way in every document.
 */
export function minhash(features: ArrayLike<number>, length: number): Uint32Array {
  const signature = new Uint32Array(length).fill(EMPTY);
  for (let i = 0; i < features.length; i++) {
    const feature = features[i]!;
    const bin = Math.floor((mix32(feature ^ BIN_SEED) * length) / 2 ** 32);
    const value = mix32(feature ^ VALUE_SEED);
    if (value < signature[bin]!) signature[bin] = value;
  }
  densify(signature);
  return signature;
}

function densify(signature: Uint32Array): void {
  const length = signature.length;
  let filled = -1;
  for (let k = 0; k < length; k++) if (signature[k] !== EMPTY) filled = k;
  if (filled < 0) return;
  const source = Uint32Array.from(signature);
  for (let k = 0; k < length; k++) {
    if (source[k] !== EMPTY) continue;
    let distance = 1;
    while (source[(k + distance) % length] === EMPTY) distance++;
    signature[k] = mix32(source[(k + distance) % length]! ^ Math.imul(distance, 0x9e3779b9));
  }
}

/** Share of positions where two signatures of one length agree: an estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a[0] === EMPTY || b[0] === EMPTY) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/**
 * How much of the smaller set the other holds, from the Jaccard estimate and both set sizes:
 * |A ∩ B| = J (|A| + |B|) / (1 + J). Partial copies have a low Jaccard but a high containment.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * smaller));
}

/**
 * LSH band keys: the signature cut into bands of `rows` positions, each band hashed to 32 bits and
 * tagged with its family and band number, so keys of different bands never meet. Keys stay below
 * 2^53 (safe integers in JavaScript and 64-bit integers in every store).
 */
export function bandKeys(signature: Uint32Array, rows: number, family: number): number[] {
  if (signature.length === 0 || signature[0] === EMPTY) return [];
  const keys: number[] = [];
  for (let band = 0; band * rows < signature.length; band++) {
    let hash = 0x27d4eb2f ^ band;
    for (let row = band * rows; row < Math.min((band + 1) * rows, signature.length); row++) {
      hash = mix32(Math.imul(hash, 0x5bd1e995) ^ signature[row]!);
    }
    keys.push((family * 1024 + band) * 2 ** 32 + hash);
  }
  return keys;
}
