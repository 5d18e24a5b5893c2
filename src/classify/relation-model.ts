import { type BoostedTrees, boostedContributions, boostedProbability } from './boosted-trees.js';
import type { FeatureName, FeatureVector } from './feature-vector.js';
import { contributions, type LogisticModel, predictProbabilities } from './logistic.js';
import weights from './relation-weights.json' with { type: 'json' };
import type { WordWeights } from './word-weights.js';

/**
 * The learned relation models, as `npm run train` writes them to relation-weights.json:
 * - document: how a text was made from another, in Clough & Stevenson's four classes (cut =
 *   copied, light = lightly edited, heavy = rewritten, non = written independently);
 * - sentence: whether two single sentences are paraphrases (MSRP's judgment).
 */
export const DERIVED_CLASSES = ['non', 'derived'] as const;
/**
 * The kind model's classes: Clough & Stevenson's four. It learns from every answer (the
 * independent ones shape the scale too) but names only a derived class: heavy = rewritten,
 * light = lightly edited, cut = copied.
 */
export const KIND_CLASSES = ['non', 'heavy', 'light', 'cut'] as const;
export const DERIVED_KINDS: readonly string[] = ['heavy', 'light', 'cut'];
export const SENTENCE_CLASSES = ['paraphrase', 'other'] as const;

/**
 * Calling an independent text derived accuses its writer of copying: that error is taken to cost
 * this many times as much as missing a copy. A text is called derived only when
 * P(non) < 1 / (1 + cost), the decision with the least expected cost.
 */
export const ACCUSATION_COST = 3;

export interface TrainedModel {
  /** Where the training rows came from. */
  data: string;
  /** The candidate chosen by cross-validation: feature set and L2 penalty. */
  featureSet: string;
  l2: number;
  model: LogisticModel;
  /** Figures measured while training (resubstitution and cross-validated). */
  figures: Record<string, number | string>;
}

export interface TrainedTrees {
  data: string;
  model: BoostedTrees;
  /** The per-word weights two features read (differingWeight, differingWorst). */
  words?: WordWeights;
  figures: Record<string, number | string>;
}

export interface RelationWeights {
  about: string;
  /** Derived or independent (multi-sentence texts). */
  derived: TrainedModel;
  /** How a derived text was made: heavy, light or cut. */
  kind: TrainedModel;
  /** Two single sentences: paraphrase or not (gradient-boosted trees). */
  sentence: TrainedTrees;
  /** Figures of the two document models together, as `npm run eval` prints them. */
  figures: Record<string, number | string>;
}

export const RELATION_WEIGHTS: RelationWeights = weights as unknown as RelationWeights;

/** The derived/independent decision with the least expected cost. */
export function decideDerived(probabilities: readonly number[], classes: readonly string[]): string {
  const non = probabilities[classes.indexOf('non')] ?? 0;
  return non >= 1 / (1 + ACCUSATION_COST) ? 'non' : 'derived';
}

export function likeliestClass(probabilities: readonly number[], classes: readonly string[]): string {
  let best = 0;
  probabilities.forEach((probability, index) => {
    if (probability > probabilities[best]!) best = index;
  });
  return classes[best]!;
}

/** The likeliest derived class (heavy, light or cut): the kind of a text already found derived. */
export function likeliestDerivedClass(probabilities: readonly number[], classes: readonly string[]): string {
  let best = -1;
  classes.forEach((name, index) => {
    if (DERIVED_KINDS.includes(name) && (best < 0 || probabilities[index]! > probabilities[best]!))
      best = index;
  });
  return classes[best] ?? 'heavy';
}

export function decideSentenceClass(probabilities: readonly number[], classes: readonly string[]): string {
  const paraphrase = probabilities[classes.indexOf('paraphrase')] ?? 0;
  return paraphrase >= 0.5 ? 'paraphrase' : 'other';
}

/** What a model said about one pair: its class, probabilities and each feature's pull. */
export interface ModelOutcome {
  label: string;
  probabilities: Record<string, number>;
  /** Feature values the model read. */
  features: Record<string, number>;
  /** Each feature's pull towards the chosen class, against the average class (log-odds units). */
  contributions: Record<string, number>;
}

export function applyModel(
  trained: TrainedModel,
  vector: FeatureVector,
  decide: (probabilities: readonly number[], classes: readonly string[]) => string,
): ModelOutcome {
  const model = trained.model;
  const names = model.features as FeatureName[];
  const row = names.map((name) => vector[name]);
  const probabilities = predictProbabilities(model, row);
  const label = decide(probabilities, model.classes);
  const chosen = model.classes.indexOf(label);
  const perClass = model.classes.map((_, index) => contributions(model, row, index));
  const pull = names.map((_, j) =>
    chosen < 0
      ? 0
      : perClass[chosen]![j]! - perClass.reduce((sum, values) => sum + values[j]!, 0) / model.classes.length,
  );
  return {
    label,
    probabilities: Object.fromEntries(
      model.classes.map((name, index) => [name, round3(probabilities[index]!)]),
    ),
    features: Object.fromEntries(names.map((name, j) => [name, round3(row[j]!)])),
    contributions: Object.fromEntries(names.map((name, j) => [name, round3(pull[j]!)])),
  };
}

/** The paraphrase decision of two single sentences, with each feature's share of its log-odds. */
export function applyTrees(trained: TrainedTrees, vector: FeatureVector): ModelOutcome {
  const model = trained.model;
  const names = model.features as FeatureName[];
  const row = names.map((name) => vector[name]);
  const probability = boostedProbability(model, row);
  const shares = boostedContributions(model, row);
  const label = probability >= 0.5 ? model.positive : model.negative;
  // Shares push towards the positive class; the evidence gives the pull towards the chosen one.
  const sign = label === model.positive ? 1 : -1;
  return {
    label,
    probabilities: { [model.positive]: round3(probability), [model.negative]: round3(1 - probability) },
    features: Object.fromEntries(names.map((name, j) => [name, round3(row[j]!)])),
    contributions: Object.fromEntries(names.map((name, j) => [name, round3(sign * shares[j]!)])),
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
