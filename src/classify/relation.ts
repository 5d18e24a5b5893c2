import { harmonic } from '../align/soft-match.js';
import type { RelationKind } from '../model/relation.js';
import type { RelationFeatures } from './features.js';

/**
 * Decision thresholds, each with the reading it encodes. They are shares of content, so they
 * hold for documents of any length; they were set on public reuse corpora and are checked by
 * `npm run eval` (Clough & Stevenson for documents, MSRP for single sentences).
 */
export const RELATION_THRESHOLDS = {
  /** Share of the copy's word pairs found in the source above which it reuses the source's wording. */
  derivedBigrams: 0.2,
  /** Share of the copy inside verbatim runs that alone shows reuse. */
  derivedVerbatim: 0.1,
  /** Least share of the copy the alignment must find rendered in the source for any derivation. */
  derivedMinCoverage: 0.3,
  /** Meaning-level coverage that shows derivation even when the wording changed (translation). */
  derivedCoverage: 0.75,
  derivedStrict: 0.6,
  /** Two single sentences are paraphrases when each renders this much of the other. */
  paraphraseMutual: 0.6,
  /** Nearly all of the copy is inside verbatim runs of the source. */
  copyVerbatim: 0.85,
  /** Light edits keep this much of the content as the same words or synonyms… */
  lightStrict: 0.85,
  /** …or this much verbatim, or this share of its word pairs. */
  lightVerbatim: 0.7,
  lightBigrams: 0.7,
  /** Share of aligned words swapped for synonyms or related words that marks spinning rather than editing. */
  spunSwaps: 0.1,
  /** Share of topical words (names, rarer words) that marks the same event or topic. */
  sameStoryTopical: 0.35,
  /** …or this share with this many rare names in common and at least one sentence aligned. */
  sameStoryTopicalWithNames: 0.2,
  sameStoryNames: 3,
} as const;

export interface RelationDecision {
  relation: RelationKind;
  score: number;
}

/** Decides the relation of two documents from their alignment figures. */
export function decideRelation(features: RelationFeatures): RelationDecision {
  const t = RELATION_THRESHOLDS;
  const score = features.coverage;
  if (features.identical) return { relation: 'identical', score: 1 };
  if (!isDerived(features)) {
    return isSameStory(features)
      ? { relation: 'same-story', score: features.topical }
      : { relation: 'unrelated', score: features.topical };
  }
  if (features.verbatim >= t.copyVerbatim) return { relation: 'copy', score };
  if (
    features.strict >= t.lightStrict ||
    features.verbatim >= t.lightVerbatim ||
    features.bigrams >= t.lightBigrams
  ) {
    return { relation: features.spin >= t.spunSwaps ? 'spun' : 'near-copy', score };
  }
  return { relation: 'rewrite', score };
}

/**
 * Derived: the copy reuses the source's wording (shared word pairs, verbatim runs) or renders
 * its content closely in other words. Two single sentences must each render the other, as in
 * paraphrase judgments; a document may be a trimmed part of its source.
 */
export function isDerived(features: RelationFeatures): boolean {
  const t = RELATION_THRESHOLDS;
  if (features.sentences <= 1) {
    const mutual = harmonic(features.coverage, features.coverageOther);
    return mutual >= t.paraphraseMutual || features.verbatim >= t.copyVerbatim;
  }
  // Word pairs and runs found somewhere in the other text count only if the alignment found the
  // copy's sentences there too (a long text shares many word pairs with anything by chance).
  if (features.coverage < t.derivedMinCoverage) return false;
  // Shared quotes and names are what independent reports of one event have in common; reuse
  // shows in the rest of the wording.
  if (features.ownBigrams >= t.derivedBigrams || features.ownVerbatim >= t.derivedVerbatim) return true;
  return features.coverage >= t.derivedCoverage && features.strict >= t.derivedStrict;
}

/**
 * Same story, not derived: much topical vocabulary in common, or some sentences that say the
 * same thing about the same named people, places and figures.
 */
function isSameStory(features: RelationFeatures): boolean {
  const t = RELATION_THRESHOLDS;
  if (features.topical >= t.sameStoryTopical) return true;
  return (
    features.topical >= t.sameStoryTopicalWithNames &&
    features.alignedPairs >= 1 &&
    features.sharedNames >= t.sameStoryNames
  );
}
