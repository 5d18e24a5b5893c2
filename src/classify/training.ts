import {
  type BoostedTrees,
  type BoostingOptions,
  boostedProbability,
  trainBoostedTrees,
} from './boosted-trees.js';
import { complement, groupedFolds, stratifiedFolds } from './cross-validation.js';
import type { FeatureName, FeatureVector } from './feature-vector.js';
import { type LogisticModel, predictProbabilities, trainLogistic, trainOrdinal } from './logistic.js';
import {
  differingScores,
  fitWordWeights,
  outOfFoldScores,
  type WordRow,
  type WordWeights,
} from './word-weights.js';

/**
 * Fitting the relation models and measuring them honestly. Every choice (penalty, feature set)
 * is made by cross-validation inside the training part only; the figure reported for a model is
 * the one on data held out from every choice (nested cross-validation over groups).
 */

export interface LabelledRow {
  features: FeatureVector;
  label: string;
  /** Items of one group (the answers to one question) are held out together. */
  group: string;
  /** Words one side has and the other does not (sentence pairs: the word-weight features read them). */
  words?: readonly string[];
}

export interface Candidate {
  featureSet: string;
  l2: number;
}

export interface ModelSpec {
  classes: readonly string[];
  featureSets: Readonly<Record<string, readonly FeatureName[]>>;
  penalties: readonly number[];
  /** Turns class probabilities into a predicted label (e.g. a cost-sensitive rule). */
  decide: (probabilities: readonly number[], classes: readonly string[]) => string;
  steps?: number;
  /** Only rows with these labels score a candidate (default: every row). */
  scoredLabels?: readonly string[];
  /** 'ordinal': classes are listed from least to most and share one scale. */
  kind?: 'multinomial' | 'ordinal';
}

export interface FittedModel {
  candidate: Candidate;
  model: LogisticModel;
}

export function rowValues(row: FeatureVector, features: readonly FeatureName[]): number[] {
  return features.map((name) => row[name]);
}

function fit(rows: readonly LabelledRow[], spec: ModelSpec, candidate: Candidate): LogisticModel {
  const features = spec.featureSets[candidate.featureSet]!;
  const train = spec.kind === 'ordinal' ? trainOrdinal : trainLogistic;
  return train(
    rows.map((row) => rowValues(row.features, features)),
    rows.map((row) => row.label),
    spec.classes,
    features,
    {
      l2: candidate.l2,
      monotone: spec.kind === 'ordinal',
      ...(spec.steps === undefined ? {} : { steps: spec.steps }),
    },
  );
}

export function predictLabel(model: LogisticModel, features: FeatureVector, spec: ModelSpec): string {
  const probabilities = predictProbabilities(model, rowValues(features, model.features as FeatureName[]));
  return spec.decide(probabilities, model.classes);
}

/** Predictions for every row, each from a model trained on the other folds with a fixed candidate. */
export function crossValidatedPredictions(
  rows: readonly LabelledRow[],
  folds: readonly (readonly number[])[],
  spec: ModelSpec,
  candidate: Candidate,
): string[] {
  const predicted = new Array<string>(rows.length).fill('');
  for (const fold of folds) {
    const model = fit(
      complement(fold, rows.length).map((index) => rows[index]!),
      spec,
      candidate,
    );
    for (const index of fold) predicted[index] = predictLabel(model, rows[index]!.features, spec);
  }
  return predicted;
}

/** Share of rows predicted right. */
export function accuracyOf(rows: readonly LabelledRow[], predicted: readonly string[]): number {
  return rows.filter((row, index) => row.label === predicted[index]).length / Math.max(1, rows.length);
}

/** Every candidate, in a fixed order (feature sets as listed, penalties ascending). */
export function candidates(spec: ModelSpec): Candidate[] {
  return Object.keys(spec.featureSets).flatMap((featureSet) =>
    [...spec.penalties].sort((x, y) => x - y).map((l2) => ({ featureSet, l2 })),
  );
}

export interface Selection extends FittedModel {
  /** Cross-validated accuracy of the chosen candidate on the data it was chosen on. */
  selectionAccuracy: number;
}

/**
 * Chooses the candidate with the best cross-validated accuracy over the given folds (ties: the
 * earlier candidate, i.e. the simpler feature set listed first and the smaller penalty), then fits it
 * on all the rows.
 */
export function selectAndFit(
  rows: readonly LabelledRow[],
  spec: ModelSpec,
  foldsOf: (rows: readonly LabelledRow[]) => number[][],
): Selection {
  const folds = foldsOf(rows);
  const scored = rows.flatMap((row, index) =>
    spec.scoredLabels === undefined || spec.scoredLabels.includes(row.label) ? [index] : [],
  );
  let best: { candidate: Candidate; accuracy: number } | null = null;
  for (const candidate of candidates(spec)) {
    const predicted = crossValidatedPredictions(rows, folds, spec, candidate);
    const accuracy = accuracyOf(
      scored.map((index) => rows[index]!),
      scored.map((index) => predicted[index]!),
    );
    if (best === null || accuracy > best.accuracy + 1e-12) best = { candidate, accuracy };
  }
  const chosen = best!;
  return {
    candidate: chosen.candidate,
    model: fit(rows, spec, chosen.candidate),
    selectionAccuracy: chosen.accuracy,
  };
}

/**
 * Nested cross-validation: for each outer fold, the candidate is chosen and fitted on the other
 * folds alone (with inner folds from foldsOf), then predicts the held-out fold. The predictions
 * never depend on their own labels, through the weights or through the choice of candidate.
 */
