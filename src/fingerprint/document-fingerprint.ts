import { distinctCount, type FeatureSets, textFeatureSets } from './features.js';
import { FingerprintScratch } from './scratch.js';
import { bandKeys, estimateContainment, estimateJaccard, minhash } from './signature.js';

/**
 * A document's fingerprint for the corpus: one MinHash signature per feature family (see
 * features.ts) with the size of each feature set, and the LSH keys it is filed under.
 */

/** Bumped whenever features, signature lengths or bands change: stored fingerprints would no longer compare. */
export const FINGERPRINT_VERSION = 1;

export type FamilyName = keyof FeatureSets;

interface FamilySpec {
  name: FamilyName;
  /** Hash functions in the signature. */
  length: number;
  /** Signature positions per LSH band: two sets with Jaccard J share a band with probability 1 - (1 - J^rows)^bands. */
  rows: number;
}

/**
 * 2-row bands find sets down to a Jaccard of about 0.25 (a copy that keeps a third of its source)
 * with probability ≥ 0.9; unrelated articles share almost no shingles, so they rarely meet.
 */
export const FAMILIES: readonly FamilySpec[] = [
  { name: 'words', length: 64, rows: 2 },
  { name: 'skeleton', length: 64, rows: 2 },
  { name: 'entities', length: 32, rows: 2 },
];

export interface DocumentFingerprint {
  /** Distinct features per family, in FAMILIES order. */
  sizes: number[];
  /** One signature per family, in FAMILIES order. */
  signatures: Uint32Array[];
}

/** `scratch`: working arrays reused across the documents of one task (see FingerprintScratch). */
export function fingerprintText(text: string, scratch = new FingerprintScratch()): DocumentFingerprint {
  const sets = textFeatureSets(text, scratch);
  return {
    sizes: FAMILIES.map((family) => distinctCount(sets[family.name], scratch)),
    signatures: FAMILIES.map((family) => minhash(sets[family.name], family.length)),
  };
}

/** The LSH keys of every family's bands. */
export function fingerprintKeys(fingerprint: DocumentFingerprint): number[] {
  return FAMILIES.flatMap((family, index) => bandKeys(fingerprint.signatures[index]!, family.rows, index));
}

/** Estimated resemblance of two documents in each family. */
export type FamilySimilarity = Record<FamilyName, { jaccard: number; containment: number }>;

export function fingerprintSimilarity(a: DocumentFingerprint, b: DocumentFingerprint): FamilySimilarity {
  const entries = FAMILIES.map((family, index) => {
    const jaccard = estimateJaccard(a.signatures[index]!, b.signatures[index]!);
    const containment = estimateContainment(jaccard, a.sizes[index]!, b.sizes[index]!);
    return [family.name, { jaccard, containment }] as const;
  });
  return Object.fromEntries(entries) as FamilySimilarity;
}

/** Bytes: the family sizes, then the signatures, as little-endian 32-bit words. */
export function encodeFingerprint(fingerprint: DocumentFingerprint): Uint8Array {
  const words = new Uint32Array(FAMILIES.length + FAMILIES.reduce((sum, family) => sum + family.length, 0));
  fingerprint.sizes.forEach((size, index) => {
    words[index] = size;
  });
  let at = FAMILIES.length;
  for (const signature of fingerprint.signatures) {
    words.set(signature, at);
    at += signature.length;
  }
  return new Uint8Array(words.buffer);
}

export function decodeFingerprint(bytes: Uint8Array): DocumentFingerprint {
  const copy = new Uint8Array(bytes); // aligned, and not a view on a buffer that may be reused
  const words = new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
  const sizes = Array.from(words.subarray(0, FAMILIES.length));
  let at = FAMILIES.length;
  const signatures = FAMILIES.map((family) => {
    const signature = words.slice(at, at + family.length);
    at += family.length;
    return signature;
  });
  return { sizes, signatures };
}
