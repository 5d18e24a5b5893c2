/**
 * Which features the direction vote reads is chosen by cross-validation, not by hand: a few
 * nested candidate sets (each adds one family of signals to the one before), the set with the
 * best grouped-CV accuracy winning, each data set (PAN-format suite, Clough & Stevenson)
 * counting equally and the smaller set winning a tie. Its own figure is nested: the set is
 * chosen again inside each training fold, so the held-out fold never helps choose it.
 */
import { probability } from '../src/align/logistic.js';
import { DIRECTION_FEATURES } from '../src/provenance/direction.js';
import {
  accuracyOf,
  crossValidated,
  type Example,
  type FitOptions,
  fitLogistic,
  groupFolds,
} from './logistic-fit.js';

const PLACE = ['cohesion', 'relativeCohesion', 'bridge', 'meaningCohesion', 'meaningBridge', 'recurrence'];
const HOLDING = ['containment', 'containmentSquared', 'containerRecurrence', 'containerCohesion'];
const TEXT_SIGNALS = ['quotes', 'typos', 'details'];
const WRITER = ['compression', 'namesIntroduced', 'skipped'];
const MUTUAL = ['mutualDetails', 'mutualContainment', 'mutualCompression'];
const REUSED_WORDS = ['matchedRecurrence', 'containerMatchedRecurrence'];

/** The candidate sets, smallest first: the former vote's features, then one family more at each step. */
export const DIRECTION_FEATURE_SETS: readonly (readonly string[])[] = [
  [...PLACE, ...HOLDING, ...TEXT_SIGNALS],
  [...PLACE, ...HOLDING, ...TEXT_SIGNALS, ...WRITER],
  [...PLACE, ...HOLDING, ...TEXT_SIGNALS, ...WRITER, ...MUTUAL],
  [...PLACE, ...HOLDING, ...TEXT_SIGNALS, ...WRITER, ...MUTUAL, ...REUSED_WORDS],
];

const OPTIONS: FitOptions = { throughOrigin: true };

/** The examples with only the named features, in that order (examples hold every DIRECTION_FEATURES value). */
export function project(examples: readonly Example[], names: readonly string[]): Example[] {
  const columns = names.map((name) => {
    const column = (DIRECTION_FEATURES as readonly string[]).indexOf(name);
    if (column < 0) throw new Error(`unknown direction feature ${name}`);
    return column;
  });
  return examples.map((example) => ({
    ...example,
    features: columns.map((column) => example.features[column]!),
  }));
}

const isClough = (example: Example): boolean => example.kind?.startsWith('clough:') === true;

/** Mean accuracy over the data sets present (PAN-format suite, Clough), each counting equally. */
export function balancedAccuracy(examples: readonly Example[], predictions: readonly number[]): number {
  const parts = [false, true]
    .map((clough) =>
      examples
        .map((example, index) => ({ example, index }))
        .filter(({ example }) => isClough(example) === clough),
    )
    .filter((part) => part.length > 0);
  const accuracies = parts.map((part) =>
    accuracyOf(
      part.map(({ example }) => example),
      part.map(({ index }) => predictions[index]!),
    ),
  );
  return accuracies.reduce((sum, value) => sum + value, 0) / Math.max(1, accuracies.length);
}

/** The candidate set with the best grouped-CV balanced accuracy on these examples (the smaller on a tie). */
export function chooseFeatureSet(examples: readonly Example[], folds: number): readonly string[] {
  let best = DIRECTION_FEATURE_SETS[0]!;
  let bestScore = -1;
  for (const names of DIRECTION_FEATURE_SETS) {
    const projected = project(examples, names);
    const score = balancedAccuracy(projected, crossValidated(projected, names, folds, OPTIONS));
    if (score > bestScore + 1e-9) {
      best = names;
      bestScore = score;
    }
  }
  return best;
}

/** Held-out predictions with the feature set chosen inside each training fold, and the sets chosen. */
export function nestedPredictions(
  examples: readonly Example[],
  folds: number,
): { predictions: number[]; chosen: number[] } {
  const foldOf = groupFolds(examples, folds);
  const predictions = new Array<number>(examples.length).fill(0.5);
  const chosen: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, index) => foldOf[index] !== fold);
    const names = chooseFeatureSet(training, folds);
    chosen.push(DIRECTION_FEATURE_SETS.indexOf(names));
    const model = { ...fitLogistic(project(training, names), names, OPTIONS), trainedBy: '', figures: {} };
    const held = project(examples, names);
    held.forEach((example, index) => {
      if (foldOf[index] === fold) predictions[index] = probability(model, example.features);
    });
  }
  return { predictions, chosen };
}

/** The final model: the set chosen on every example, fitted on every example. */
export function fitDirection(examples: readonly Example[], folds: number) {
  const names = chooseFeatureSet(examples, folds);
  return { names, fit: fitLogistic(project(examples, names), names, OPTIONS) };
}
