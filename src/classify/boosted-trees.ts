/**
 * Small gradient-boosted regression trees for a two-class decision (logistic loss), written out
 * plainly: each tree splits on feature thresholds taken from the training values' quantiles, is
 * grown greedily to a fixed depth, and its leaves hold Newton steps. No randomness: the same
 * data always gives the same trees.
 */

export interface TreeNode {
  /** A split: go left when row[feature] <= threshold. A leaf has no feature. */
  feature?: number;
  threshold?: number;
  left?: TreeNode;
  right?: TreeNode;
  /** The node's log-odds step (a split's too: what a leaf there would hold, for explanations). */
  value: number;
}

export interface BoostedTrees {
  features: string[];
  /** The class whose log-odds the trees add up. */
  positive: string;
  negative: string;
  base: number;
  learningRate: number;
  trees: TreeNode[];
}

export interface BoostingOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** Fewest training rows in a leaf. */
  minLeaf: number;
  /** Candidate thresholds per feature (quantiles of its training values). */
  bins?: number;
}

const DEFAULT_BINS = 32;
/** Newton steps are damped by this (L2 on leaf values). */
const LEAF_L2 = 1;

export function trainBoostedTrees(
  rows: readonly (readonly number[])[],
  labels: readonly string[],
  positive: string,
  negative: string,
  features: readonly string[],
  options: BoostingOptions,
): BoostedTrees {
  const targets = labels.map((label) => (label === positive ? 1 : 0));
  const share = targets.reduce((sum: number, value) => sum + value, 0) / Math.max(1, targets.length);
  const base = Math.log(Math.max(share, 1e-6) / Math.max(1 - share, 1e-6));
  const thresholds = features.map((_, j) =>
    quantiles(
      rows.map((row) => row[j]!),
      options.bins ?? DEFAULT_BINS,
    ),
  );
  const bins = binRows(rows, thresholds);
  const scores = new Float64Array(rows.length).fill(base);
  const trees: TreeNode[] = [];
  const all = rows.map((_, index) => index);
  for (let round = 0; round < options.trees; round++) {
    const gradients = new Float64Array(rows.length);
    const hessians = new Float64Array(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const probability = 1 / (1 + Math.exp(-scores[index]!));
      gradients[index] = probability - targets[index]!;
      hessians[index] = Math.max(probability * (1 - probability), 1e-6);
    }
    const tree = grow(bins, all, gradients, hessians, thresholds, options, 0);
    trees.push(tree);
    for (let index = 0; index < rows.length; index++) {
      scores[index] = scores[index]! + options.learningRate * leafValue(tree, rows[index]!);
    }
  }
  return { features: [...features], positive, negative, base, learningRate: options.learningRate, trees };
}

/** Probability of the positive class. */
export function boostedProbability(model: BoostedTrees, row: readonly number[]): number {
  let score = model.base;
  for (const tree of model.trees) score += model.learningRate * leafValue(tree, row);
  return 1 / (1 + Math.exp(-score));
}

function leafValue(node: TreeNode, row: readonly number[]): number {
  let current = node;
  while (current.feature !== undefined) {
    current = row[current.feature]! <= current.threshold! ? current.left! : current.right!;
  }
  return current.value;
}

/**
 * Each feature's share of the row's log-odds (Saabas): along the row's path through every tree,
 * the change of node value at a split is credited to the split's feature.
 */
export function boostedContributions(model: BoostedTrees, row: readonly number[]): number[] {
  const shares = new Array<number>(model.features.length).fill(0);
  for (const tree of model.trees) {
    let current = tree;
    while (current.feature !== undefined) {
      const next = row[current.feature]! <= current.threshold! ? current.left! : current.right!;
      shares[current.feature]! += model.learningRate * (next.value - current.value);
      current = next;
    }
  }
  return shares;
}

/** Which candidate threshold bin each row's value falls in, per feature: bin b means value <= thresholds[b] (or above all). */
function binRows(rows: readonly (readonly number[])[], thresholds: readonly number[][]): Uint8Array[] {
  return thresholds.map((candidates, feature) =>
    Uint8Array.from(rows, (row) => {
      const value = row[feature]!;
      let bin = 0;
      while (bin < candidates.length && value > candidates[bin]!) bin++;
      return bin;
    }),
  );
}

function grow(
  bins: readonly Uint8Array[],
  members: readonly number[],
  gradients: Float64Array,
  hessians: Float64Array,
  thresholds: readonly number[][],
  options: BoostingOptions,
  depth: number,
): TreeNode {
  let gradient = 0;
  let hessian = 0;
  for (const index of members) {
    gradient += gradients[index]!;
    hessian += hessians[index]!;
  }
  const leaf: TreeNode = { value: -gradient / (hessian + LEAF_L2) };
  if (depth >= options.depth || members.length < 2 * options.minLeaf) return leaf;
  const parentGain = (gradient * gradient) / (hessian + LEAF_L2);
  let best: { gain: number; feature: number; bin: number } | null = null;
  thresholds.forEach((candidates, feature) => {
    const featureBins = bins[feature]!;
    const binGradient = new Float64Array(candidates.length + 1);
    const binHessian = new Float64Array(candidates.length + 1);
    const binCount = new Int32Array(candidates.length + 1);
    for (const index of members) {
      const bin = featureBins[index]!;
      binGradient[bin] = binGradient[bin]! + gradients[index]!;
      binHessian[bin] = binHessian[bin]! + hessians[index]!;
      binCount[bin] = binCount[bin]! + 1;
    }
    let leftGradient = 0;
    let leftHessian = 0;
    let leftCount = 0;
    for (let bin = 0; bin < candidates.length; bin++) {
      leftGradient += binGradient[bin]!;
      leftHessian += binHessian[bin]!;
      leftCount += binCount[bin]!;
      const rightCount = members.length - leftCount;
      if (leftCount < options.minLeaf || rightCount < options.minLeaf) continue;
      const rightGradient = gradient - leftGradient;
      const rightHessian = hessian - leftHessian;
      const gain =
        (leftGradient * leftGradient) / (leftHessian + LEAF_L2) +
        (rightGradient * rightGradient) / (rightHessian + LEAF_L2) -
        parentGain;
      if (best === null || gain > best.gain + 1e-12) best = { gain, feature, bin };
    }
  });
  if (best === null) return leaf;
  const { feature, bin } = best;
  const featureBins = bins[feature]!;
  const left = members.filter((index) => featureBins[index]! <= bin);
  const right = members.filter((index) => featureBins[index]! > bin);
  return {
    value: leaf.value,
    feature,
    threshold: thresholds[feature]![bin]!,
    left: grow(bins, left, gradients, hessians, thresholds, options, depth + 1),
    right: grow(bins, right, gradients, hessians, thresholds, options, depth + 1),
  };
}

/** Distinct values at evenly spaced ranks: the split points a tree may use. */
function quantiles(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const points = new Set<number>();
  for (let bin = 1; bin < bins; bin++) points.add(sorted[Math.floor((bin * sorted.length) / bins)]!);
  return [...points].sort((x, y) => x - y);
}
