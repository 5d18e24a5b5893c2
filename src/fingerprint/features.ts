import { hashSequence, hashString } from './hash32.js';
import { type FingerprintWord, lightStem } from './word-stream.js';

/**
 * The three feature sets a document is fingerprinted by, each surviving a different kind of reuse:
 *
 * - `words`: shingles of consecutive (lightly stemmed) words. Verbatim, trimmed and wrapped
 *   copies share most of them.
 * - `skeleton`: shingles where each content word is replaced by one wildcard and function
 *   words, names and numbers are kept. A spinner that swaps words for synonyms keeps the
 *   skeleton intact ("the * * of NATO said on Tuesday" survives "difficult" → "problematic").
 * - `entities`: pairs of nearby names and numbers, and shingles of quoted words. A rewording
 *   keeps who, how many and what was said, in much the same order, while every other word
 *   may change.
 */
export interface FeatureSets {
  words: Uint32Array;
  skeleton: Uint32Array;
  entities: Uint32Array;
}

/** Words per shingle of the `words` family. */
const WORD_SHINGLE = 4;
/** Tokens per skeleton shingle, and how many of them must be kept words (not wildcards). */
const SKELETON_SHINGLE = 8;
const SKELETON_MIN_KEPT = 4;
/** Names/numbers further apart than this in the entity sequence are not paired. */
const ENTITY_REACH = 3;
/** Quoted content words per quote shingle. */
const QUOTE_SHINGLE = 3;

const WILDCARD = hashString('\u0000*');

export function featureSets(words: readonly FingerprintWord[]): FeatureSets {
  return { words: wordShingles(words), skeleton: skeletonShingles(words), entities: entityFeatures(words) };
}

function wordShingles(words: readonly FingerprintWord[]): Uint32Array {
  const hashes = Uint32Array.from(words, (word) => hashString(lightStem(word.norm)));
  return shingles(hashes, WORD_SHINGLE);
}

function skeletonShingles(words: readonly FingerprintWord[]): Uint32Array {
  const hashes = new Uint32Array(words.length);
  const kept = new Uint8Array(words.length);
  words.forEach((word, index) => {
    const keep = word.stop || word.isNumber || word.name;
    hashes[index] = keep ? hashString(word.norm) : WILDCARD;
    kept[index] = keep ? 1 : 0;
  });
  const features: number[] = [];
  let keptInWindow = 0;
  for (let end = 0; end < words.length; end++) {
    keptInWindow += kept[end]!;
    const start = end - SKELETON_SHINGLE + 1;
    if (start < 0) continue;
    if (keptInWindow >= SKELETON_MIN_KEPT) features.push(hashSequence(hashes, start, end + 1));
    keptInWindow -= kept[start]!;
  }
  return Uint32Array.from(features);
}

function entityFeatures(words: readonly FingerprintWord[]): Uint32Array {
  const entities: number[] = [];
  for (const word of words) if (word.name || word.isNumber) entities.push(hashString(word.norm));
  const features: number[] = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j <= i + ENTITY_REACH && j < entities.length; j++) {
      // Unordered: a rewording may say "Blinken and Stoltenberg" where the source said the reverse.
      const [low, high] =
        entities[i]! < entities[j]! ? [entities[i]!, entities[j]!] : [entities[j]!, entities[i]!];
      if (low !== high) features.push(hashSequence([low, high], 0, 2));
    }
  }
  const quoted = Uint32Array.from(
    words.filter((word) => word.quoted && !word.stop),
    (word) => hashString(lightStem(word.norm)),
  );
  for (const feature of shingles(quoted, QUOTE_SHINGLE)) features.push(feature);
  return Uint32Array.from(features);
}

/** Hashes of every run of `size` consecutive hashes (the whole sequence when it is shorter). */
function shingles(hashes: Uint32Array, size: number): Uint32Array {
  if (hashes.length === 0) return new Uint32Array(0);
  if (hashes.length <= size) return Uint32Array.of(hashSequence(hashes, 0, hashes.length));
  const result = new Uint32Array(hashes.length - size + 1);
  for (let start = 0; start < result.length; start++)
    result[start] = hashSequence(hashes, start, start + size);
  return result;
}

/** Number of distinct values: the set size that containment estimates need. */
export function distinctCount(values: Uint32Array): number {
  const sorted = Uint32Array.from(values).sort();
  let count = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}
