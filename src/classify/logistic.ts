/**
 * Multinomial logistic regression with an L2 penalty, small enough to read: features are
 * standardised with the training set's means and deviations, weights start at zero and are fitted
 * by full-batch gradient descent with Nesterov momentum for a fixed number of steps, so training
 * is deterministic (no random start, no data order).
 */

export interface LogisticModel {
  /**
   * multinomial: one weight row per class (softmax). ordinal: classes ordered from least to most
   * (proportional odds): one weight row shared by all classes and cut points between them,
   * P(class ≤ k) = σ(thresholds[k] − w·z).
   */
  kind?: 'multinomial' | 'ordinal';
  thresholds?: number[];
  classes: string[];
  features: string[];
  /**
   * The range each feature had in training: values outside it are clamped to it, so the model
   * is never asked to extrapolate (a pair sharing nothing reads as the least related one seen).
   */
  minimums?: number[];
  maximums?: number[];
  /** Standardisation: z = (value - mean) / deviation. */
  means: number[];
  deviations: number[];
  /** One row per class: bias first, then one weight per feature (on standardised values). */
  weights: number[][];
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the biases), per training example. */
  l2: number;
  /** Per-example weights (e.g. to make one kind of error cost more); default 1 each. */
  exampleWeights?: readonly number[];
  steps?: number;
  /** Ordinal models only: keep every weight ≥ 0, so that more shared text never argues for less derivation. */
  monotone?: boolean;
}

const DEFAULT_STEPS = 1500;
const LEARNING_RATE = 0.5;
const MOMENTUM = 0.9;
/** Deviations below this are taken as constant features (weight stays 0). */
const MIN_DEVIATION = 1e-9;

export function trainLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly string[],
  classes: readonly string[],
  features: readonly string[],
  options: TrainingOptions,
): LogisticModel {
  const width = features.length;
  const { means, deviations } = moments(rows, width);
  const standardised = rows.map((row) => standardise(row, means, deviations));
  const targets = labels.map((label) => classIndex(classes, label));
  const exampleWeights = options.exampleWeights ?? rows.map(() => 1);
  const totalWeight = exampleWeights.reduce((sum, weight) => sum + weight, 0);
  const size = classes.length * (width + 1);
  let weights = new Float64Array(size);
  let velocity = new Float64Array(size);
  const steps = options.steps ?? DEFAULT_STEPS;
  const probabilities = new Float64Array(classes.length);
  for (let step = 0; step < steps; step++) {
    const ahead = weights.map((weight, index) => weight + MOMENTUM * velocity[index]!);
    const gradient = new Float64Array(size);
    standardised.forEach((row, example) => {
      softmaxInto(ahead, row, classes.length, probabilities);
      const weight = exampleWeights[example]! / totalWeight;
      for (let k = 0; k < classes.length; k++) {
        const error = (probabilities[k]! - (targets[example] === k ? 1 : 0)) * weight;
        const offset = k * (width + 1);
        gradient[offset] = gradient[offset]! + error;
        for (let j = 0; j < width; j++)
          gradient[offset + 1 + j] = gradient[offset + 1 + j]! + error * row[j]!;
      }
    });
    for (let k = 0; k < classes.length; k++) {
      const offset = k * (width + 1);
      for (let j = 0; j < width; j++)
        gradient[offset + 1 + j] = gradient[offset + 1 + j]! + options.l2 * ahead[offset + 1 + j]!;
    }
    velocity = velocity.map((value, index) => MOMENTUM * value - LEARNING_RATE * gradient[index]!);
    weights = weights.map((weight, index) => weight + velocity[index]!);
  }
  return {
    classes: [...classes],
    features: [...features],
    ...ranges(rows, width),
    means: means.map(roundWeight),
    deviations: deviations.map(roundWeight),
    weights: classes.map((_, k) =>
      Array.from(weights.subarray(k * (width + 1), (k + 1) * (width + 1)), roundWeight),
    ),
  };
}

/** Class probabilities for one feature row (in the model's feature order). */
export function predictProbabilities(model: LogisticModel, row: readonly number[]): number[] {
  const z = standardise(clamp(model, row), model.means, model.deviations);
  if (model.kind === 'ordinal')
    return ordinalProbabilities(model.thresholds ?? [], linearScore(model.weights[0]!, z));
  const scores = model.weights.map((weights) =>
    weights.reduce((sum, weight, j) => sum + weight * (j === 0 ? 1 : z[j - 1]!), 0),
  );
  return softmax(scores);
}

/** Each feature's pull towards one class: its weight for that class times its standardised value. */
export function contributions(model: LogisticModel, row: readonly number[], classIndex: number): number[] {
  const z = standardise(clamp(model, row), model.means, model.deviations);
  // An ordinal model's features all push along one scale, towards the later (higher) classes.
  const weights =
    model.kind === 'ordinal'
      ? model.weights[0]!.map((weight) => (weight * classIndex) / Math.max(1, model.classes.length - 1))
      : model.weights[classIndex]!;
  return z.map((value, j) => weights[j + 1]! * value);
}

/**
 * Proportional-odds ordinal logistic regression, fitted like the multinomial one (standardised
 * features, L2 on the weights, Nesterov gradient descent from a fixed start). Classes are given
 * from least to most. With one weight per feature instead of one per feature and class it needs
 * far fewer examples per class.
 */
