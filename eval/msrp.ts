import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { complement, stratifiedFolds } from '../src/classify/cross-validation.js';
import type { FeatureVector } from '../src/classify/feature-vector.js';
import { predictProbabilities, trainLogistic } from '../src/classify/logistic.js';
import {
  FOLD_SEED,
  SENTENCE_BOOSTING,
  SENTENCE_FEATURES,
  SENTENCE_FOLDS,
} from '../src/classify/model-specs.js';
import { crossValidatedSentence, type LabelledRow } from '../src/classify/training.js';
import { differingWords } from '../src/classify/word-weights.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import { DERIVED_RELATIONS, type RelationKind } from '../src/model/relation.js';
import { articleFromText } from '../src/text/plain-article.js';
import { loadMsrp, type ParaphrasePair } from './datasets.js';
import { accuracy, f1Of } from './metrics.js';
import { fixed, pairVector, plainWords, type SuiteOptions, tableRow } from './suite.js';

/**
 * Microsoft Research Paraphrase Corpus: each sentence pair compared as `wiretrace compare
 * --pairs` compares two given texts; a derived relation counts as "paraphrase". Everything
 * fitted is also scored by stratified 10-fold cross-validation.
 */

export interface MsrpComparison {
  pair: ParaphrasePair;
  relation: RelationKind;
  vector: FeatureVector;
  /** Words one sentence has and the other does not (what the learned word weights read). */
  words: string[];
}

/** The pair as `compare --pairs` reads {"id", "a", "b"} with plain texts: no extraction, one article each. */
export function compareMsrpPair(engine: Engine, pair: ParaphrasePair): MsrpComparison {
  const a = articleFromText(`${pair.id}:a`, pair.a);
  const b = articleFromText(`${pair.id}:b`, pair.b);
  const result = engine.compare(a, b, { changes: false });
  return {
    pair,
    relation: result.relation,
    vector: pairVector(engine.analyse(a), engine.analyse(b), engine.lexicon),
    words: differingWords(engine.analyse(a), engine.analyse(b), engine.lexicon),
  };
}

/** The corpus files of a folder (the training part, and any other part stored beside it). */
export function msrpFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => /\.(txt|tsv)$/i.test(name))
    .sort()
    .map((name) => join(directory, name));
}

export function msrpRows(comparisons: readonly MsrpComparison[]): LabelledRow[] {
  return comparisons.map(({ pair, vector, words }) => ({
    features: vector,
    label: pair.paraphrase ? 'paraphrase' : 'other',
    group: pair.id,
    words,
  }));
}

/** Plain lexical figures on the raw sentences: word 1- and 2-gram overlap both ways and length. */
function lexicalProfile(pair: ParaphrasePair): number[] {
  const x = plainWords(pair.a);
  const y = plainWords(pair.b);
  const overlap = (own: string[], other: string[], n: number): number => {
    const grams = (words: string[]): string[] =>
      words.slice(0, Math.max(0, words.length - n + 1)).map((_, i) => words.slice(i, i + n).join(' '));
    const mine = grams(own);
    const theirs = new Set(grams(other));
    return mine.length > 0 ? mine.filter((gram) => theirs.has(gram)).length / mine.length : 0;
  };
  const precision1 = overlap(x, y, 1);
  const recall1 = overlap(y, x, 1);
  const precision2 = overlap(x, y, 2);
  const recall2 = overlap(y, x, 2);
  return [
    Math.min(precision1, recall1),
    Math.max(precision1, recall1),
    Math.min(precision2, recall2),
    Math.max(precision2, recall2),
    Math.min(x.length, y.length) / Math.max(1, x.length, y.length),
    Math.abs(x.length - y.length),
  ];
}

