import type { RelationEvidence, RelationKind } from '../model/relation.js';
import type { FeatureVector } from './feature-vector.js';
import type { RelationFeatures } from './features.js';
import {
  applyModel,
  applyTrees,
  decideDerived,
  likeliestDerivedClass,
  type ModelOutcome,
  RELATION_WEIGHTS,
  type RelationWeights,
} from './relation-model.js';

/**
 * The few rules left beside the learned models, each a reading of the evidence rather than a
 * fitted cut: they name a sub-kind or tell apart two kinds the training data does not separate.
 */
export const RELATION_THRESHOLDS = {
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
  evidence: RelationEvidence;
}

/** How each Clough & Stevenson class reads as a relation between news texts. */
const DERIVED_KIND: Record<string, RelationKind> = { cut: 'copy', light: 'near-copy', heavy: 'rewrite' };

/**
 * Decides the relation of two documents: identical texts are identical; two single sentences go
 * to the paraphrase model; longer texts to the document model, whose cost-sensitive decision
 * calls a text derived only when independence is unlikely. The class of a derived text names its
 * kind; a lightly edited text that swapped many words for synonyms is spun.
 */
export function decideRelation(
  features: RelationFeatures,
  vector: FeatureVector,
  weights: RelationWeights = RELATION_WEIGHTS,
): RelationDecision {
  if (features.identical) {
    return {
      relation: 'identical',
      score: 1,
      evidence: { model: 'identical', label: 'cut', probabilities: {}, features: {}, contributions: {} },
    };
  }
  const kind = applyModel(weights.kind, vector, likeliestDerivedClass);
  if (features.sentences <= 1) {
    const sentence = applyTrees(weights.sentence, vector);
    if (sentence.label !== 'paraphrase') return notDerived(features, { model: 'sentence', ...sentence });
    return derived(kind.label, features, combined('sentence', sentence, kind));
  }
  const gate = applyModel(weights.derived, vector, decideDerived);
  if (gate.label === 'non') return notDerived(features, { model: 'document', ...gate, label: 'non' });
  return derived(kind.label, features, combined('document', gate, kind));
}

/** A derived pair's evidence: the derived decision's figures, then the kind model's, prefixed "kind:". */
function combined(
  model: 'document' | 'sentence',
  decision: ModelOutcome,
  kind: ModelOutcome,
): RelationEvidence {
  const prefixed = (values: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [`kind:${name}`, value]));
  return {
    model,
    label: kind.label,
    probabilities: { ...decision.probabilities, ...kind.probabilities },
    features: { ...decision.features, ...kind.features },
    contributions: { ...decision.contributions, ...prefixed(kind.contributions) },
  };
}

function derived(label: string, features: RelationFeatures, evidence: RelationEvidence): RelationDecision {
  let relation = DERIVED_KIND[label] ?? 'rewrite';
  if (relation === 'near-copy' && features.spin >= RELATION_THRESHOLDS.spunSwaps) relation = 'spun';
  return { relation, score: features.coverage, evidence };
}

function notDerived(features: RelationFeatures, evidence: RelationEvidence): RelationDecision {
  const relation = isSameStory(features) ? 'same-story' : 'unrelated';
  return { relation, score: features.topical, evidence };
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
