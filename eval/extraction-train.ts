import { basename, join } from 'node:path';
import { storyLayout } from '../src/extract/extract-html.js';
import {
  BLOCK_FEATURE_NAMES,
  type BlockCandidate,
  type BlockModel,
  blockCandidates,
  candidateFeatures,
  storyPositionsOf,
  storyProbability,
} from '../src/extract/html/block-model.js';
import { isHeading } from '../src/extract/html/dom.js';
import { trainContainerModel } from './extraction-container-train.js';
import { trainInnerModel } from './extraction-inner-train.js';
import { trainTailModel } from './extraction-tail-train.js';
import { trainingFolders, writeModelWithFigures } from './extraction-training.js';
import { isStoryText, truthPages, words } from './extraction-truths.js';

/**
 * `npm run train:extract` (`-- --tail`: the tail model, see extraction-tail-train.ts): learns the block model (a logistic regression over block features,
 * src/extract/html/block-model.ts) from the union of the page-extraction development sets, with
 * cross-validation that leaves one whole data set out, and writes the weights with the figures.
 *
 * A candidate block (outside the content container, or inside it under a positional chrome
 * label) is labelled story when its text is part of the page's ground truth (ScrapingHub,
 * L3S-GN1, Dragnet without comments); on trafilatura's set when it holds a segment the output
 * must contain (chrome when it holds one it must not; other blocks are left out).
 */

interface Sample {
  set: string;
  features: number[];
  story: boolean;
  words: number;
}

const EPOCHS = 300;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;
const THRESHOLDS = Array.from({ length: 19 }, (_, index) => 0.05 * (index + 1));

/**
 * Which candidates a run learns from (`--candidates inside,before`): inside or outside the
 * container, on which side of the story (sides given are alternatives), prose only (no heading,
 * ten words or more). What one kind of error would gain from a model of its own, held out the
 * same way; all candidates when none is given.
 */
export interface CandidateFilter {
  container: 'inside' | 'outside' | null;
  sides: ReadonlySet<'before' | 'between' | 'after'>;
  prose: boolean;
}

function candidateFilter(spec: string): CandidateFilter {
  const parts = new Set(spec.split(',').filter((part) => part !== ''));
  const known = ['inside', 'outside', 'before', 'between', 'after', 'prose'];
  for (const part of parts) if (!known.includes(part)) throw new Error(`unknown --candidates part: ${part}`);
  return {
    container: parts.has('inside') ? 'inside' : parts.has('outside') ? 'outside' : null,
    sides: new Set((['before', 'between', 'after'] as const).filter((side) => parts.has(side))),
    prose: parts.has('prose'),
  };
}

const MIN_PROSE_WORDS = 10;

function passes(filter: CandidateFilter, candidate: BlockCandidate, positions: readonly number[]): boolean {
  if (filter.container === 'inside' && candidate.label === null) return false;
  if (filter.container === 'outside' && candidate.label !== null) return false;
  if (filter.sides.size > 0) {
    const side =
      candidate.position < (positions[0] ?? 0)
        ? 'before'
        : candidate.position > (positions[positions.length - 1] ?? 0)
          ? 'after'
          : 'between';
    if (!filter.sides.has(side)) return false;
  }
  if (!filter.prose) return true;
  return !isHeading(candidate.block.element) && words(candidate.block.text) >= MIN_PROSE_WORDS;
}

async function samplesOf(directory: string, filter: CandidateFilter): Promise<Sample[]> {
  const set = basename(directory);
  const samples: Sample[] = [];
  for await (const { truth, page: item } of truthPages(directory)) {
    const layout = storyLayout(item);
    if (!layout.labels.includes('story')) continue;
    const positions = storyPositionsOf(layout);
    for (const candidate of blockCandidates(layout)) {
      if (!passes(filter, candidate, positions)) continue;
      const story = isStoryText(truth, candidate.block.text);
      if (story === null) continue;
      samples.push({
        set,
        features: candidateFeatures(layout, candidate, positions),
        story,
        words: words(candidate.block.text),
      });
    }
  }
  return samples;
}

/** Logistic regression by full-batch gradient descent on standardised features, L2-regularised. */
function train(samples: readonly Sample[]): BlockModel {
  const width = BLOCK_FEATURE_NAMES.length;
  const means = new Array<number>(width).fill(0);
  const scales = new Array<number>(width).fill(0);
  for (const sample of samples) {
    sample.features.forEach((value, index) => {
      means[index]! += value;
    });
  }
  for (let index = 0; index < width; index++) means[index]! /= samples.length;
  for (const sample of samples) {
    sample.features.forEach((value, index) => {
      scales[index]! += (value - means[index]!) ** 2;
    });
  }
  for (let index = 0; index < width; index++) scales[index] = Math.sqrt(scales[index]! / samples.length) || 1;
  const rows = samples.map((sample) =>
    sample.features.map((value, index) => (value - means[index]!) / scales[index]!),
  );
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    rows.forEach((row, sampleIndex) => {
      let sum = bias;
      for (let index = 0; index < width; index++) sum += weights[index]! * row[index]!;
      const error = 1 / (1 + Math.exp(-sum)) - (samples[sampleIndex]!.story ? 1 : 0);
      for (let index = 0; index < width; index++) gradient[index]! += error * row[index]!;
      biasGradient += error;
    });
    for (let index = 0; index < width; index++) {
      weights[index]! -= LEARNING_RATE * (gradient[index]! / rows.length + L2 * weights[index]!);
    }
    bias -= (LEARNING_RATE * biasGradient) / rows.length;
  }
  return { features: [...BLOCK_FEATURE_NAMES], means, scales, weights, bias, threshold: 0.5 };
}

