/**
 * Logistic regression fitting for the models under models/: standardised features, L2
 * penalty, full-batch gradient descent from zero (deterministic), and k-fold cross-validation
 * that holds out whole groups (all pairs built from one source article go to one fold).
 */
import type { LogisticModel } from '../src/align/logistic.js';
import { probability } from '../src/align/logistic.js';

export interface Example {
  features: number[];
  label: 0 | 1;
  group: string;
  /** What the example is (a suite's shape, a corpus class), for figures by kind. */
  kind?: string;
}

export interface FitOptions {
  /** No intercept and no centring: for antisymmetric features (the direction of a pair). */
  throughOrigin?: boolean;
  l2?: number;
  iterations?: number;
}

export function fitLogistic(
  examples: readonly Example[],
  names: readonly string[],
  options: FitOptions = {},
): Omit<LogisticModel, 'trainedBy' | 'figures'> {
  const count = names.length;
  const mean = new Array<number>(count).fill(0);
  const scale = new Array<number>(count).fill(1);
  for (let feature = 0; feature < count; feature++) {
    const values = examples.map((example) => example.features[feature]!);
    const average = options.throughOrigin ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
    const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
    mean[feature] = average;
    scale[feature] = spread > 1e-9 ? spread : 1;
  }
  const rows = examples.map((example) =>
    example.features.map((value, index) => (value - mean[index]!) / scale[index]!),
  );
  const weights = new Array<number>(count).fill(0);
  let bias = 0;
  const l2 = options.l2 ?? 0.01;
  const rate = 0.5;
  for (let iteration = 0; iteration < (options.iterations ?? 3000); iteration++) {
    const gradient = new Array<number>(count).fill(0);
    let gradientBias = 0;
    rows.forEach((row, index) => {
      const z = row.reduce((sum, value, feature) => sum + value * weights[feature]!, bias);
      const error = 1 / (1 + Math.exp(-z)) - examples[index]!.label;
      row.forEach((value, feature) => {
        gradient[feature]! += error * value;
      });
      gradientBias += error;
    });
    for (let feature = 0; feature < count; feature++) {
      weights[feature]! -= rate * (gradient[feature]! / rows.length + l2 * weights[feature]!);
    }
    if (!options.throughOrigin) bias -= (rate * gradientBias) / rows.length;
  }
  return { features: [...names], mean, scale, weights, bias, threshold: 0.5 };
}

/** Folds of whole groups: groups sorted by name, dealt round-robin. */
export function groupFolds(examples: readonly Example[], folds: number): number[] {
  const groups = [...new Set(examples.map((example) => example.group))].sort();
  const foldOf = new Map(groups.map((group, index) => [group, index % folds]));
  return examples.map((example) => foldOf.get(example.group)!);
}

/** Predicted probability of each example by a model fitted without its fold. */
export function crossValidated(
  examples: readonly Example[],
  names: readonly string[],
  folds: number,
  options: FitOptions = {},
): number[] {
  const foldOf = groupFolds(examples, folds);
  const predictions = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, index) => foldOf[index] !== fold);
    const model = { ...fitLogistic(training, names, options), trainedBy: '', figures: {} };
    examples.forEach((example, index) => {
      if (foldOf[index] === fold) predictions[index] = probability(model, example.features);
    });
  }
  return predictions;
}

export function accuracyOf(examples: readonly Example[], predictions: readonly number[]): number {
  const right = examples.filter(
    (example, index) => (predictions[index]! >= 0.5 ? 1 : 0) === example.label,
  ).length;
  return examples.length > 0 ? right / examples.length : 0;
}
