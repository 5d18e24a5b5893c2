/**
 * Trains the two models the PAN-format suite can teach, on the suite built from the development
 * data, and writes them to models/ with their cross-validated figures (5 folds holding out whole
 * source articles) beside the resubstitution ones and a simple baseline's:
 * - passage-reuse.json: whether a group of aligned sentences is a reuse or chance resemblance;
 * - direction.json: which text of a derived pair is the copy (the one a reused passage was put
 *   into, or the one almost wholly held by the other), also taught by every derived answer of
 *   Clough & Stevenson (grouped by question).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignArticles } from '../src/align/align.js';
import { isCanonicalOrder } from '../src/align/canonical-order.js';
import type { LogisticModel } from '../src/align/logistic.js';
import { PASSAGE_FEATURES, passageEvidence } from '../src/align/passage-evidence.js';
import { buildPassages, reuseCandidates } from '../src/align/passages.js';
import { swapAlignment } from '../src/align/swap.js';
import { tokenWeights } from '../src/align/weights.js';
import { createEngine } from '../src/engine/engine.js';
import type { Alignment } from '../src/model/alignment.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import { DIRECTION_FEATURES, directionEvidence } from '../src/provenance/direction.js';
import { largestReuse } from '../src/provenance/insertion.js';
import { toInputSpan } from '../src/report/pair.js';
import type { Lexicon } from '../src/text/lexicon.js';
import { loadClough } from './datasets.js';
import { accuracyOf, crossValidated, type Example, fitLogistic } from './logistic-fit.js';
import { analysedPanPairs, loadAnalysed, pairDetection, writePanSuite } from './pan.js';
import { detects } from './pan-metrics.js';
import { buildPanSuite, DEFAULT_SEED } from './pan-suite.js';

const FOLDS = 5;

/**
 * Seeds of further suites the direction model may learn from (`--direction-seeds 2012,2013,2014`;
 * not the eval's suite, 2011, nor the other seeds it is checked on, 3001-3008). None by default.
 * Over 19 suites (2010, 2012-2029) the committed models put direction right on 0.875 to 0.950 of
 * each suite's planted pairs (2011 reads 0.955): one suite of 200 moves by several pairs. Fitted
 * on 2010 and 2012-2019 (Clough's answers repeated 10 times to keep their cross-validated figure),
 * the model scored 0.911 on seeds 3001-3004 (unchanged), 0.915 on 3005-3008 (from 0.911), 0.955
 * on 2011 (unchanged), but Clough 0.813 (from 0.844, one answer reversed more).
 */
export const DIRECTION_SEEDS: readonly number[] = [];
/** At most this many copies of Clough's answers beside the planted pairs. */
const MAX_CLOUGH_WEIGHT = 12;

/** A derived pair whose direction is known: source first. */
interface DirectionCase {
  source: AnalysedArticle;
  copy: AnalysedArticle;
  alignment: Alignment;
  group: string;
  kind: string;
}

/** The alignment with its passages rebuilt by a passage model, in the order compare builds them. */
function withPassages(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  model: LogisticModel,
  lexicon: Lexicon,
): Alignment {
  if (!isCanonicalOrder(a, b)) {
    const swapped = swapAlignment(alignment);
    const passages = buildPassages(
      b,
      a,
      swapped.pairs,
      tokenWeights(b, lexicon),
      tokenWeights(a, lexicon),
      model,
    );
    return swapAlignment({ ...swapped, passages });
  }
  const passages = buildPassages(
    a,
    b,
    alignment.pairs,
    tokenWeights(a, lexicon),
    tokenWeights(b, lexicon),
    model,
  );
  return { ...alignment, passages };
}

/**
 * Trains and writes the models; with `dumpDirections`, also writes the direction examples
 * (features, label, group, kind) there, for comparing feature sets by the same grouped CV.
 */