/** Words of story and of chrome the model would add at each threshold, on these samples. */
interface Tally {
  storyWords: number;
  chromeWords: number;
  storyBlocks: number;
  chromeBlocks: number;
  allStoryWords: number;
}

function tallies(model: BlockModel, samples: readonly Sample[]): Tally[] {
  const probabilities = samples.map((sample) => storyProbability(model, sample.features));
  const allStoryWords = samples.reduce((sum, sample) => sum + (sample.story ? sample.words : 0), 0);
  return THRESHOLDS.map((threshold) => {
    const tally = { storyWords: 0, chromeWords: 0, storyBlocks: 0, chromeBlocks: 0, allStoryWords };
    samples.forEach((sample, index) => {
      if (probabilities[index]! < threshold) return;
      if (sample.story) {
        tally.storyWords += sample.words;
        tally.storyBlocks++;
      } else {
        tally.chromeWords += sample.words;
        tally.chromeBlocks++;
      }
    });
    return tally;
  });
}

/**
 * Net words gained (story words added minus chrome words added: at the precision and recall
 * extraction has, F1 gains from blocks that are more story than chrome), as a share of the
 * story words the candidates hold.
 */
function netGain(tally: Tally): number {
  return (tally.storyWords - tally.chromeWords) / Math.max(1, tally.allStoryWords);
}

function describe(tally: Tally): string {
  const precision = tally.storyWords / Math.max(1, tally.storyWords + tally.chromeWords);
  return `adds ${tally.storyBlocks} story / ${tally.chromeBlocks} chrome blocks, word precision ${precision.toFixed(3)}, recovers ${((100 * tally.storyWords) / Math.max(1, tally.allStoryWords)).toFixed(1)}% of missed story words, net ${netGain(tally).toFixed(3)}`;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

const datasets = argument('--datasets', join('..', 'shared', 'datasets'));
if (process.argv.includes('--container')) {
  // The container model (a second opinion on the content container) has a trainer of its own.
  await trainContainerModel(
    datasets,
    argument('--output', join('src', 'extract', 'html', 'container-model.json')),
  );
  process.exit(process.exitCode ?? 0);
}
if (process.argv.includes('--lead')) {
  // The lead model (the story's first blocks) is the tail model's counterpart.
  await trainTailModel(
    datasets,
    argument('--output', join('src', 'extract', 'html', 'lead-model.json')),
    'lead',
  );
  process.exit(process.exitCode ?? 0);
}
if (process.argv.includes('--inner')) {
  // The inner model (every story block inside the container, after the edge models).
  await trainInnerModel(datasets, argument('--output', join('src', 'extract', 'html', 'inner-model.json')));
  process.exit(process.exitCode ?? 0);
}
if (process.argv.includes('--tail')) {
  // The tail model (the story's last blocks) has a trainer of its own.
  await trainTailModel(datasets, argument('--output', join('src', 'extract', 'html', 'tail-model.json')));
  process.exit(process.exitCode ?? 0);
}
const filter = candidateFilter(argument('--candidates', ''));
// A model of one kind of candidate is an experiment: written only where --output says.
const output = argument(
  '--output',
  process.argv.includes('--candidates') ? '' : join('src', 'extract', 'html', 'block-model.json'),
);
const folders = trainingFolders(datasets, 'train:extract');
if (folders === null) process.exit(1);
const samples: Sample[] = [];
for (const folder of folders) {
  const found = await samplesOf(folder, filter);
  console.log(
    `${basename(folder)}: ${found.length} candidate blocks, ${found.filter((sample) => sample.story).length} of them story`,
  );
  samples.push(...found);
}

// Leave one data set out: train on the others, pick nothing on the held-out set.
const sets = [...new Set(samples.map((sample) => sample.set))];
const heldOut = sets.map((set) => {
  const model = train(samples.filter((sample) => sample.set !== set));
  return {
    set,
    tallies: tallies(
      model,
      samples.filter((sample) => sample.set === set),
    ),
  };
});
// The threshold with the best mean held-out net gain over the sets.
let best = 0;
THRESHOLDS.forEach((_, index) => {
  const mean = (at: number) =>
    heldOut.reduce((sum, fold) => sum + netGain(fold.tallies[at]!), 0) / heldOut.length;
  if (mean(index) > mean(best)) best = index;
});
const meanGain = heldOut.reduce((sum, fold) => sum + netGain(fold.tallies[best]!), 0) / heldOut.length;
// A model that gains nothing on held-out sets stays off (threshold 1): it would not carry to new pages.
const threshold = meanGain > 0 ? THRESHOLDS[best]! : 1;
for (const [index, at] of THRESHOLDS.entries()) {
  console.log(
    `threshold ${at.toFixed(2)}: held-out net gain ${heldOut.map((fold) => `${fold.set} ${netGain(fold.tallies[index]!).toFixed(3)}`).join(', ')}`,
  );
}
console.log(
  meanGain > 0
    ? `\nthreshold ${threshold.toFixed(2)} (best mean held-out net gain over the ${sets.length} sets)`
    : `\nno threshold gains on held-out sets (best ${THRESHOLDS[best]!.toFixed(2)}, mean net ${meanGain.toFixed(3)}): the model stays off`,
);
const model = { ...train(samples), threshold };
writeModelWithFigures(output, model, {
  sets,
  count: ['samples', samples.length],
  candidates: THRESHOLDS,
  best,
  heldOut: heldOut.map((fold) => ({ set: fold.set, results: fold.tallies })),
  resubstitute: (set) =>
    tallies(
      model,
      samples.filter((sample) => sample.set === set),
    ),
  describe,
});
