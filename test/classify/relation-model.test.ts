import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complement, groupedFolds, stratifiedFolds } from '../../src/classify/cross-validation.js';
import { FEATURE_NAMES, type FeatureVector } from '../../src/classify/feature-vector.js';
import type { RelationFeatures } from '../../src/classify/features.js';
import { predictProbabilities, trainLogistic, trainOrdinal } from '../../src/classify/logistic.js';
import {
  editsPerHundredReused,
  greedyStringTiling,
  longestCommonSubsequence,
  ngramContainment,
  stringTiles,
} from '../../src/classify/overlap.js';
import { decideRelation } from '../../src/classify/relation.js';
import {
  ACCUSATION_COST,
  decideDerived,
  likeliestDerivedClass,
  RELATION_WEIGHTS,
} from '../../src/classify/relation-model.js';

/** The textbook quadratic LCS table, to check the bit-parallel one against. */
function tableLcs(x: readonly string[], y: readonly string[]): number {
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const word of x) {
    const current = [0];
    y.forEach((other, j) => {
      current.push(word === other ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    });
    previous = current;
  }
  return previous[y.length]!;
}

/** A feature vector with every figure at one value: 0 shares nothing, 1 is a full copy. */
function uniform(value: number): FeatureVector {
  return Object.fromEntries(FEATURE_NAMES.map((name) => [name, value])) as FeatureVector;
}

function base(overrides: Partial<RelationFeatures> = {}): RelationFeatures {
  return {
    identical: false,
    contained: 'b',
    sentences: 5,
    coverage: 0,
    coverageOther: 0,
    strict: 0,
    strictOther: 0,
    verbatim: 0,
    bigrams: 0,
    ownBigrams: 0,
    ownVerbatim: 0,
    spin: 0,
    kept: 0,
    numberConflicts: 0,
    topical: 0,
    alignedPairs: 0,
    sharedNames: 0,
    ...overrides,
  };
}

describe('the relation decision', () => {
  it('calls a pair that shares nothing unrelated, and one that shares everything a copy', () => {
    assert.equal(decideRelation(base(), uniform(0)).relation, 'unrelated');
    // A full copy: everything shared, nothing swapped.
    const full = decideRelation(base({ coverage: 1, verbatim: 1, kept: 1 }), { ...uniform(1), swaps: 0 });
    assert.equal(full.relation, 'copy');
    assert.equal(full.evidence.model, 'document');
  });

  it('keeps identical texts exact, whatever the model says', () => {
    assert.equal(decideRelation(base({ identical: true }), uniform(0)).relation, 'identical');
  });

  it('turns derived at one point as the shared text grows, and never back', () => {
    let first = -1;
    let back = false;
    for (let step = 0; step <= 100; step++) {
      const derived = decideRelation(base(), uniform(step / 100)).evidence.label !== 'non';
      if (derived && first < 0) first = step;
      if (!derived && first >= 0) back = true;
    }
    assert.ok(first > 0 && first < 100, `turns at ${first}`);
    assert.equal(back, false);
    // Either side of the boundary: the accusation needs P(non) below 1 / (1 + cost).
    const below = decideRelation(base(), uniform((first - 1) / 100)).evidence;
    const above = decideRelation(base(), uniform(first / 100)).evidence;
    assert.ok(below.probabilities.non! >= 1 / (1 + ACCUSATION_COST) - 0.001);
    assert.ok(above.probabilities.non! < 1 / (1 + ACCUSATION_COST));
  });

  it('names a derived text by its likeliest derived class, never as independent', () => {
    const classes = ['non', 'heavy', 'light', 'cut'];
    assert.equal(likeliestDerivedClass([0.7, 0.1, 0.15, 0.05], classes), 'light');
    assert.equal(likeliestDerivedClass([0.1, 0.2, 0.3, 0.4], classes), 'cut');
  });

  it('calls independence whenever P(non) reaches the accusation threshold', () => {
    const threshold = 1 / (1 + ACCUSATION_COST);
    assert.equal(decideDerived([threshold, 1 - threshold], ['non', 'derived']), 'non');
    assert.equal(decideDerived([threshold - 0.001, 1 - threshold + 0.001], ['non', 'derived']), 'derived');
  });

  it('names a lightly edited copy spun only when the swap share is high', () => {
    const weights = RELATION_WEIGHTS;
    const light = {
      ...weights,
      kind: { ...weights.kind, model: { ...weights.kind.model, weights: [[0], [1], [0]] } },
    };
    light.kind.model.weights = weights.kind.model.classes.map((label) => [
      label === 'light' ? 5 : 0,
      ...weights.kind.model.features.map(() => 0),
    ]);
    const features = base({ coverage: 1, verbatim: 0.8, kept: 0.9 });
    assert.equal(decideRelation({ ...features, spin: 0.05 }, uniform(1), light).relation, 'near-copy');
    assert.equal(decideRelation({ ...features, spin: 0.2 }, uniform(1), light).relation, 'spun');
  });

  it('gives single sentences to the paraphrase model', () => {
    const decision = decideRelation(base({ sentences: 1 }), uniform(1));
    assert.equal(decision.evidence.model, 'sentence');
    assert.ok(decision.evidence.probabilities.paraphrase! > 0.5);
    assert.equal(decideRelation(base({ sentences: 1 }), uniform(0)).evidence.label, 'other');
  });

  it('carries its evidence: probabilities, the features read and their pull', () => {
    const evidence = decideRelation(base({ coverage: 0.9 }), uniform(0.9)).evidence;
    assert.ok(Object.keys(evidence.features).length > 0);
    assert.deepEqual(
      Object.keys(evidence.contributions)
        .filter((name) => !name.startsWith('kind:'))
        .sort(),
      [...RELATION_WEIGHTS.derived.model.features].sort(),
    );
  });
});

