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
import { loadDocuments } from '../src/cli/io.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import type { Alignment } from '../src/model/alignment.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import { DIRECTION_FEATURES, directionEvidence } from '../src/provenance/direction.js';
import { largestReuse } from '../src/provenance/insertion.js';
import { toInputSpan } from '../src/report/pair.js';
import { analyseArticle } from '../src/text/analyse.js';
import type { Lexicon } from '../src/text/lexicon.js';
import { loadClough } from './datasets.js';
import { accuracyOf, crossValidated, type Example, fitLogistic } from './logistic-fit.js';
import { writePanSuite } from './pan.js';
import { detects } from './pan-metrics.js';
import { buildPanSuite, DEFAULT_SEED } from './pan-suite.js';

const FOLDS = 5;

/** A document read and extracted as the CLI does it. */
async function loadOne(engine: Engine, path: string): Promise<AnalysedArticle> {
  const silent = { out: () => {}, err: () => {}, isTTY: false };
  const { documents } = await loadDocuments(engine, [path], silent);
  if (documents[0] === undefined) throw new Error(`${path}: no article`);
  return analyseArticle(documents[0].article);
}

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

export async function trainPanModels(datasets: string, modelsDirectory: string): Promise<void> {
  const engine = createEngine();
  const lexicon = engine.lexicon;
  const pairs = buildPanSuite(datasets, { seed: DEFAULT_SEED }, lexicon);
  const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-train-'));
  const passages: Example[] = [];
  const directions: Example[] = [];
  const directionCases: DirectionCase[] = [];
  let longerIsSource = 0;
  let leftOut = 0;

  try {
    for (const item of writePanSuite(pairs, directory)) {
      let source: AnalysedArticle;
      let copy: AnalysedArticle;
      try {
        source = await loadOne(engine, item.sourcePath);
        copy = await loadOne(engine, item.suspiciousPath);
      } catch {
        continue;
      }
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
        const detection = {
          thisReference: item.pair.suspicious.name,
          thisOffset: spanB.start,
          thisLength: spanB.end - spanB.start,
          sourceReference: item.pair.source.name,
          sourceOffset: spanA.start,
          sourceLength: spanA.end - spanA.start,
        };
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
      const source = await loadOne(cloughEngine, item.sourcePath);
      const copy = await loadOne(cloughEngine, item.path);
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
  let panDirections = 0;
  for (const [index, { source, copy, alignment, group, kind }] of directionCases.entries()) {
    const reused = largestReuse(withPassages(source, copy, alignment, passageModel, lexicon).passages);
    if (reused === null) continue;
    addPair(directions, directionEvidence(source, copy, alignment, reused, lexicon), group, kind);
    if (index < panCases) {
      panDirections += 2;
      if (source.article.text.length > copy.article.text.length) longerIsSource++;
    }
  }
  const options = { throughOrigin: true };
  const directionFit = fitLogistic(directions, DIRECTION_FEATURES, options);
  const directionModel = {
    ...directionFit,

    trainedBy: `${trainedBy}, with the derived answers of Clough & Stevenson (grouped by question)`,
    figures: {},
  };
  const cv = crossValidated(directions, DIRECTION_FEATURES, FOLDS, options);
  const resubstituted = directions.map((example) => probability(directionModel, example.features));
  const pan = directions.slice(0, panDirections);
  const clough = directions.slice(panDirections);
  directionModel.figures = {
    panPairs: panDirections / 2,
    cloughPairs: clough.length / 2,
    panAccuracyCrossValidated: round(accuracyOf(pan, cv.slice(0, panDirections))),
    panAccuracyResubstitution: round(accuracyOf(pan, resubstituted.slice(0, panDirections))),
    cloughAccuracyCrossValidated: round(accuracyOf(clough, cv.slice(panDirections))),
    cloughAccuracyResubstitution: round(accuracyOf(clough, resubstituted.slice(panDirections))),
    panLongerIsSourceBaseline: round(longerIsSource / (panDirections / 2)),
    panContainmentBaseline: round(containmentBaseline(pan)),
    cloughContainmentBaseline: round(containmentBaseline(clough)),
    crossValidatedByKind: byKind(directions, cv),
  };

  writeFileSync(join(modelsDirectory, 'passage-reuse.json'), `${JSON.stringify(passageModel, null, 2)}\n`);
  writeFileSync(join(modelsDirectory, 'direction.json'), `${JSON.stringify(directionModel, null, 2)}\n`);
  console.log('passage reuse model', passageModel.figures);
  console.log('direction model', directionModel.figures);
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
