import { basename } from 'node:path';
import { complement, groupedFolds } from '../src/classify/cross-validation.js';
import type { FeatureVector } from '../src/classify/feature-vector.js';
import { DERIVED_SPEC, KIND_SPEC } from '../src/classify/model-specs.js';
import { RELATION_WEIGHTS } from '../src/classify/relation-model.js';
import { type LabelledRow, nestedDocumentPredictions } from '../src/classify/training.js';
import { loadDocuments } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { RelationKind } from '../src/model/relation.js';
import type { CompareJson } from '../src/report/json.js';
import { compareDocuments } from '../src/service/index.js';
import { type CloughItem, loadClough, readText } from './datasets.js';
import { accuracy, confusionTable, f1Of, macroF1 } from './metrics.js';
import { capturingConsole, fixed, pairVector, plainWords, type SuiteOptions, tableRow } from './suite.js';

/**
 * Clough & Stevenson (2011) short-answer text reuse: each answer against its task's Wikipedia
 * source, scored as `wiretrace compare orig_taskX.txt answer.txt` scores it (files read and
 * extracted like any input), with leave-one-question-out figures for everything fitted.
 */

/** How each relation reads in the corpus's four classes. */
export const CLOUGH_CLASS: Record<RelationKind, CloughItem['category']> = {
  identical: 'cut',
  copy: 'cut',
  'near-copy': 'light',
  spun: 'light',
  rewrite: 'heavy',
  'same-story': 'non',
  unrelated: 'non',
};

export interface CloughComparison {
  item: CloughItem;
  relation: RelationKind;
  /** 'a->b': the source (a) was found to be the source. */
  direction: 'a->b' | 'b->a' | null;
  vector: FeatureVector;
}

/**
 * One answer compared with its source through the CLI's own steps: the engine reads and
 * extracts both files, and the compare service decides.
 */
export async function compareCloughItem(
  item: CloughItem,
  engine: Engine = createEngine({ workers: 1 }),
): Promise<CloughComparison> {
  const io = capturingConsole();
  const { documents, failed } = await loadDocuments(engine, [item.sourcePath, item.path], io);
  const [source, answer] = documents;
  if (failed > 0 || source === undefined || answer === undefined || documents.length !== 2) {
    throw new Error(`${item.file}: ${io.errors().trim()}`);
  }
  const { result } = await compareDocuments(engine, source, answer);
  return {
    item,
    relation: result.relation,
    direction: result.direction.direction,
    vector: pairVector(engine.analyse(source.article), engine.analyse(answer.article), engine.lexicon),
  };
}

/** The relation `wiretrace compare source answer --json` prints, run in-process. */
export async function cliRelation(item: CloughItem): Promise<RelationKind> {
  const io = capturingConsole();
  const code = await main(['compare', item.sourcePath, item.path, '--json'], io);
  if (code !== 0) throw new Error(`${item.file}: compare exited ${code}: ${io.errors().trim()}`);
  return (JSON.parse(io.output()) as CompareJson).relation;
}

export async function compareClough(directory: string): Promise<CloughComparison[]> {
  const engine = createEngine({ workers: 1 });
  const comparisons: CloughComparison[] = [];
  for (const item of loadClough(directory)) comparisons.push(await compareCloughItem(item, engine));
  await engine.close();
  return comparisons;
}

/** Training rows: the corpus class is the label, the question the group. */
export function cloughRows(comparisons: readonly CloughComparison[]): LabelledRow[] {
  return comparisons.map(({ item, vector }) => ({
    features: vector,
    label: item.category,
    group: item.task,
  }));
}

/**
 * The baseline: word n-gram containment (n = 1..5) of the answer in its source, read off the raw
 * texts, each answer given the class of the nearest class centroid, centroids fitted on the other
 * questions only.
 */
export function containmentBaseline(items: readonly CloughItem[], heldOut: boolean): string[] {
  const points = items.map((item) => containmentProfile(readText(item.path), readText(item.sourcePath)));
  const predicted = new Array<string>(items.length).fill('');
  const folds = heldOut ? groupedFolds(items.map((item) => item.task)) : [items.map((_, index) => index)];
  for (const fold of folds) {
    const training = heldOut ? complement(fold, items.length) : fold;
    const centroids = new Map<string, number[]>();
    for (const label of ['cut', 'light', 'heavy', 'non']) {
      const members = training.filter((index) => items[index]!.category === label);
      if (members.length === 0) continue;
      centroids.set(
        label,
        points[0]!.map(
          (_, j) => members.reduce((sum, index) => sum + points[index]![j]!, 0) / members.length,
        ),
      );
    }
    for (const index of fold) {
      let best = '';
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const [label, centroid] of centroids) {
        const distance = centroid.reduce((sum, value, j) => sum + (value - points[index]![j]!) ** 2, 0);
        if (distance < bestDistance) [best, bestDistance] = [label, distance];
      }
      predicted[index] = best;
    }
  }
  return predicted;
}

function containmentProfile(answer: string, source: string): number[] {
  const x = plainWords(answer);
  const y = plainWords(source);
  return [1, 2, 3, 4, 5].map((n) => {
    const grams = (words: string[]): Set<string> =>
      new Set(
        words.slice(0, Math.max(0, words.length - n + 1)).map((_, i) => words.slice(i, i + n).join(' ')),
      );
    const own = grams(x);
    const theirs = grams(y);
    return own.size > 0 ? [...own].filter((gram) => theirs.has(gram)).length / own.size : 0;
  });
}

