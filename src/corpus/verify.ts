import type { Engine } from '../engine/engine.js';
import {
  type DocumentFingerprint,
  type FamilySimilarity,
  fingerprintSimilarity,
} from '../fingerprint/document-fingerprint.js';
import type { Article } from '../model/article.js';
import type { PairResult } from '../model/relation.js';
import type { NewRelation, StoredPassage } from '../store/store.js';

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

/** The full comparison of a stored document (`earlier`) and a new one (`later`). */
export function verifyPair(engine: Engine, earlier: Article, later: Article): PairResult {
  return engine.compare(earlier, later, { changes: false });
}

/**
 * The relation to store, oriented source → copy when the comparison decided a direction (the
 * alignment's side a is then the source), else earlier → later.
 */
export function relationToStore(result: PairResult, earlier: string, later: string): NewRelation {
  const direction = result.direction.direction;
  const [source, copy] = direction === 'b->a' ? [later, earlier] : [earlier, later];
  const passages: StoredPassage[] = result.alignment.passages
    .filter((passage) => passage.a !== null && passage.b !== null)
    .map((passage) => ({
      kind: passage.kind,
      source: passage.a === null ? null : [passage.a.start, passage.a.end],
      copy: passage.b === null ? null : [passage.b.start, passage.b.end],
      similarity: Math.round(passage.similarity * 1000) / 1000,
    }));
  return {
    source,
    copy,
    relation: result.relation,
    score: result.score,
    confidence: direction === null ? 0 : Math.round(result.direction.confidence * 1000) / 1000,
    directed: direction !== null,
    passages,
  };
}
