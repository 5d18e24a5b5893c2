// Trains the relation models from public development data and writes
// src/classify/relation-weights.json: `npm run train [-- --datasets DIR]`.
// Deterministic: zero-start gradient descent, seeded folds, no data order effects.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloughRows, compareClough } from '../dist/eval/clough.js';
import { loadMsrp } from '../dist/eval/datasets.js';
import { compareMsrpPair, msrpFiles, msrpRows } from '../dist/eval/msrp.js';
import { stratifiedFolds } from '../dist/src/classify/cross-validation.js';
import {
  DERIVED_SPEC,
  FOLD_SEED,
  KIND_SPEC,
  SENTENCE_BOOSTING,
  SENTENCE_FEATURES,
  SENTENCE_FOLDS,
} from '../dist/src/classify/model-specs.js';
import {
  crossValidatedSentence,
  fitDocumentModels,
  fitSentenceModel,
  nestedDocumentPredictions,
  predictDocument,
  predictSentence,
} from '../dist/src/classify/training.js';
import { createEngine } from '../dist/src/engine/engine.js';

const index = process.argv.indexOf('--datasets');
const datasets = index >= 0 ? process.argv[index + 1] : join('..', 'shared', 'datasets');
const output = new URL('../src/classify/relation-weights.json', import.meta.url);

/** Indented JSON, except each tree on one line and the word weights ten to a line: readable, and small on disk. */
export function formatWeights(weights) {
  const marker = '"@@trees@@"';
  const wordsMarker = '"@@words@@"';
  const trees = weights.sentence.model.trees;
  const words = Object.entries(weights.sentence.words?.weights ?? {});
  const text = JSON.stringify(
    {
      ...weights,
      sentence: {
        ...weights.sentence,
        model: { ...weights.sentence.model, trees: '@@trees@@' },
        ...(weights.sentence.words ? { words: { ...weights.sentence.words, weights: '@@words@@' } } : {}),
      },
    },
    null,
    2,
  );
  const lines = trees.map((tree) => `        ${JSON.stringify(tree)}`).join(',\n');
  const wordLines = [];
  for (let start = 0; start < words.length; start += 10) {
    wordLines.push(
      `        ${words
        .slice(start, start + 10)
        .map(([word, weight]) => `${JSON.stringify(word)}: ${weight}`)
        .join(', ')}`,
    );
  }
  return `${text.replace(marker, `[\n${lines}\n      ]`).replace(wordsMarker, `{\n${wordLines.join(',\n')}\n      }`)}\n`;
}

const round = (value) => Math.round(value * 1000) / 1000;
const accuracy = (rows, predicted) =>
  round(rows.filter((row, i) => row.label === predicted[i]).length / rows.length);

function derivedFigures(rows, predicted) {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  rows.forEach((row, i) => {
    const gold = row.label !== 'non';
    const guess = predicted[i] !== 'non';
    if (gold && guess) truePositive++;
    else if (guess) falsePositive++;
    else if (gold) falseNegative++;
  });
  return {
    f1: round((2 * truePositive) / (2 * truePositive + falsePositive + falseNegative)),
    nonCalledDerived: falsePositive,
  };
}

async function trainDocument() {
  const comparisons = await compareClough(join(datasets, 'clough-stevenson-dev'));
  const rows = cloughRows(comparisons);
  const models = fitDocumentModels(rows, DERIVED_SPEC, KIND_SPEC);
  const resubstitution = rows.map((row) => predictDocument(models, row.features, DERIVED_SPEC, KIND_SPEC));
  const nested = nestedDocumentPredictions(rows, DERIVED_SPEC, KIND_SPEC);
  const tasks = [...new Set(rows.map((row) => row.group))].sort().join(', ');
  const data = `Clough & Stevenson (2011) short-answer reuse corpus, development questions ${tasks}: ${rows.length} answers, each compared with its Wikipedia source`;
  const trained = (selection, what) => ({
    data: `${data}; ${what}`,
    featureSet: selection.candidate.featureSet,
    l2: selection.candidate.l2,
    model: selection.model,
    figures: {
      selection: 'L2 penalty with the best leave-one-question-out accuracy',
      leaveOneQuestionOutAccuracy: round(selection.selectionAccuracy),
    },
  });
  return {
    derived: trained(models.derived, 'label: non, or derived (cut, light, heavy)'),
    kind: trained(models.kind, 'the derived answers only, label: heavy, light or cut'),
    figures: {
      resubstitutionAccuracy: accuracy(rows, resubstitution),
      resubstitutionDerivedF1: derivedFigures(rows, resubstitution).f1,
      nestedLeaveOneQuestionOutAccuracy: accuracy(rows, nested),
      nestedDerivedF1: derivedFigures(rows, nested).f1,
      nestedIndependentCalledDerived: derivedFigures(rows, nested).nonCalledDerived,
    },
  };
}

function trainSentence() {
  const pairs = msrpFiles(join(datasets, 'msrp-train')).flatMap((path) => loadMsrp(path));
  const engine = createEngine({ workers: 1 });
  const rows = msrpRows(pairs.map((pair) => compareMsrpPair(engine, pair)));
  const model = fitSentenceModel(rows, SENTENCE_FEATURES, SENTENCE_BOOSTING);
  const resubstitution = rows.map((row) => predictSentence(model, row));
  const folds = stratifiedFolds(
    rows.map((row) => row.label),
    SENTENCE_FOLDS,
    FOLD_SEED,
  );
  const crossValidated = crossValidatedSentence(rows, folds, SENTENCE_FEATURES, SENTENCE_BOOSTING);
  return {
    data: `Microsoft Research Paraphrase Corpus, training part: ${rows.length} sentence pairs (paraphrase or not)`,
    model: model.trees,
    words: model.words,
    figures: {
      settings: JSON.stringify(SENTENCE_BOOSTING),
      resubstitutionAccuracy: accuracy(rows, resubstitution),
      tenFoldAccuracy: accuracy(rows, crossValidated),
      folds: `stratified ${SENTENCE_FOLDS}-fold, seed ${FOLD_SEED}`,
    },
  };
}

const only = process.argv.includes('--document')
  ? 'document'
  : process.argv.includes('--sentence')
    ? 'sentence'
    : 'both';
const previous = JSON.parse(readFileSync(output, 'utf8'));
const document =
  only === 'sentence'
    ? { derived: previous.derived, kind: previous.kind, figures: previous.figures }
    : await trainDocument();
const sentence = only === 'document' ? previous.sentence : trainSentence();
const weights = {
  about:
    'Relation models written by `npm run train` (scripts/train-relation.mjs): logistic regression on standardised features (bias first in each weight row; an ordinal model has one row and cut points). Re-run to reproduce.',
  derived: document.derived,
  kind: document.kind,
  sentence,
  figures: document.figures,
};
writeFileSync(output, formatWeights(weights));
console.log(JSON.stringify({ document: document.figures, sentence: sentence.figures }, null, 2));
