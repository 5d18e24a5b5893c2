import { basename } from 'node:path';
import { containerView } from '../src/extract/extract-html.js';
import {
  CONTAINER_FEATURE_NAMES,
  type ContainerModel,
  containerProbability,
} from '../src/extract/html/container-model.js';
import { containerCandidatesOf } from '../src/extract/html/content-container.js';
import { isInsideAny } from '../src/extract/html/dom.js';
import { trainingFolders, writeModelWithFigures } from './extraction-training.js';
import { isStoryText, truthPages, words } from './extraction-truths.js';
import { type Example, fitLogistic } from './logistic-fit.js';

/**
 * `npm run train:extract -- --container`: learns the container model
 * (src/extract/html/container-model.ts) from the union of the page-extraction development sets.
 * Each page's best-scoring candidates are weighed by the story words they hold minus the chrome
 * words (blocks matched against the ground truth as for the block model); the candidates of
 * greatest worth are the positives. Cross-validation leaves one whole data set out; the margin
 * is the one with the best mean held-out gain, and the model stays off unless no held-out set
 * loses and the mean gains.
 */

interface Candidate {
  features: number[];
  worth: number;
}

interface Page {
  set: string;
  candidates: Candidate[];
  storyWords: number;
}

const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
const FIT = { l2: 0.01, iterations: 1500 };

async function pagesOf(directory: string): Promise<Page[]> {
  const set = basename(directory);
  const pages: Page[] = [];
  for await (const { truth, page: item } of truthPages(directory)) {
    const view = containerView(item);
    const { blocks, candidates } = containerCandidatesOf(view.pageBlocks, view.headline);
    if (candidates.length < 2) continue;
    const labels = blocks.map((block) => isStoryText(truth, block.text));
    const storyWords = blocks.reduce(
      (sum, block, index) => sum + (labels[index] === true ? words(block.text) : 0),
      0,
    );
    pages.push({
      set,
      storyWords,
      candidates: candidates.map((candidate) => {
        const inside = new Set([candidate.element]);
        let worth = 0;
        blocks.forEach((block, index) => {
          if (labels[index] === null || !isInsideAny(block.element, inside)) return;
          worth += labels[index] ? words(block.text) : -words(block.text);
        });
        return { features: candidate.features, worth };
      }),
    });
  }
  return pages;
}

function examplesOf(pages: readonly Page[]): Example[] {
  return pages.flatMap((page) => {
    const best = Math.max(...page.candidates.map((candidate) => candidate.worth));
    return page.candidates.map(
      (candidate): Example => ({
        features: candidate.features,
        label: candidate.worth === best && best > 0 ? 1 : 0,
        group: page.set,
      }),
    );
  });
}

function asModel(fitted: ReturnType<typeof fitLogistic>, margin: number): ContainerModel {
  return {
    features: fitted.features,
    mean: fitted.mean,
    scale: fitted.scale,
    weights: fitted.weights,
    bias: fitted.bias,
    margin,
  };
}

/** Story words gained over the score's winner at each margin, as a share of the pages' story words. */
function gains(model: ContainerModel, pages: readonly Page[]): { gain: number; switched: number }[] {
  const total = Math.max(
    1,
    pages.reduce((sum, page) => sum + page.storyWords, 0),
  );
  return MARGINS.map((margin) => {
    let gain = 0;
    let switched = 0;
    for (const page of pages) {
      const probabilities = page.candidates.map((candidate) =>
        containerProbability(model, candidate.features),
      );
      let best = 0;
      probabilities.forEach((probability, index) => {
        if (probability > probabilities[best]!) best = index;
      });
      if (best === 0 || probabilities[best]! - probabilities[0]! < margin) continue;
      switched++;
      gain += page.candidates[best]!.worth - page.candidates[0]!.worth;
    }
    return { gain: gain / total, switched };
  });
}

export async function trainContainerModel(datasets: string, output: string): Promise<void> {
  const folders = trainingFolders(datasets, 'train:extract --container');
  if (folders === null) {
    process.exitCode = 1;
    return;
  }
  const pages: Page[] = [];
  for (const folder of folders) {
    const found = await pagesOf(folder);
    console.log(`${basename(folder)}: ${found.length} pages with runners-up`);
    pages.push(...found);
  }
  const sets = [...new Set(pages.map((page) => page.set))];
  const heldOut = sets.map((set) => ({
    set,
    gains: gains(
      asModel(
        fitLogistic(examplesOf(pages.filter((page) => page.set !== set)), CONTAINER_FEATURE_NAMES, FIT),
        0,
      ),
      pages.filter((page) => page.set === set),
    ),
  }));
  const meanAt = (at: number) =>
    heldOut.reduce((sum, fold) => sum + fold.gains[at]!.gain, 0) / heldOut.length;
  // The best mean held-out gain among the margins at which no held-out set loses.
  const safe = (at: number) => heldOut.every((fold) => fold.gains[at]!.gain >= 0);
  let best = MARGINS.length - 1;
  MARGINS.forEach((_, index) => {
    if (safe(index) && meanAt(index) > meanAt(best)) best = index;
  });
  for (const [index, margin] of MARGINS.entries()) {
    console.log(
      `margin ${margin.toFixed(2)}: held-out gain ${heldOut.map((fold) => `${fold.set} ${fold.gains[index]!.gain.toFixed(4)} (${fold.gains[index]!.switched} switched)`).join(', ')}`,
    );
  }
  const on = safe(best) && meanAt(best) > 0;
  const margin = on ? MARGINS[best]! : 1;
  console.log(
    on
      ? `\nmargin ${margin.toFixed(2)} (best mean held-out gain, ${meanAt(best).toFixed(4)} of story words)`
      : `\nno margin gains without a held-out set losing: the model stays off`,
  );
  const describe = (gain: { gain: number; switched: number }) =>
    `switches ${gain.switched} pages, story words gained ${gain.gain.toFixed(4)} (share of the set's story words)`;
  const model = asModel(fitLogistic(examplesOf(pages), CONTAINER_FEATURE_NAMES, FIT), margin);
  writeModelWithFigures(output, model, {
    sets,
    count: ['pages', pages.length],
    candidates: MARGINS,
    best,
    heldOut: heldOut.map((fold) => ({ set: fold.set, results: fold.gains })),
    resubstitute: (set) =>
      gains(
        model,
        pages.filter((page) => page.set === set),
      ),
    describe,
  });
}
