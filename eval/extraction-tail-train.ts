import { basename, join } from 'node:path';
import { trainBoostedTrees } from '../src/classify/boosted-trees.js';
import { storyBeforeTail } from '../src/extract/extract-html.js';
import {
  chromeProbability,
  edgeCandidates,
  edgeFeatureNames,
  edgeFeatures,
  type LogisticTailModel,
  type StoryEdge,
  storyShape,
  type TailModel,
  withoutTailChrome,
} from '../src/extract/html/tail-model.js';
import { isInputFailure, readInputs } from '../src/ingest/index.js';
import { trainingFolders, writeModelWithFigures } from './extraction-training.js';
import { isStoryText, type Truth, truths } from './extraction-truths.js';
import { type Example, fitLogistic } from './logistic-fit.js';

/**
 * `npm run train:extract -- --tail` (`-- --lead`: the lead model, the same way for the story's
 * first blocks, as the tail model has left the story): learns the tail model (src/extract/html/tail-model.ts), a
 * logistic regression telling page chrome among a story's last blocks, from the union of the
 * page-extraction development sets, with cross-validation that leaves one whole data set out;
 * the model family (a logistic regression or small boosted trees) and the threshold are the
 * pair with the best mean held-out net gain, and the model stays off unless that gain is
 * positive on every held-out set.
 *
 * A tail block is chrome when its text is not part of the page's ground truth (ScrapingHub,
 * L3S-GN1, Dragnet without comments) or, on trafilatura's set, when it holds a segment the
 * output must not contain (story when it holds one it must contain; other blocks are left out).
 */

interface Sample extends Example {
  words: number;
}

const THRESHOLDS = Array.from({ length: 18 }, (_, index) => 0.1 + 0.05 * index);

/** 1 for chrome, 0 for story, null when the truth does not tell. */
function labelOf(truth: Truth, text: string): 0 | 1 | null {
  const story = isStoryText(truth, text);
  return story === null ? null : story ? 0 : 1;
}

