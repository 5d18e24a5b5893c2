import { basename } from 'node:path';
import { storyBeforeTail } from '../src/extract/extract-html.js';
import {
  chromeProbability,
  edgeCandidates,
  edgeFeatureNames,
  edgeFeatures,
  type StoryEdge,
  storyShape,
  type TailModel,
  withoutTailChrome,
} from '../src/extract/html/tail-model.js';
import { trainingFolders, writeModelWithFigures } from './extraction-training.js';
import { isStoryText, type Truth, truthPages } from './extraction-truths.js';
import { type Example, fitLogistic } from './logistic-fit.js';

/**
 * `npm run train:extract -- --tail` (`-- --lead`: the lead model, the same way for the story's
 * first blocks, as the tail model has left the story): learns the tail model (src/extract/html/tail-model.ts), a
 * logistic regression telling page chrome among a story's last blocks, from the union of the
 * page-extraction development sets, with cross-validation that leaves one whole data set out;
 * the threshold is the one with the best mean held-out net gain, and the model stays off unless
 * that gain is positive on every held-out set. The nested figure chooses the threshold again
 * inside each training fold.
 *
 * A tail block is chrome when its text is not part of the page's ground truth (ScrapingHub,
 * L3S-GN1, Dragnet without comments) or, on trafilatura's set, when it holds a segment the
 * output must not contain (story when it holds one it must contain; other blocks are left out).
 */

export interface Sample extends Example {
  words: number;
}

const THRESHOLDS = Array.from({ length: 18 }, (_, index) => 0.1 + 0.05 * index);

/** 1 for chrome, 0 for story, null when the truth does not tell. */
export function labelOf(truth: Truth, text: string): 0 | 1 | null {
  const story = isStoryText(truth, text);
  return story === null ? null : story ? 0 : 1;
}

async function samplesOf(directory: string, edge: StoryEdge): Promise<Sample[]> {
  const set = basename(directory);
  const samples: Sample[] = [];
  for await (const { id, truth, page: item } of truthPages(directory)) {
    let story: ReturnType<typeof storyBeforeTail>;
    try {
      story = storyBeforeTail(item);
    } catch {
      continue;
    }
    // The lead model looks at the story as the tail model leaves it (the order extraction runs them).
    const labels = edge === 'lead' ? withoutTailChrome(story.blocks, story.labels) : story.labels;
    const shape = storyShape(story.blocks, labels);
    for (const index of edgeCandidates(labels, edge)) {
      const label = labelOf(truth, story.blocks[index]!.text);
      if (label === null) continue;
      samples.push({
        features: edgeFeatures(story.blocks, shape, index, edge),
        label,
        group: set,
        kind: id,
        words: shape.words[index]!,
      });
    }
  }
  return samples;
}

interface Tally {
  chromeWords: number;
  storyWords: number;
  chromeBlocks: number;
  storyBlocks: number;
  allChromeWords: number;
}

function tallies(model: TailModel, samples: readonly Sample[]): Tally[] {
  const probabilities = samples.map((sample) => chromeProbability(model, sample.features));
  const allChromeWords = samples.reduce((sum, sample) => sum + (sample.label === 1 ? sample.words : 0), 0);
  return THRESHOLDS.map((threshold) => {
    const tally = { chromeWords: 0, storyWords: 0, chromeBlocks: 0, storyBlocks: 0, allChromeWords };
    samples.forEach((sample, index) => {
      if (probabilities[index]! < threshold) return;
      if (sample.label === 1) {
        tally.chromeWords += sample.words;
        tally.chromeBlocks++;
      } else {
        tally.storyWords += sample.words;
        tally.storyBlocks++;
      }
    });
    return tally;
  });
}

/**
 * Chrome words cut minus story words lost, as a share of the chrome words the tails hold: at the
 * precision and recall extraction has, a cut gains when it takes more chrome than story.
 */
function netGain(tally: Tally): number {
  return (tally.chromeWords - tally.storyWords) / Math.max(1, tally.allChromeWords);
}

function describe(tally: Tally): string {
  const precision = tally.chromeWords / Math.max(1, tally.chromeWords + tally.storyWords);
  return `cuts ${tally.chromeBlocks} chrome / ${tally.storyBlocks} story blocks, word precision ${precision.toFixed(3)}, removes ${((100 * tally.chromeWords) / Math.max(1, tally.allChromeWords)).toFixed(1)}% of the edge's chrome words, net ${netGain(tally).toFixed(3)}`;
}

function asModel(fitted: ReturnType<typeof fitLogistic>, threshold: number): TailModel {
  return {
    features: fitted.features,
    mean: fitted.mean,
    scale: fitted.scale,
    weights: fitted.weights,
    bias: fitted.bias,
    threshold,
  };
}

const FIT = { l2: 0.01, iterations: 1500 };

type HeldOut = { set: string; tallies: Tally[] }[];

