/**
 * Trains the two models the PAN-format suite can teach, on the suite built from the development
 * data, and writes them to models/ with their cross-validated figures (5 folds holding out whole
 * source articles) beside the resubstitution ones and a simple baseline's:
 * - passage-reuse.json: whether a group of aligned sentences is a reuse or chance resemblance;
 * - direction-insertion.json: which text a reused passage was put into (the copy).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignArticles } from '../src/align/align.js';
import { PASSAGE_FEATURES, passageEvidence } from '../src/align/passage-evidence.js';
import { reuseCandidates } from '../src/align/passages.js';
import { tokenWeights } from '../src/align/weights.js';
import { loadArticles } from '../src/cli/io.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import type { Article } from '../src/model/article.js';
import { INSERTION_FEATURES, insertionEvidence } from '../src/provenance/insertion.js';
import { toInputSpan } from '../src/report/pair.js';
import { analyseArticle } from '../src/text/analyse.js';
import { getLexicon } from '../src/text/lexicon.js';
import { accuracyOf, crossValidated, type Example, fitLogistic } from './logistic-fit.js';
import { writePanSuite } from './pan.js';
import { detects } from './pan-metrics.js';
import { buildPanSuite, DEFAULT_SEED } from './pan-suite.js';

const FOLDS = 5;

async function loadOne(path: string): Promise<AnalysedArticle> {
  const silent = { out: () => {}, err: () => {}, isTTY: false };
  const { articles } = await loadArticles([path], silent);
  return analyseArticle(articles[0] as Article);
}

export async function trainPanModels(datasets: string, modelsDirectory: string): Promise<void> {
  const lexicon = getLexicon();
  const pairs = buildPanSuite(datasets, { seed: DEFAULT_SEED });
  const directory = mkdtempSync(join(tmpdir(), 'wiretrace-pan-train-'));
  const passages: Example[] = [];
  const directions: Example[] = [];
  let longerIsSource = 0;
  try {
    for (const item of writePanSuite(pairs, directory)) {
      const source = await loadOne(item.sourcePath);
      const copy = await loadOne(item.suspiciousPath);
      const alignment = alignArticles(source, copy, lexicon);
      const weightsSource = tokenWeights(source, lexicon);
      const weightsCopy = tokenWeights(copy, lexicon);
      let best: { sentencesA: number[]; sentencesB: number[] } | null = null;
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
        passages.push({
          features: passageEvidence(group, source, weightsSource, weightsCopy),
          label: reuse ? 1 : 0,
          group: item.pair.sourceArticle,
        });
        const size = sentencesA.length + sentencesB.length;
        if (reuse && (best === null || size > best.sentencesA.length + best.sentencesB.length)) {
          best = { sentencesA, sentencesB };
        }
      }
      if (best === null) continue;
      const evidence = insertionEvidence(source, copy, best, lexicon);
      directions.push({ features: evidence, label: 1, group: item.pair.sourceArticle });
      directions.push({
        features: evidence.map((value) => -value),
        label: 0,
        group: item.pair.sourceArticle,
      });
      if (source.article.text.length > copy.article.text.length) longerIsSource++;
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
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
    accuracyCrossValidated: round(passageCv),
    accuracyResubstitution: round(passageResub),
    majorityBaseline: round(majority),
  };

  const options = { throughOrigin: true };
  const directionFit = fitLogistic(directions, INSERTION_FEATURES, options);
  const directionModel = { ...directionFit, trainedBy, figures: {} };
  const directionCv = accuracyOf(directions, crossValidated(directions, INSERTION_FEATURES, FOLDS, options));
  const directionResub = accuracyOf(
    directions,
    directions.map((example) => probability(directionModel, example.features)),
  );
  const pairsSeen = directions.length / 2;
  directionModel.figures = {
    pairs: pairsSeen,
    accuracyCrossValidated: round(directionCv),
    accuracyResubstitution: round(directionResub),
    longerIsSourceBaseline: round(longerIsSource / pairsSeen),
  };

  writeFileSync(join(modelsDirectory, 'passage-reuse.json'), `${JSON.stringify(passageModel, null, 2)}\n`);
  writeFileSync(
    join(modelsDirectory, 'direction-insertion.json'),
    `${JSON.stringify(directionModel, null, 2)}\n`,
  );
  console.log('passage reuse model', passageModel.figures);
  console.log('direction (insertion) model', directionModel.figures);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