/** The baseline: logistic regression over the plain lexical profile, on the same folds. */
export function lexicalBaseline(
  pairs: readonly ParaphrasePair[],
  folds: readonly (readonly number[])[],
  heldOut = true,
): string[] {
  const profiles = pairs.map(lexicalProfile);
  const labels = pairs.map((pair) => (pair.paraphrase ? 'paraphrase' : 'other'));
  const names = [
    'minPrecision1',
    'maxPrecision1',
    'minPrecision2',
    'maxPrecision2',
    'lengthRatio',
    'lengthGap',
  ];
  const predicted = new Array<string>(pairs.length).fill('');
  for (const fold of folds) {
    // Resubstitution trains on every pair, the fold included.
    const training = heldOut ? complement(fold, pairs.length) : [...fold];
    const model = trainLogistic(
      training.map((index) => profiles[index]!),
      training.map((index) => labels[index]!),
      ['paraphrase', 'other'],
      names,
      { l2: 0.01, steps: 300 },
    );
    for (const index of fold) {
      predicted[index] = predictProbabilities(model, profiles[index]!)[0]! >= 0.5 ? 'paraphrase' : 'other';
    }
  }
  return predicted;
}

/** Further fold seeds the 10-fold figure is repeated with. */
const OTHER_FOLD_SEEDS = [1, 2, 3];

export async function evaluateSuite(directory: string, options: SuiteOptions): Promise<void> {
  for (const path of msrpFiles(directory)) evaluateFile(path, options);
}

function evaluateFile(path: string, options: SuiteOptions): void {
  const started = performance.now();
  const engine = createEngine({ workers: 1 });
  const comparisons = loadMsrp(path).map((pair) => compareMsrpPair(engine, pair));
  const seconds = (performance.now() - started) / 1000;
  const gold = comparisons.map((comparison) => (comparison.pair.paraphrase ? 'paraphrase' : 'other'));
  const resubstitution = comparisons.map((comparison) =>
    DERIVED_RELATIONS.has(comparison.relation) ? 'paraphrase' : 'other',
  );
  const rows = msrpRows(comparisons);
  const folds = stratifiedFolds(gold, SENTENCE_FOLDS, FOLD_SEED);
  const crossValidated = crossValidatedSentence(rows, folds, SENTENCE_FEATURES, SENTENCE_BOOSTING);
  const pairs = comparisons.map((comparison) => comparison.pair);
  const baselineHeldOut = lexicalBaseline(pairs, folds);
  const baselineAll = lexicalBaseline(pairs, [pairs.map((_, index) => index)], false);
  console.log(
    `\nMicrosoft Research Paraphrase Corpus (${basename(path)}): ${pairs.length} sentence pairs (compared in ${fixed(seconds)} s)`,
  );
  console.log(
    tableRow('figure', ['resubstitution', `${SENTENCE_FOLDS}-fold CV`, 'baseline CV', 'baseline resub.']),
  );
  for (const [name, figure] of [
    ['accuracy', (predicted: string[]) => fixed(accuracy(gold, predicted))],
    ['F1 (paraphrase)', (predicted: string[]) => fixed(f1Of(gold, predicted, 'paraphrase'))],
  ] as const) {
    console.log(tableRow(name, [resubstitution, crossValidated, baselineHeldOut, baselineAll].map(figure)));
  }
  console.log(
    `${SENTENCE_FOLDS}-fold CV: stratified, seeded; the word weights and the trees are fitted on the other folds (the trees' settings are fixed).`,
  );
  // One seed's folds can be lucky: the same figure over other seeds shows the spread.
  const otherSeeds = OTHER_FOLD_SEEDS.map((seed) => {
    const seeded = stratifiedFolds(gold, SENTENCE_FOLDS, seed);
    return accuracy(gold, crossValidatedSentence(rows, seeded, SENTENCE_FEATURES, SENTENCE_BOOSTING));
  });
  console.log(
    `${SENTENCE_FOLDS}-fold CV accuracy with fold seeds ${OTHER_FOLD_SEEDS.join(', ')}: ${otherSeeds.map(fixed).join(', ')} (mean with the above ${fixed((otherSeeds.reduce((sum, value) => sum + value, 0) + accuracy(gold, crossValidated)) / (otherSeeds.length + 1))})`,
  );
  console.log('baseline: logistic regression over word 1-/2-gram overlap both ways and length, raw text.');
  console.log(
    'published anchors (test part): Madnani et al. 2012 (MT metrics) accuracy 0.774, F1 0.841; lexical 0.70-0.75',
  );
  if (options.verbose) {
    const wrong = gold.filter((label, index) => crossValidated[index] !== label).length;
    console.log(`cross-validated errors: ${wrong}`);
  }
}