async function samplesOf(directory: string, edge: StoryEdge): Promise<Sample[]> {
  const set = basename(directory);
  const samples: Sample[] = [];
  for (const [id, truth] of [...truths(directory)].sort((a, b) => a[0].localeCompare(b[0]))) {
    for await (const item of readInputs([join(directory, 'html', `${id}.html.gz`)])) {
      if (isInputFailure(item)) continue;
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

type HeldOut = { set: string; tallies: Tally[] }[];

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

function asModel(fitted: ReturnType<typeof fitLogistic>, threshold: number): LogisticTailModel {
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
/** Shallow trees, few of them, leaves of at least 20 blocks: a few thousand samples in all. */
const TREES = { trees: 100, depth: 3, learningRate: 0.1, minLeaf: 20 };

/** The model families compared on held-out sets: the regression alone, or blended with trees. */
type Family = 'logistic' | 'blend';
const FAMILIES: readonly Family[] = ['logistic', 'blend'];

function fitFamily(family: Family, samples: readonly Sample[], featureNames: readonly string[]): TailModel {
  const logistic = asModel(fitLogistic(samples, featureNames, FIT), 0.5);
  if (family === 'logistic') return logistic;
  const { features, mean, scale, weights, bias, threshold } = logistic;
  const boosted = trainBoostedTrees(
    samples.map((sample) => sample.features),
    samples.map((sample) => (sample.label === 1 ? 'chrome' : 'story')),
    'chrome',
    'story',
    featureNames,
    TREES,
  );
  return { features, logistic: { mean, scale, weights, bias }, boosted, threshold };
}

/** One family's tallies on each set held out of its training. */
function heldOutTallies(
  family: Family,
  samples: readonly Sample[],
  sets: readonly string[],
  featureNames: readonly string[],
): HeldOut {
  return sets.map((set) => ({
    set,
    tallies: tallies(
      fitFamily(
        family,
        samples.filter((sample) => sample.group !== set),
        featureNames,
      ),
      samples.filter((sample) => sample.group === set),
    ),
  }));
}

function meanAt(heldOut: HeldOut, at: number): number {
  return heldOut.reduce((sum, fold) => sum + netGain(fold.tallies[at]!), 0) / heldOut.length;
}

/** A cut that costs one kind of page would not carry: every held-out set must gain. */
function everyGains(heldOut: HeldOut, at: number): boolean {
  return heldOut.every((fold) => netGain(fold.tallies[at]!) > 0);
}

interface Choice {
  family: Family;
  heldOut: HeldOut;
  /** Index into THRESHOLDS. */
  at: number;
}

/**
 * The family and threshold with the best mean held-out net gain among those at which every
 * held-out set gains, or null; `log` prints every candidate's figures.
 */
function chooseFamily(
  byFamily: readonly { family: Family; heldOut: HeldOut }[],
  log: boolean,
): Choice | null {
  let chosen: Choice | null = null;
  for (const { family, heldOut } of byFamily) {
    for (const [index, at] of THRESHOLDS.entries()) {
      if (log) {
        console.log(
          `${family} threshold ${at.toFixed(2)}: held-out net gain ${heldOut.map((fold) => `${fold.set} ${netGain(fold.tallies[index]!).toFixed(3)}`).join(', ')}; mean ${meanAt(heldOut, index).toFixed(3)}`,
        );
      }
      if (!everyGains(heldOut, index)) continue;
      if (chosen === null || meanAt(heldOut, index) > meanAt(chosen.heldOut, chosen.at)) {
        chosen = { family, heldOut, at: index };
      }
    }
  }
  return chosen;
}

/**
 * The held-out figure of the whole procedure (nested): for each set, the family and threshold are
 * chosen again by leaving out each of the other sets in turn, and the chosen model, trained on
 * the other sets, is scored on the set held out of all of it. Choosing among thresholds and
 * families flatters the plain held-out figure; this one is not chosen on the set it scores.
 */
function nestedFigures(
  samples: readonly Sample[],
  sets: readonly string[],
  featureNames: readonly string[],
): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const outer of sets) {
    const inner = sets.filter((set) => set !== outer);
    const training = samples.filter((sample) => sample.group !== outer);
    const choice = chooseFamily(
      FAMILIES.map((family) => ({ family, heldOut: heldOutTallies(family, training, inner, featureNames) })),
      false,
    );
    if (choice === null) {
      figures[outer] = 'off (no family and threshold gain on every inner held-out set)';
    } else {
      const model = {
        ...fitFamily(choice.family, training, featureNames),
        threshold: THRESHOLDS[choice.at]!,
      };
      const tally = tallies(
        model,
        samples.filter((sample) => sample.group === outer),
      )[choice.at]!;
      figures[outer] = `${choice.family} at ${THRESHOLDS[choice.at]!.toFixed(2)}: ${describe(tally)}`;
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
  const sets = [...new Set(samples.map((sample) => sample.group))];
  const byFamily = FAMILIES.map((family) => ({
    family,
    heldOut: heldOutTallies(family, samples, sets, featureNames),
  }));
  const chosen = chooseFamily(byFamily, true);
  // Where no choice gains on every set, the regression's best mean is still reported (the model off).
  const regression = byFamily[0]!.heldOut;
  const best =
    chosen ??
    THRESHOLDS.reduce<Choice>(
      (top, _, index) =>
        meanAt(regression, index) > meanAt(top.heldOut, top.at)
          ? { family: FAMILIES[0]!, heldOut: regression, at: index }
          : top,
      { family: FAMILIES[0]!, heldOut: regression, at: 0 },
    );
  const threshold = chosen === null ? 1 : THRESHOLDS[best.at]!;
  console.log(
    chosen === null
      ? '\nno family and threshold gain on every held-out set: the model stays off'
      : `\n${best.family} at threshold ${threshold.toFixed(2)} (best mean held-out net gain, ${meanAt(best.heldOut, best.at).toFixed(3)}, over the ${sets.length} sets)`,
  );
  const nestedCrossValidated = nestedFigures(samples, sets, featureNames);
  const model = {
    ...fitFamily(best.family, samples, featureNames),
    threshold,
    family: best.family,
    nestedCrossValidated,
  };
  writeModelWithFigures(output, model, {
    sets,
    count: ['samples', samples.length],
    candidates: THRESHOLDS,
    best: best.at,
    heldOut: best.heldOut.map((fold) => ({ set: fold.set, results: fold.tallies })),
    resubstitute: (set) =>
      tallies(
        model,
        samples.filter((sample) => sample.group === set),
      ),
    describe,
  });
}