function derivedView(labels: readonly string[]): string[] {
  return labels.map((label) => (label === 'non' ? 'non' : 'derived'));
}

function calledDerived(gold: readonly string[], predicted: readonly string[]): number {
  return gold.filter((label, index) => label === 'non' && predicted[index] !== 'non').length;
}

export async function evaluateSuite(directory: string, options: SuiteOptions): Promise<void> {
  const comparisons = await compareClough(directory);
  const items = comparisons.map((comparison) => comparison.item);
  const gold = items.map((item) => item.category);
  let agreeing = 0;
  for (const comparison of comparisons) {
    if ((await cliRelation(comparison.item)) === comparison.relation) agreeing++;
  }
  const resubstitution = comparisons.map((comparison) => CLOUGH_CLASS[comparison.relation]);
  const rows = cloughRows(comparisons);
  const crossValidated = nestedDocumentPredictions(rows, DERIVED_SPEC, KIND_SPEC);
  const baselineHeldOut = containmentBaseline(items, true);
  const baselineAll = containmentBaseline(items, false);
  const tasks = [...new Set(items.map((item) => item.task))].sort().join(', ');
  console.log(
    `\nClough & Stevenson (2011) short-answer reuse (${basename(directory)}): ${items.length} answers vs their source, questions ${tasks}`,
  );
  console.log(
    `scored as \`wiretrace compare orig_taskX.txt answer.txt\` does; the CLI itself agrees on ${agreeing} of ${items.length}`,
  );
  console.log(tableRow('figure', ['resubstitution', 'leave-1-question', 'baseline LOQO', 'baseline resub.']));
  const figures: Array<[string, (predicted: string[]) => string]> = [
    ['4-class accuracy', (predicted) => fixed(accuracy(gold, predicted))],
    ['4-class macro-F1', (predicted) => fixed(macroF1(gold, predicted))],
    ['derived-vs-not F1', (predicted) => fixed(f1Of(derivedView(gold), derivedView(predicted), 'derived'))],
    [
      'independent called derived',
      (predicted) => `${calledDerived(gold, predicted)} of ${gold.filter((label) => label === 'non').length}`,
    ],
  ];
  for (const [name, figure] of figures) {
    console.log(tableRow(name, [resubstitution, crossValidated, baselineHeldOut, baselineAll].map(figure)));
  }
  console.log(
    'leave-1-question: nested; the feature set and penalty are chosen on the other questions only.',
  );
  printDerivedCeiling(rows);
  const { derived, kind } = RELATION_WEIGHTS;
  console.log(
    `committed models: derived-or-not ${derived.featureSet} (L2 ${derived.l2}), kind ${kind.featureSet} (L2 ${kind.l2}) over ${kind.model.classes.join('/')}`,
  );
  console.log(
    'baseline: nearest class centroid over word 1..5-gram containment of the answer in its source (raw text).',
  );
  console.log('published anchor: lexical n-gram/LCS classifiers 0.70-0.76 (4 classes)');
  printDirection(comparisons);
  console.log(`\nresubstitution (the committed model):\n${confusionTable(gold, resubstitution)}`);
  console.log(`\nleave-one-question-out:\n${confusionTable(gold, crossValidated)}`);
  if (options.verbose) {
    comparisons.forEach((comparison, index) => {
      console.log(
        `${comparison.item.file} gold=${comparison.item.category} got=${comparison.relation} cv=${crossValidated[index]}`,
      );
    });
  }
}

/**
 * What no monotone derived-or-not model can get right: a derived answer that shares no more with
 * its source than some independent answer does, on every figure the model reads, can only be
 * called derived by calling that independent answer derived too.
 */
function printDerivedCeiling(rows: readonly LabelledRow[]): void {
  const features = Object.values(DERIVED_SPEC.featureSets).flat();
  const independent = rows.filter((row) => row.label === 'non');
  const derived = rows.filter((row) => row.label !== 'non');
  const dominated = derived.filter((row) =>
    independent.some((other) => features.every((name) => row.features[name] <= other.features[name])),
  );
  const found = derived.length - dominated.length;
  console.log(
    `ceiling: ${dominated.length} of ${derived.length} derived answers share no more with the source than some independent answer on every figure the derived-or-not model reads; derived-vs-not F1 with no independent answer called derived is at most ${fixed((2 * found) / (2 * found + dominated.length))}, direction source→answer at most ${fixed(found / Math.max(1, derived.length))} (an answer not found derived has no direction)`,
  );
}

/** Direction over every answer derived from the source: undecided or not found derived counts as wrong. */
function printDirection(comparisons: readonly CloughComparison[]): void {
  const derived = comparisons.filter((comparison) => comparison.item.category !== 'non');
  const right = derived.filter((comparison) => comparison.direction === 'a->b').length;
  const wrong = derived.filter((comparison) => comparison.direction === 'b->a').length;
  const undecided = derived.length - right - wrong;
  console.log(
    `direction source→answer     ${fixed(right / Math.max(1, derived.length))} of ${derived.length} derived answers (${wrong} reversed, ${undecided} undecided or not found derived)`,
  );
}