export function trainOrdinal(
  rows: readonly (readonly number[])[],
  labels: readonly string[],
  classes: readonly string[],
  features: readonly string[],
  options: TrainingOptions,
): LogisticModel {
  const width = features.length;
  const { means, deviations } = moments(rows, width);
  const standardised = rows.map((row) => standardise(row, means, deviations));
  const targets = labels.map((label) => classIndex(classes, label));
  const cuts = classes.length - 1;
  // Parameters: the cut points first, then the weights.
  const size = cuts + width;
  let parameters = new Float64Array(size);
  for (let k = 0; k < cuts; k++) parameters[k] = k - (cuts - 1) / 2;
  let velocity = new Float64Array(size);
  const steps = options.steps ?? DEFAULT_STEPS;
  for (let step = 0; step < steps; step++) {
    const ahead = parameters.map((value, index) => value + MOMENTUM * velocity[index]!);
    const gradient = new Float64Array(size);
    standardised.forEach((row, example) => {
      let score = 0;
      for (let j = 0; j < width; j++) score += ahead[cuts + j]! * row[j]!;
      const k = targets[example]!;
      const upper = k < cuts ? sigmoid(ahead[k]! - score) : 1;
      const lower = k > 0 ? sigmoid(ahead[k - 1]! - score) : 0;
      const probability = Math.max(upper - lower, 1e-12);
      const slopeUpper = k < cuts ? upper * (1 - upper) : 0;
      const slopeLower = k > 0 ? lower * (1 - lower) : 0;
      const scale = 1 / rows.length / probability;
      if (k < cuts) gradient[k] = gradient[k]! - slopeUpper * scale;
      if (k > 0) gradient[k - 1] = gradient[k - 1]! + slopeLower * scale;
      const dScore = (slopeUpper - slopeLower) * scale;
      for (let j = 0; j < width; j++) gradient[cuts + j] = gradient[cuts + j]! + dScore * row[j]!;
    });
    for (let j = 0; j < width; j++) gradient[cuts + j] = gradient[cuts + j]! + options.l2 * ahead[cuts + j]!;
    velocity = velocity.map((value, index) => MOMENTUM * value - LEARNING_RATE * gradient[index]!);
    parameters = parameters.map((value, index) => value + velocity[index]!);
    if (options.monotone === true) {
      for (let j = 0; j < width; j++) if (parameters[cuts + j]! < 0) parameters[cuts + j] = 0;
    }
    // Cut points stay in order.
    for (let k = 1; k < cuts; k++)
      if (parameters[k]! < parameters[k - 1]!) parameters[k] = parameters[k - 1]!;
  }
  return {
    kind: 'ordinal',
    thresholds: Array.from(parameters.subarray(0, cuts), roundWeight),
    classes: [...classes],
    features: [...features],
    ...ranges(rows, width),
    means: means.map(roundWeight),
    deviations: deviations.map(roundWeight),
    weights: [[0, ...Array.from(parameters.subarray(cuts), roundWeight)]],
  };
}

function ranges(
  rows: readonly (readonly number[])[],
  width: number,
): { minimums: number[]; maximums: number[] } {
  const minimums = Array.from({ length: width }, (_, j) => Math.min(...rows.map((row) => row[j]!)));
  const maximums = Array.from({ length: width }, (_, j) => Math.max(...rows.map((row) => row[j]!)));
  return { minimums, maximums };
}

function clamp(model: LogisticModel, row: readonly number[]): number[] {
  const { minimums, maximums } = model;
  if (minimums === undefined || maximums === undefined) return [...row];
  return row.map((value, j) => Math.min(maximums[j]!, Math.max(minimums[j]!, value)));
}

function ordinalProbabilities(thresholds: readonly number[], score: number): number[] {
  const cumulative = [...thresholds.map((threshold) => sigmoid(threshold - score)), 1];
  return cumulative.map((value, k) => Math.max(0, value - (k > 0 ? cumulative[k - 1]! : 0)));
}

function linearScore(weights: readonly number[], z: readonly number[]): number {
  return weights.reduce((sum, weight, j) => sum + weight * (j === 0 ? 1 : z[j - 1]!), 0);
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function moments(
  rows: readonly (readonly number[])[],
  width: number,
): { means: number[]; deviations: number[] } {
  const means = new Array<number>(width).fill(0);
  const deviations = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) means[j]! += row[j]! / rows.length;
  for (const row of rows)
    for (let j = 0; j < width; j++) deviations[j]! += (row[j]! - means[j]!) ** 2 / rows.length;
  return { means, deviations: deviations.map(Math.sqrt) };
}

function classIndex(classes: readonly string[], label: string): number {
  const index = classes.indexOf(label);
  if (index < 0) throw new Error(`label ${label} is not one of ${classes.join(', ')}`);
  return index;
}

function standardise(
  row: readonly number[],
  means: readonly number[],
  deviations: readonly number[],
): number[] {
  return row.map((value, j) => (deviations[j]! > MIN_DEVIATION ? (value - means[j]!) / deviations[j]! : 0));
}

function softmaxInto(
  weights: Float64Array,
  row: readonly number[],
  classes: number,
  out: Float64Array,
): void {
  const width = row.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < classes; k++) {
    const offset = k * (width + 1);
    let score = weights[offset]!;
    for (let j = 0; j < width; j++) score += weights[offset + 1 + j]! * row[j]!;
    out[k] = score;
    if (score > max) max = score;
  }
  let total = 0;
  for (let k = 0; k < classes; k++) {
    out[k] = Math.exp(out[k]! - max);
    total += out[k]!;
  }
  for (let k = 0; k < classes; k++) out[k] = out[k]! / total;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Weights are stored to 6 significant digits: enough to reproduce every decision, small on disk. */
function roundWeight(value: number): number {
  return Number(value.toPrecision(6));
}
