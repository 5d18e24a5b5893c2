import { type LogisticModel, predictProbabilities } from '../classify/logistic.js';
import {
  type DocumentFingerprint,
  type FamilySimilarity,
  fingerprintSimilarity,
} from '../fingerprint/document-fingerprint.js';
import type { NewRelation } from '../store/store.js';
import type { Verdict } from './ingest-tasks.js';
import screenModel from './screen-model.json' with { type: 'json' };

/**
 * Which candidates earn the full comparison. The LSH buckets find every document sharing a band
 * with the new one; the signatures then estimate how much they share in each family, and a small
 * logistic model (screen-model.json, fitted by `npm run train:screen` on the corpus bench's
 * planted copies with folds that hold out whole families) says how likely the pair is a copy.
 * Only pairs at or above its cut-off are compared in full (which takes far longer than the
 * rest of ingest together).
 */

/** LSH keys shared by more documents than this say nothing (a phrase every article uses). */
export const MAX_PER_KEY = 256;
/** Candidates, by shared keys, whose signatures are checked. */
export const CANDIDATES_CHECKED = 24;
/** Candidates passing the screen that get the full comparison, best first. */
export const CANDIDATES_VERIFIED = 6;

/** The screen's features, in model order: estimated containment and Jaccard of each family. */
export const SCREEN_FEATURES = [
  'wordsContainment',
  'wordsJaccard',
  'skeletonContainment',
  'skeletonJaccard',
  'entitiesContainment',
  'entitiesJaccard',
] as const;

export interface ScreenModel {
  logistic: LogisticModel;
  /** Probability of `copy` at or above which a pair is compared in full. */
  threshold: number;
}

const SCREEN: ScreenModel = screenModel as ScreenModel;

export function screenRow(similarity: FamilySimilarity): number[] {
  return [
    similarity.words.containment,
    similarity.words.jaccard,
    similarity.skeleton.containment,
    similarity.skeleton.jaccard,
    similarity.entities.containment,
    similarity.entities.jaccard,
  ];
}

export function copyProbability(model: ScreenModel, row: readonly number[]): number {
  return predictProbabilities(model.logistic, row)[model.logistic.classes.indexOf('copy')]!;
}

/** How likely two fingerprints are a source and its copy, and whether that earns the full comparison. */
export function screen(a: DocumentFingerprint, b: DocumentFingerprint): { score: number; passes: boolean } {
  const score = copyProbability(SCREEN, screenRow(fingerprintSimilarity(a, b)));
  return { score, passes: score >= SCREEN.threshold };
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
