import {
  type DocumentFingerprint,
  type FamilySimilarity,
  fingerprintSimilarity,
} from '../fingerprint/document-fingerprint.js';
import type { NewRelation } from '../store/store.js';
import type { Verdict } from './ingest-tasks.js';

/**
 * Which candidates earn the full comparison. The LSH buckets find every document sharing a band
 * with the new one; the signatures then estimate how much they share in each family, and only
 * pairs sharing enough in one of them are compared in full (which takes far longer than the
 * rest of ingest together).
 */
export const SCREEN = {
  /** Share of the smaller document's word shingles found in the other: a trimmed or partial copy. */
  wordContainment: 0.2,
  /** Share of skeleton shingles: a spun copy keeps its source's skeleton. */
  skeletonContainment: 0.3,
  /** Share of the smaller side's name/number/quote features in the other: a rewording keeps them. */
  entityContainment: 0.4,
} as const;

/** How strongly the signatures suggest reuse: the best family's share against its threshold (≥ 1 passes). */
export function screenScore(similarity: FamilySimilarity): number {
  return Math.max(
    similarity.words.containment / SCREEN.wordContainment,
    similarity.skeleton.containment / SCREEN.skeletonContainment,
    similarity.entities.containment / SCREEN.entityContainment,
  );
}

export function screen(a: DocumentFingerprint, b: DocumentFingerprint): number {
  return screenScore(fingerprintSimilarity(a, b));
}

/**
 * The relation to store, oriented source → copy when the comparison decided a direction (the
 * verdict's passages then have the source as side a), else earlier → later.
 */
export function relationFromVerdict(verdict: Verdict, earlier: string, later: string): NewRelation {
  const [source, copy] = verdict.direction === 'later->earlier' ? [later, earlier] : [earlier, later];
  return {
    source,
    copy,
    relation: verdict.relation,
    score: verdict.score,
    confidence: verdict.confidence,
    directed: verdict.direction !== null,
    passages: verdict.passages,
  };
}