describe('cross-validation folds', () => {
  it('never puts one group in two folds, and holds every item out once', () => {
    const groups = ['a', 'c', 'b', 'a', 'c', 'c', 'b', 'a'];
    const folds = groupedFolds(groups);
    assert.equal(folds.length, 3);
    for (const fold of folds) assert.equal(new Set(fold.map((index) => groups[index])).size, 1);
    const held = folds.flat().sort((x, y) => x - y);
    assert.deepEqual(
      held,
      groups.map((_, index) => index),
    );
    for (const fold of folds) {
      const training = complement(fold, groups.length);
      const heldGroup = groups[fold[0]!];
      assert.ok(training.every((index) => groups[index] !== heldGroup));
    }
  });

  it('stratifies k folds the same way for the same seed', () => {
    const labels = Array.from({ length: 40 }, (_, index) => (index % 4 === 0 ? 'yes' : 'no'));
    const folds = stratifiedFolds(labels, 5, 7);
    assert.deepEqual(folds, stratifiedFolds(labels, 5, 7));
    for (const fold of folds) assert.equal(fold.filter((index) => labels[index] === 'yes').length, 2);
    assert.deepEqual(
      folds.flat().sort((x, y) => x - y),
      labels.map((_, index) => index),
    );
  });
});

describe('the learners', () => {
  const rows = [[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]];
  const labels = ['no', 'no', 'no', 'yes', 'yes', 'yes'];

  it('fit a separable boundary and are deterministic', () => {
    const model = trainLogistic(rows, labels, ['no', 'yes'], ['x'], { l2: 0.01 });
    assert.deepEqual(model, trainLogistic(rows, labels, ['no', 'yes'], ['x'], { l2: 0.01 }));
    assert.ok(predictProbabilities(model, [0.05])[0]! > 0.5);
    assert.ok(predictProbabilities(model, [0.95])[1]! > 0.5);
  });

  it('keep a monotone ordinal model monotone, and clamp values outside the training range', () => {
    const model = trainOrdinal(rows, labels, ['no', 'yes'], ['x'], { l2: 0.01, monotone: true });
    assert.ok(model.weights[0]![1]! >= 0);
    assert.deepEqual(predictProbabilities(model, [-5]), predictProbabilities(model, [0.1]));
  });
});

describe('overlap measures', () => {
  const x = 'the cat sat on the mat today'.split(' ');
  const y = 'yesterday the cat sat on a mat'.split(' ');

  it('count n-gram containment on distinct n-grams', () => {
    assert.equal(ngramContainment(x, y, 1), 5 / 6);
    assert.equal(ngramContainment(x, y, 3), 2 / 5);
  });

  it('find the longest common subsequence', () => {
    assert.equal(longestCommonSubsequence(x, y), 5);
  });

  it('find the same LCS as the full table, across machine-word boundaries', () => {
    // Sequences over a few words, of lengths around multiples of 32 (the bit-parallel word size).
    for (const [m, n, alphabet] of [
      [31, 40, 3],
      [32, 32, 2],
      [33, 70, 4],
      [64, 65, 5],
      [97, 130, 3],
    ] as const) {
      const first = Array.from({ length: m }, (_, i) => `w${(i * 7 + (i >> 2)) % alphabet}`);
      const second = Array.from({ length: n }, (_, i) => `w${(i * 5 + (i >> 3)) % alphabet}`);
      assert.equal(longestCommonSubsequence(first, second), tableLcs(first, second), `${m}x${n}`);
      assert.equal(longestCommonSubsequence(second, first), tableLcs(first, second), `${n}x${m}`);
    }
  });

  it('tile runs of at least three words once', () => {
    assert.equal(greedyStringTiling(x, y), 4);
    assert.equal(greedyStringTiling(x, x), x.length);
  });

  it('count local edits inside copied text, not the joins of pasted pieces', () => {
    const source = 'the cat sat on the warm mat by the old red door of the house'.split(' ');
    // One word swapped inside a copied run: one edit over 12 tiled words.
    const edited = 'the cat sat on the soft mat by the old red door'.split(' ');
    assert.equal(editsPerHundredReused(stringTiles(edited, source)), 100 / 11);
    // Two pieces pasted out of order: a jump, not an edit.
    const pasted = 'the old red door of the house the cat sat on'.split(' ');
    assert.equal(editsPerHundredReused(stringTiles(pasted, source)), 0);
    assert.equal(editsPerHundredReused([]), 0);
  });
});
