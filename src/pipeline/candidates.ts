import { TOPICAL_WEIGHT, vocabularyOf } from '../align/vocabulary.js';
import { lshCandidatePairs } from '../fingerprint/lsh.js';
import { estimateJaccard, minhashSignature, shingleHashes } from '../fingerprint/minhash.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { termCounts } from '../provenance/stories.js';
import type { Lexicon } from '../text/lexicon.js';

/**
 * What candidate selection needs of an article, as plain data (it crosses worker boundaries):
 * its content vocabulary and a MinHash signature of its word shingles.
 */
export interface ArticleFingerprint {
  /** Content stems in the vocabulary's own order, with their weights. */
  stems: string[];
  weights: Float64Array;
  /** How often each stem occurs: story grouping weighs words by TF-IDF. */
  counts: Uint32Array;
  signature: Uint32Array;
}

export function fingerprintArticle(article: AnalysedArticle, lexicon: Lexicon): ArticleFingerprint {
  const vocabulary = vocabularyOf(article, lexicon);
  const stems = [...vocabulary.keys()];
  const counts = termCounts(article);
  return {
    stems,
    weights: Float64Array.from(vocabulary.values()),
    counts: Uint32Array.from(stems, (stem) => counts.get(stem) ?? 0),
    signature: minhashSignature(shingleHashes(article.tokens.map((token) => token.norm))),
  };
}

/**
 * Pairs sharing less of their topical vocabulary than this are not compared at all: well below
 * the same-story threshold, and below what any copy keeps of its source.
 */
export const CANDIDATE_OVERLAP = 0.2;

/**
 * The pairs [i, j] (i < j) whose topical vocabularies overlap by CANDIDATE_OVERLAP or more, as
 * shareVocabulary measures it, found through an inverted index from stems to documents instead
 * of testing every pair: the work grows with the shared words, not with the square of the
 * count. The sums run in the same order as shareVocabulary's, so the same pairs come out.
 */
export function vocabularyCandidates(fingerprints: readonly ArticleFingerprint[]): Array<[number, number]> {
  const count = fingerprints.length;
  const postings = new Map<string, number[]>();
  const topicalSizes = new Uint32Array(count);
  const topicalTotals = new Float64Array(count);
  fingerprints.forEach((fingerprint, document) => {
    fingerprint.stems.forEach((stem, index) => {
      const list = postings.get(stem);
      if (list === undefined) postings.set(stem, [document]);
      else list.push(document);
      const weight = fingerprint.weights[index]!;
      if (weight >= TOPICAL_WEIGHT) {
        topicalSizes[document]!++;
        topicalTotals[document]! += weight;
      }
    });
  });
  const pairs: Array<[number, number]> = [];
  const shared = new Float64Array(count);
  const touched: number[] = [];
  fingerprints.forEach((fingerprint, small) => {
    if (topicalTotals[small] === 0) return;
    fingerprint.stems.forEach((stem, index) => {
      const weight = fingerprint.weights[index]!;
      if (weight < TOPICAL_WEIGHT) return;
      for (const other of postings.get(stem)!) {
        if (other === small) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]! += weight;
      }
    });
    for (const other of touched) {
      // shareVocabulary(x, y) reads the side with fewer topical words, x on a tie (x = the earlier).
      const isSmallSide =
        topicalSizes[small]! < topicalSizes[other]! ||
        (topicalSizes[small] === topicalSizes[other] && small < other);
      if (isSmallSide && shared[other]! / topicalTotals[small]! >= CANDIDATE_OVERLAP) {
        pairs.push(small < other ? [small, other] : [other, small]);
      }
      shared[other] = 0;
    }
    touched.length = 0;
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Estimated Jaccard of word shingles from which two documents count as near-exact duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.9;

/**
 * Near-exact duplicates: for each document, the representative it is compared against instead
 * of every other candidate (itself when it represents its group or has no near duplicate).
 * Groups are built in the order of `order` (a content order, so the input order does not
 * matter): the first document not yet placed represents every unplaced LSH neighbour whose
 * estimated Jaccard with it reaches NEAR_DUPLICATE_JACCARD.
 */
export function nearDuplicateRepresentatives(
  fingerprints: readonly ArticleFingerprint[],
  order: readonly number[],
): Int32Array {
  const representative = new Int32Array(fingerprints.length).fill(-1);
  const neighbours = new Map<number, number[]>();
  for (const [i, j] of lshCandidatePairs(fingerprints.map((fingerprint) => fingerprint.signature))) {
    const similar =
      estimateJaccard(fingerprints[i]!.signature, fingerprints[j]!.signature) >= NEAR_DUPLICATE_JACCARD;
    if (!similar) continue;
    for (const [from, to] of [
      [i, j],
      [j, i],
    ] as const) {
      const list = neighbours.get(from);
      if (list === undefined) neighbours.set(from, [to]);
      else list.push(to);
    }
  }
  for (const document of order) {
    if (representative[document] !== -1) continue;
    representative[document] = document;
    for (const other of neighbours.get(document) ?? []) {
      if (representative[other] === -1) representative[other] = document;
    }
  }
  return representative;
}
