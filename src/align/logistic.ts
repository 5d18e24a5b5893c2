import { readFileSync } from 'node:fs';

/**
 * A logistic regression fitted by a script of the repository (see `trainedBy`) and committed as
 * JSON under models/: features are standardised with the training mean and scale first.
 */
export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability from which the positive class is decided. */
  threshold: number;
  /** Other figures learned with the model (e.g. the range of inputs it applies to). */
  limits?: Record<string, number>;
  trainedBy: string;
  /** How the model was chosen and how it scores, cross-validated and on its training data. */
  figures: Record<string, number | string>;
}

/** w·x + b on standardised features. */
export function logit(model: LogisticModel, values: readonly number[]): number {
  let sum = model.bias;
  model.weights.forEach((weight, index) => {
    const scale = model.scale[index]! || 1;
    sum += (weight * ((values[index] ?? 0) - model.mean[index]!)) / scale;
  });
  return sum;
}

export function probability(model: LogisticModel, values: readonly number[]): number {
  return 1 / (1 + Math.exp(-logit(model, values)));
}

/** Reads a committed model; models/ sits beside dist/ in the repository and the package. */
export function readModel(name: string): LogisticModel {
  const url = new URL(`../../../models/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LogisticModel;
}