/** The tallies, at every threshold, of each set held out of the model's training. */
function heldOutTallies(
  samples: readonly Sample[],
  sets: readonly string[],
  featureNames: readonly string[],
): HeldOut {
  return sets.map((set) => ({
    set,
    tallies: tallies(
      asModel(
        fitLogistic(
          samples.filter((sample) => sample.group !== set),
          featureNames,
          FIT,
        ),
        0.5,
      ),
      samples.filter((sample) => sample.group === set),
    ),
  }));
}

function meanNetGain(heldOut: HeldOut, at: number): number {
  return heldOut.reduce((sum, fold) => sum + netGain(fold.tallies[at]!), 0) / heldOut.length;
}

/** Index of the threshold with the best mean held-out net gain. */
function bestThreshold(heldOut: HeldOut): number {
  let best = 0;
  THRESHOLDS.forEach((_, index) => {
    if (meanNetGain(heldOut, index) > meanNetGain(heldOut, best)) best = index;
  });
  return best;
}

/**
 * The held-out figure of the whole procedure (nested): for each set, the threshold is chosen
 * again (and the model turned off or on) by leaving out each of the other sets in turn, and the
 * model trained on the other sets is scored at it on the set held out of all of it. Choosing
 * among thresholds on the held-out sets themselves flatters the plain figure; this one is not
 * chosen on the set it scores.
 */
function nestedFigures(
  samples: readonly Sample[],
  sets: readonly string[],
  featureNames: readonly string[],
): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const outer of sets) {
    const training = samples.filter((sample) => sample.group !== outer);
    const inner = heldOutTallies(
      training,
      sets.filter((set) => set !== outer),
      featureNames,
    );
    const at = bestThreshold(inner);
    if (!inner.every((fold) => netGain(fold.tallies[at]!) > 0)) {
      figures[outer] = 'off (no threshold gains on every other held-out set)';
    } else {
      const model = asModel(fitLogistic(training, featureNames, FIT), THRESHOLDS[at]!);
      const tally = tallies(
        model,
        samples.filter((sample) => sample.group === outer),
      )[at]!;
      figures[outer] = `threshold ${THRESHOLDS[at]!.toFixed(2)}: ${describe(tally)}`;
    }
    console.log(`nested, held out ${outer}: ${figures[outer]}`);
  }
  return figures;
}

export async function trainTailModel(
  datasets: string,
  output: string,
  edge: StoryEdge = 'tail',
): Promise<void> {
  const folders = trainingFolders(datasets, `train:extract --${edge}`);
  const featureNames = edgeFeatureNames(edge);
  if (folders === null) {
    process.exitCode = 1;
    return;
  }
  const samples: Sample[] = [];
  for (const folder of folders) {
    const found = await samplesOf(folder, edge);
    console.log(
      `${basename(folder)}: ${found.length} ${edge} blocks, ${found.filter((sample) => sample.label === 1).length} of them chrome`,
    );
    samples.push(...found);
  }
  fitBlockModel(samples, featureNames, output);
}

/**
 * Fits a chrome-block model (the tail, lead or inner model) on `samples` from every set, picks
 * its threshold by leaving one whole data set out (off unless every held-out set gains), prints
 * the held-out, nested and resubstitution figures and writes the model to `output`.
 */
export function fitBlockModel(
  samples: readonly Sample[],
  featureNames: readonly string[],
  output: string,
): void {
  const sets = [...new Set(samples.map((sample) => sample.group))];
  const heldOut = heldOutTallies(samples, sets, featureNames);
  const meanAt = (at: number) => meanNetGain(heldOut, at);
  const best = bestThreshold(heldOut);
  for (const [index, at] of THRESHOLDS.entries()) {
    console.log(
      `threshold ${at.toFixed(2)}: held-out net gain ${heldOut.map((fold) => `${fold.set} ${netGain(fold.tallies[index]!).toFixed(3)}`).join(', ')}`,
    );
  }
  // Off unless every held-out set gains: a cut that costs one kind of page would not carry.
  const everyGains = heldOut.every((fold) => netGain(fold.tallies[best]!) > 0);
  const threshold = everyGains ? THRESHOLDS[best]! : 1;
  console.log(
    everyGains
      ? `\nthreshold ${threshold.toFixed(2)} (best mean held-out net gain, ${meanAt(best).toFixed(3)}, over the ${sets.length} sets)`
      : `\nno threshold gains on every held-out set (best ${THRESHOLDS[best]!.toFixed(2)}): the model stays off`,
  );
  const nestedCrossValidated = nestedFigures(samples, sets, featureNames);
  const model = { ...asModel(fitLogistic(samples, featureNames, FIT), threshold), nestedCrossValidated };
  writeModelWithFigures(output, model, {
    sets,
    count: ['samples', samples.length],
    candidates: THRESHOLDS,
    best,
    heldOut: heldOut.map((fold) => ({ set: fold.set, results: fold.tallies })),
    resubstitute: (set) =>
      tallies(
        model,
        samples.filter((sample) => sample.group === set),
      ),
    describe,
  });
}