export function nestedPredictions(
  rows: readonly LabelledRow[],
  spec: ModelSpec,
  outerFolds: readonly (readonly number[])[],
  foldsOf: (rows: readonly LabelledRow[]) => number[][],
): string[] {
  const predicted = new Array<string>(rows.length).fill('');
  for (const fold of outerFolds) {
    const training = complement(fold, rows.length).map((index) => rows[index]!);
    const { model } = selectAndFit(training, spec, foldsOf);
    for (const index of fold) predicted[index] = predictLabel(model, rows[index]!.features, spec);
  }
  return predicted;
}

/** Leave-one-group-out folds of a row list. */
export function foldsByGroup(rows: readonly LabelledRow[]): number[][] {
  return groupedFolds(rows.map((row) => row.group));
}

/** Stratified k folds of a row list, seeded. */
export function stratifiedRowFolds(k: number, seed: number): (rows: readonly LabelledRow[]) => number[][] {
  return (rows) =>
    stratifiedFolds(
      rows.map((row) => row.label),
      k,
      seed,
    );
}

/** The two document models: derived or not, then the kind (over the rows of the kind model's classes). */
export interface DocumentModels {
  derived: Selection;
  kind: Selection;
}

export function fitDocumentModels(
  rows: readonly LabelledRow[],
  derivedSpec: ModelSpec,
  kindSpec: ModelSpec,
): DocumentModels {
  const derivedRows = rows.map((row) => ({ ...row, label: row.label === 'non' ? 'non' : 'derived' }));
  const kindRows = rows.filter((row) => kindSpec.classes.includes(row.label));
  return {
    derived: selectAndFit(derivedRows, derivedSpec, foldsByGroup),
    kind: selectAndFit(kindRows, kindSpec, foldsByGroup),
  };
}

/** 'non', or the derived kind. */
export function predictDocument(
  models: DocumentModels,
  features: FeatureVector,
  derivedSpec: ModelSpec,
  kindSpec: ModelSpec,
): string {
  if (predictLabel(models.derived.model, features, derivedSpec) === 'non') return 'non';
  return predictLabel(models.kind.model, features, kindSpec);
}

/** Leave-one-group-out predictions with both models chosen and fitted on the other groups only. */
export function nestedDocumentPredictions(
  rows: readonly LabelledRow[],
  derivedSpec: ModelSpec,
  kindSpec: ModelSpec,
): string[] {
  const predicted = new Array<string>(rows.length).fill('');
  for (const fold of foldsByGroup(rows)) {
    const training = complement(fold, rows.length).map((index) => rows[index]!);
    const models = fitDocumentModels(training, derivedSpec, kindSpec);
    for (const index of fold)
      predicted[index] = predictDocument(models, rows[index]!.features, derivedSpec, kindSpec);
  }
  return predicted;
}

/** Boosted trees for a paraphrase-style decision: 'paraphrase' against 'other'. */
export function fitTrees(
  rows: readonly LabelledRow[],
  features: readonly FeatureName[],
  options: BoostingOptions,
): BoostedTrees {
  return trainBoostedTrees(
    rows.map((row) => rowValues(row.features, features)),
    rows.map((row) => row.label),
    'paraphrase',
    'other',
    features,
    options,
  );
}

export function predictTrees(model: BoostedTrees, features: FeatureVector): string {
  const probability = boostedProbability(model, rowValues(features, model.features as FeatureName[]));
  return probability >= 0.5 ? model.positive : model.negative;
}

/** The paraphrase model: per-word weights of differing words, and trees that read them with the rest. */
export interface SentenceModel {
  trees: BoostedTrees;
  words: WordWeights;
}

function wordRows(rows: readonly LabelledRow[]): WordRow[] {
  return rows.map((row) => ({ words: row.words ?? [], positive: row.label === 'paraphrase' }));
}

function withDiffering(row: LabelledRow, scores: { sum: number; worst: number }): LabelledRow {
  return { ...row, features: { ...row.features, differingWeight: scores.sum, differingWorst: scores.worst } };
}

/**
 * Fits the word weights on every row, and the trees on rows whose word-weight features come
 * from weights fitted without them (out of fold), as a new pair's come from weights fitted
 * without it.
 */
export function fitSentenceModel(
  rows: readonly LabelledRow[],
  features: readonly FeatureName[],
  options: BoostingOptions,
): SentenceModel {
  const scores = outOfFoldScores(wordRows(rows));
  const trees = fitTrees(
    rows.map((row, index) => withDiffering(row, scores[index]!)),
    features,
    options,
  );
  return { trees, words: fitWordWeights(wordRows(rows)) };
}

export function predictSentence(model: SentenceModel, row: LabelledRow): string {
  return predictTrees(
    model.trees,
    withDiffering(row, differingScores(row.words ?? [], model.words)).features,
  );
}

/** Predictions for every row from a sentence model (word weights and trees) fitted on the other folds. */
export function crossValidatedSentence(
  rows: readonly LabelledRow[],
  folds: readonly (readonly number[])[],
  features: readonly FeatureName[],
  options: BoostingOptions,
): string[] {
  const predicted = new Array<string>(rows.length).fill('');
  for (const fold of folds) {
    const model = fitSentenceModel(
      complement(fold, rows.length).map((index) => rows[index]!),
      features,
      options,
    );
    for (const index of fold) predicted[index] = predictSentence(model, rows[index]!);
  }
  return predicted;
}
