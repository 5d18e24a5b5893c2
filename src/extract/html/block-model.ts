import { blockFeatures } from '../block-features.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import MODEL from './block-model.json' with { type: 'json' };
import { isHeadingTag, levelsToCommonAncestor, parentElement } from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';

/**
 * A second look at the blocks the content container and the line labels left out, by a
 * logistic regression over block features learned from public development sets
 * (`npm run train:extract`, leave-one-dataset-out cross-validation; weights and figures in
 * block-model.json). It catches story text in a box of its own beside the container (a lead,
 * a second column, a table cell of an old layout) and story lines labelled as chrome by
 * position or links alone. A threshold of 1 turns it off: the training script sets it when no
 * threshold gains on data sets held out of training.
 */
export interface BlockModel {
  features: readonly string[];
  means: readonly number[];
  scales: readonly number[];
  weights: readonly number[];
  bias: number;
  threshold: number;
}

/** Labels the model may turn into story: those given by position and links, not by wording or metadata. */
const RECONSIDERED = new Set<BlockLabel>(['navigation', 'related', 'footer', 'other']);
const MAX_LEVELS = 10;
const MAX_DISTANCE = 50;

/** One candidate block with where it sits relative to the story. */
export interface BlockCandidate {
  block: HtmlBlock;
  /** Index among the page's blocks. */
  position: number;
  /** The label extraction gave it, or null when it lies outside the content container. */
  label: BlockLabel | null;
}

/** The page's blocks, the container's blocks and their labels: what the model reads. */
export interface StoryLayout {
  pageBlocks: readonly HtmlBlock[];
  containerBlocks: readonly HtmlBlock[];
  labels: readonly BlockLabel[];
  /** Every visible block of the page, boxes named as chrome by class or id included (read lazily). */
  everyBlock?: () => readonly HtmlBlock[];
  /** The summary the page gives of itself (og:description, the description meta tag), if any. */
  description?: string | null;
}

/** Blocks the model may add to the story: outside the container, or inside it under a positional label. */
export function blockCandidates(layout: StoryLayout): BlockCandidate[] {
  const labelOf = new Map<HtmlBlock, BlockLabel>();
  layout.containerBlocks.forEach((block, index) => {
    labelOf.set(block, layout.labels[index] ?? 'other');
  });
  const candidates: BlockCandidate[] = [];
  layout.pageBlocks.forEach((block, position) => {
    const label = labelOf.get(block);
    if (label === undefined) candidates.push({ block, position, label: null });
    else if (RECONSIDERED.has(label)) candidates.push({ block, position, label });
  });
  return candidates;
}

/** The model's features of one candidate, in the order of `BLOCK_FEATURE_NAMES`. */
export function candidateFeatures(
  layout: StoryLayout,
  candidate: BlockCandidate,
  storyPositions: readonly number[] = storyPositionsOf(layout),
): number[] {
  const features = blockFeatures(candidate.block);
  const words = features.words;
  const nearest = nearestStory(storyPositions, candidate.position);
  const storyBlock = nearest === null ? null : layout.pageBlocks[nearest]!;
  const levels =
    storyBlock === null
      ? MAX_LEVELS
      : levelsToCommonAncestor(candidate.block.element, storyBlock.element, MAX_LEVELS);
  const before = nearest !== null && candidate.position < (storyPositions[0] ?? 0);
  const after = nearest !== null && candidate.position > (storyPositions[storyPositions.length - 1] ?? 0);
  const tag = candidate.block.element.name;
  const parent = parentElement(candidate.block.element);
  const neighbours = [candidate.position - 1, candidate.position + 1].filter((position) =>
    storyPositions.includes(position),
  ).length;
  return [
    Math.log1p(words),
    features.endsSentence ? 1 : 0,
    features.linkDensity,
    Math.min(1, features.commas / Math.max(1, words)),
    features.lowercaseShare,
    features.caseless ? 1 : 0,
    candidate.label === null ? 0 : 1,
    candidate.label === 'related' ? 1 : 0,
    candidate.label === 'navigation' ? 1 : 0,
    candidate.label === 'footer' || candidate.label === 'other' ? 1 : 0,
    before ? 1 : 0,
    after ? 1 : 0,
    nearest === null ? 1 : Math.log1p(Math.min(MAX_DISTANCE, Math.abs(candidate.position - nearest))),
    levels / MAX_LEVELS,
    tag === 'p' ? 1 : 0,
    tag === 'li' ? 1 : 0,
    tag === 'td' || tag === 'th' ? 1 : 0,
    isHeadingTag(tag) ? 1 : 0,
    (classWeight(candidate.block.element) + (parent === null ? 0 : classWeight(parent))) / 50,
    chromeKindByWording(candidate.block.text, words) === null ? 0 : 1,
    neighbours / 2,
    words >= 8 && features.endsSentence && features.linkDensity < 0.2 ? 1 : 0,
  ];
}

export const BLOCK_FEATURE_NAMES = [
  'log words',
  'ends sentence',
  'link density',
  'commas per word',
  'lower-case share',
  'caseless script',
  'inside container',
  'labelled related',
  'labelled navigation',
  'labelled footer/other',
  'before story',
  'after story',
  'log distance to story',
  'levels to common ancestor',
  'tag p',
  'tag li',
  'tag td',
  'tag h1-h6',
  'class weight',
  'chrome wording',
  'story neighbours',
  'prose sentence',
] as const;

/** Probability that a candidate is story text. */
export function storyProbability(model: BlockModel, features: readonly number[]): number {
  let sum = model.bias;
  features.forEach((value, index) => {
    sum += (model.weights[index] ?? 0) * ((value - (model.means[index] ?? 0)) / (model.scales[index] || 1));
  });
  return 1 / (1 + Math.exp(-sum));
}

/**
 * The story's blocks and labels with the model's additions: candidates it scores above its
 * threshold become story blocks, in page order.
 */
export function withModelBlocks(
  layout: StoryLayout,
  model: BlockModel = MODEL,
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const off = model.threshold >= 1 || model.weights.length !== BLOCK_FEATURE_NAMES.length;
  if (off || !layout.labels.includes('story')) {
    return { blocks: [...layout.containerBlocks], labels: [...layout.labels] };
  }
  const added = new Map<HtmlBlock, BlockLabel>();
  const storyPositions = storyPositionsOf(layout);
  for (const candidate of blockCandidates(layout)) {
    if (storyProbability(model, candidateFeatures(layout, candidate, storyPositions)) >= model.threshold) {
      added.set(candidate.block, 'story');
    }
  }
  const labelOf = new Map<HtmlBlock, BlockLabel>();
  layout.containerBlocks.forEach((block, index) => {
    labelOf.set(block, added.get(block) ?? layout.labels[index] ?? 'other');
  });
  const blocks = layout.pageBlocks.filter((block) => labelOf.has(block) || added.has(block));
  return { blocks, labels: blocks.map((block) => labelOf.get(block) ?? 'story') };
}

/** Page positions of the story's blocks, in order. */
export function storyPositionsOf(layout: StoryLayout): number[] {
  const story = new Set(layout.containerBlocks.filter((_, index) => layout.labels[index] === 'story'));
  const positions: number[] = [];
  layout.pageBlocks.forEach((block, position) => {
    if (story.has(block)) positions.push(position);
  });
  return positions;
}

function nearestStory(positions: readonly number[], position: number): number | null {
  let best: number | null = null;
  for (const candidate of positions) {
    if (best === null || Math.abs(candidate - position) < Math.abs(best - position)) best = candidate;
  }
  return best;
}