export async function trainPanModels(
  datasets: string,
  modelsDirectory: string,
  dumpDirections = '',
  directionSeeds: readonly number[] = DIRECTION_SEEDS,
): Promise<void> {
  const engine = createEngine();
  const lexicon = engine.lexicon;
  const pairs = buildPanSuite(datasets, { seed: DEFAULT_SEED }, lexicon);
  const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-train-'));
  const passages: Example[] = [];
  const directionCases: DirectionCase[] = [];
  let longerIsSource = 0;
  let leftOut = 0;

  try {
    for await (const { item, source, copy } of analysedPanPairs(engine, writePanSuite(pairs, directory))) {
      const alignment = alignArticles(source, copy, lexicon);
      const weightsSource = tokenWeights(source, lexicon);
      const weightsCopy = tokenWeights(copy, lexicon);
      for (const group of reuseCandidates(source, copy, alignment.pairs)) {
        const sentencesA = [...new Set(group.map((pair) => pair.a))].sort((x, y) => x - y);
        const sentencesB = [...new Set(group.map((pair) => pair.b))].sort((x, y) => x - y);
        const spanA = toInputSpan(source.article, {
          start: source.sentences[sentencesA[0]!]!.start,
          end: source.sentences[sentencesA[sentencesA.length - 1]!]!.end,
        });
        const spanB = toInputSpan(copy.article, {
          start: copy.sentences[sentencesB[0]!]!.start,
          end: copy.sentences[sentencesB[sentencesB.length - 1]!]!.end,
        });
        const detection = pairDetection(item.pair, [spanB.start, spanB.end], [spanA.start, spanA.end]);
        const reuse = item.truth.some((plagiarismCase) => detects(detection, plagiarismCase));
        // Copy sentences of a planted case linked to other sentences of its source article (which
        // share its topic and names) are neither the reuse nor a chance resemblance: left out.
        // Compare gives each sentence to one reuse, the likelier group (oneReusePerSentence in
        // src/align/passages.ts), so such links lose their sentences before the model sees them.
        const touchesCase = item.truth.some(
          (plagiarismCase) =>
            detection.thisOffset < plagiarismCase.thisOffset + plagiarismCase.thisLength &&
            plagiarismCase.thisOffset < detection.thisOffset + detection.thisLength,
        );
        if (!reuse && touchesCase) {
          leftOut++;
          continue;
        }
        passages.push({
          features: passageEvidence(group, source, weightsSource, weightsCopy),
          label: reuse ? 1 : 0,
          group: item.pair.sourceArticle,
        });
      }
      if (item.truth.length > 0) {
        directionCases.push({
          source,
          copy,
          alignment,
          group: item.pair.sourceArticle,
          kind: `${item.pair.shape}:${item.pair.cases[0]?.obfuscation}`,
        });
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await engine.close();
  }
  // Short answers written from a given source (Clough & Stevenson), read as the CLI reads them:
  // every derived answer, whole or partial copy, teaches which side is the source.
  const panCases = directionCases.length;
  const cloughEngine = createEngine({ workers: 1 });
  try {
    for (const item of loadClough(join(datasets, 'clough-stevenson-dev'))) {
      if (item.category === 'non') continue;
      const source = await loadAnalysed(cloughEngine, item.sourcePath);
      const copy = await loadAnalysed(cloughEngine, item.path);
      const alignment = alignArticles(source, copy, lexicon);
      directionCases.push({
        source,
        copy,
        alignment,
        group: `clough:${item.task}`,
        kind: `clough:${item.category}`,
      });
    }
  } finally {
    await cloughEngine.close();
  }
  const trainedBy = `npm run train:pan (PAN-format suite, seed ${DEFAULT_SEED}, ${FOLDS}-fold CV holding out source articles)`;

  const passageFit = fitLogistic(passages, PASSAGE_FEATURES);
  const passageModel = { ...passageFit, trainedBy, figures: {} };
  const passageCv = accuracyOf(passages, crossValidated(passages, PASSAGE_FEATURES, FOLDS));
  const { probability } = await import('../src/align/logistic.js');
  const passageResub = accuracyOf(
    passages,
    passages.map((example) => probability(passageModel, example.features)),
  );
  const positives = passages.filter((example) => example.label === 1).length;
  const majority = Math.max(positives, passages.length - positives) / passages.length;
  passageModel.figures = {
    examples: passages.length,
    reuses: positives,
    leftOutLinksOfCaseSentencesElsewhere: leftOut,
    accuracyCrossValidated: round(passageCv),
    accuracyResubstitution: round(passageResub),
    majorityBaseline: round(majority),
  };

  // The direction is read off the largest passage, as compare finds it with the passage model just fitted.
  const panExamples: Example[] = [];
  const cloughExamples: Example[] = [];
  for (const [index, { source, copy, alignment, group, kind }] of directionCases.entries()) {
    const reused = largestReuse(withPassages(source, copy, alignment, passageModel, lexicon).passages);
    if (reused === null) continue;
    const evidence = directionEvidence(source, copy, alignment, reused, lexicon);
    addPair(index < panCases ? panExamples : cloughExamples, evidence, group, kind);
    if (index < panCases && source.article.text.length > copy.article.text.length) longerIsSource++;
  }
  const trainingSuites = panExamples.length;
  // More planted pairs for the direction model only: the suite built again with other seeds
  // (other passages and hosts; grouped by source article with the first suite's pairs).
  for (const seed of directionSeeds) {
    panExamples.push(...(await seedDirections(datasets, seed, passageModel)));
  }
  // Clough's answers are a kind of reuse of their own (whole short answers on the source's
  // topic), and more planted pairs drown them: they are repeated, as few times as keeps their
  // cross-validated figure (questions held out) at least where it is with the first suite alone.
  const options = { throughOrigin: true };
  const withClough = (pan: readonly Example[], weight: number): Example[] => {
    const examples = [...pan];
    for (let copy = 0; copy < weight; copy++) examples.push(...cloughExamples);
    return examples;
  };
  const cloughCv = (pan: readonly Example[], weight: number): { pan: number; clough: number } => {
    const examples = withClough(pan, weight);
    const predictions = crossValidated(examples, DIRECTION_FEATURES, FOLDS, options);
    const end = pan.length + cloughExamples.length;
    return {
      pan: accuracyOf(pan, predictions.slice(0, pan.length)),
      clough: accuracyOf(examples.slice(pan.length, end), predictions.slice(pan.length, end)),
    };
  };
  const firstSuite = cloughCv(panExamples.slice(0, trainingSuites), 1);
  const search: string[] = [];
  let cloughWeight = MAX_CLOUGH_WEIGHT;
  for (let weight = 1; weight <= MAX_CLOUGH_WEIGHT; weight++) {
    const figures = cloughCv(panExamples, weight);
    search.push(`${weight}: pan ${round(figures.pan)}, clough ${round(figures.clough)}`);
    if (figures.clough >= firstSuite.clough) {
      cloughWeight = weight;
      break;
    }
  }
  const directions = withClough(panExamples, cloughWeight);
  const panDirections = panExamples.length;
  if (dumpDirections !== '')
    writeFileSync(dumpDirections, JSON.stringify({ names: DIRECTION_FEATURES, directions }));
  const directionFit = fitLogistic(directions, DIRECTION_FEATURES, options);
  const directionModel = {
    ...directionFit,

    trainedBy: `${trainedBy}, with the derived answers of Clough & Stevenson (grouped by question)`,
    figures: {},
  };
  const cv = crossValidated(directions, DIRECTION_FEATURES, FOLDS, options);
  const resubstituted = directions.map((example) => probability(directionModel, example.features));
  const pan = directions.slice(0, panDirections);
  // Clough's answers once (their copies share a fold, so the same predictions).
  const once = panDirections + cloughExamples.length;
  const clough = directions.slice(panDirections, once);
  directionModel.figures = {
    panPairs: panDirections / 2,
    cloughPairs: cloughExamples.length / 2,
    directionSeeds: [DEFAULT_SEED, ...directionSeeds].join(', '),
    cloughWeight,
    cloughWeightSearch: `first suite alone: pan ${round(firstSuite.pan)}, clough ${round(firstSuite.clough)}; ${search.join('; ')}`,
    panAccuracyCrossValidated: round(accuracyOf(pan, cv.slice(0, panDirections))),
    panAccuracyResubstitution: round(accuracyOf(pan, resubstituted.slice(0, panDirections))),
    cloughAccuracyCrossValidated: round(accuracyOf(clough, cv.slice(panDirections, once))),
    cloughAccuracyResubstitution: round(accuracyOf(clough, resubstituted.slice(panDirections, once))),
    panLongerIsSourceBaseline: round(longerIsSource / (trainingSuites / 2)),
    panContainmentBaseline: round(containmentBaseline(pan)),
    cloughContainmentBaseline: round(containmentBaseline(clough)),
    crossValidatedByKind: byKind(directions.slice(0, once), cv.slice(0, once)),
  };

  writeFileSync(join(modelsDirectory, 'passage-reuse.json'), `${JSON.stringify(passageModel, null, 2)}\n`);
  writeFileSync(join(modelsDirectory, 'direction.json'), `${JSON.stringify(directionModel, null, 2)}\n`);
  console.log('passage reuse model', passageModel.figures);
  console.log('direction model', directionModel.figures);
}

/**
 * The planted pairs of the suite built with `seed`, as direction examples: the largest reused
 * passage compare finds with the passage model, and the pair's evidence (source first).
 */
async function seedDirections(
  datasets: string,
  seed: number,
  passageModel: LogisticModel,
): Promise<Example[]> {
  const engine = createEngine({ workers: 1 });
  const lexicon = engine.lexicon;
  const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-train-seed-'));
  const examples: Example[] = [];
  try {
    const pairs = buildPanSuite(datasets, { seed }, lexicon);
    const planted = writePanSuite(pairs, directory).filter((item) => item.truth.length > 0);
    for await (const { item, source, copy } of analysedPanPairs(engine, planted)) {
      const alignment = alignArticles(source, copy, lexicon);
      const reused = largestReuse(withPassages(source, copy, alignment, passageModel, lexicon).passages);
      if (reused === null) continue;
      const kind = `${item.pair.shape}:${item.pair.cases[0]?.obfuscation}`;
      addPair(
        examples,
        directionEvidence(source, copy, alignment, reused, lexicon),
        item.pair.sourceArticle,
        kind,
      );
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await engine.close();
  }
  return examples;
}

/** Share of pairs where the text holding more of the other is the source (the simple baseline). */
function containmentBaseline(examples: readonly Example[]): number {
  const column = DIRECTION_FEATURES.indexOf('containment');
  const sources = examples.filter((example) => example.label === 1);
  return sources.filter((example) => example.features[column]! > 0).length / Math.max(1, sources.length);
}

/** Cross-validated right/total per kind of pair (suite shape and obfuscation, Clough class). */
function byKind(examples: readonly Example[], predictions: readonly number[]): string {
  const counts = new Map<string, { right: number; total: number }>();
  examples.forEach((example, index) => {
    if (example.label !== 1) return;
    const count = counts.get(example.kind ?? '') ?? { right: 0, total: 0 };
    count.total++;
    if (predictions[index]! >= 0.5) count.right++;
    counts.set(example.kind ?? '', count);
  });
  return [...counts]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([kind, count]) => `${kind} ${count.right}/${count.total}`)
    .join(', ');
}

/** A pair and its mirror image: the model learns an antisymmetric vote. */
function addPair(directions: Example[], evidence: number[], group: string, kind: string): void {
  directions.push({ features: evidence, label: 1, group, kind });
  directions.push({ features: evidence.map((value) => -value), label: 0, group, kind });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
