// Fits the corpus screen (which LSH candidates get the full comparison) on the corpus bench's
// articles with planted copies, and writes src/corpus/screen-model.json.
// Usage: npm run train:screen [-- --datasets DIR] [--articles N]
// Deterministic: the bench corpus is seeded, the model starts from zero, folds are by family hash.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vocabularyOf } from '../dist/bench/corpus.js';
import { buildBenchCorpus } from '../dist/bench/corpus-data.js';
import { fitScreen, handScreenPasses, screenRows } from '../dist/bench/corpus-screen-fit.js';
import { Spinner } from '../dist/bench/corpus-spin.js';
import { copyProbability } from '../dist/src/corpus/verify.js';
import { createEngine } from '../dist/src/engine/engine.js';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const datasets = option('--datasets', join('..', 'shared', 'datasets'));
const articles = Number(option('--articles', '5000'));
const FOLDS = 5;
/** Share of training copies the cut-off keeps: the screen caps every recall figure. */
const RECALL_TARGET = 0.995;

const engine = createEngine({ workers: 1 });
const spinner = new Spinner(engine.lexicon, vocabularyOf(datasets));
const bench = buildBenchCorpus({ datasets, articles, plantedPerKind: 40, spinner, unseen: 0 });
const data = screenRows(bench);
const { rows, labels, groups, kinds } = data;

const foldOf = (group) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) hash = Math.imul(hash ^ group.charCodeAt(i), 0x01000193) >>> 0;
  return hash % FOLDS;
};
const folds = groups.map(foldOf);
const heldOut = rows.map(() => false);
for (let fold = 0; fold < FOLDS; fold++) {
  const train = rows.map((_, i) => i).filter((i) => folds[i] !== fold);
  const model = fitScreen(
    train.map((i) => rows[i]),
    train.map((i) => labels[i]),
    RECALL_TARGET,
  );
  rows.forEach((row, i) => {
    if (folds[i] === fold) heldOut[i] = copyProbability(model, row) >= model.threshold;
  });
}
const model = fitScreen(rows, labels, RECALL_TARGET);
const resubstitution = rows.map((row) => copyProbability(model, row) >= model.threshold);
const baseline = rows.map(handScreenPasses);

const round = (value) => Math.round(value * 1000) / 1000;
function score(passes) {
  const byKind = {};
  for (const kind of [...new Set(kinds.filter((kind) => kind !== ''))].sort()) {
    const members = kinds.map((k, i) => (k === kind ? i : -1)).filter((i) => i >= 0);
    byKind[kind] = round(members.filter((i) => passes[i]).length / members.length);
  }
  const positives = labels.map((label, i) => (label === 'copy' ? i : -1)).filter((i) => i >= 0);
  const passed = passes.filter(Boolean).length;
  const truePassed = positives.filter((i) => passes[i]).length;
  return {
    recall: round(truePassed / positives.length),
    recallByKind: byKind,
    passed,
    precision: round(truePassed / Math.max(1, passed)),
  };
}
const summary = {
  pairs: rows.length,
  copies: labels.filter((label) => label === 'copy').length,
  crossValidated: score(heldOut),
  resubstitution: score(resubstitution),
  baselineHandCutoffs: score(baseline),
};
const output = {
  ...model,
  trainedOn: `corpus bench (npm run bench -- corpus): ${articles} articles, 40 planted copies per kind; every LSH candidate pair`,
  objective: `logistic regression, classes balanced; cut-off keeps ${RECALL_TARGET} of the training copies`,
  validation: `${FOLDS}-fold CV holding out whole source families`,
  ...summary,
};
writeFileSync(
  new URL('../src/corpus/screen-model.json', import.meta.url),
  `${JSON.stringify(output, null, 2)}\n`,
);
console.log(JSON.stringify(summary, null, 2));
