import { blockFeatures } from '../block-features.js';
import { isProse } from '../block-weights.js';
import type { BlockLabel } from '../classify-blocks.js';
import { inThreadApartFrom } from './comment-threads.js';
import { levelsToCommonAncestor, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import MODEL from './inner-model.json' with { type: 'json' };
import { styleOf } from './lead-by-style.js';
import { parentStyle, type StoryStyle, storyStyle } from './story-style.js';
import { chromeProbability, digitShare, elementFeatures, type TailModel } from './tail-model.js';

/**
 * The inner model: a logistic regression over every block the story keeps inside its content
 * container (not only its edges, which the tail and lead models look at), learned from the union
 * of the development sets with leave-one-dataset-out cross-validation (`npm run train:extract --
 * --inner`, weights and figures in inner-model.json). Its features weigh a block's styling
 * against the story's own: whether its element and its parent have the tag and class that carry
 * most of the story's words, how long the run of blocks styled apart it sits in is, how far it
 * lies from the story's dense core (the longest run of blocks in the dominant style), besides
 * the block's shape (words, sentence end, links, chrome wording). A threshold of 1 turns it off.
 */

/** Blocks counted as a run or a distance at most (the feature is capped there). */
const MAX_RUN = 5;
const MAX_LEVELS = 6;

export const INNER_FEATURE_NAMES = [
  'log words',
  'ends sentence',
  'prose',
  'link density',
  'lower-case share',
  'caseless script',
  'tag p',
  'tag li',
  'tag h1-h6',
  'class weight',
  'chrome wording',
  'story words in block',
  'element style share',
  'parent style share',
  'element and parent in the dominant style',
  'run styled apart',
  'distance from the core',
  'place in the story',
  'place from the nearer edge',
  'digit share',
  'beside the core',
  'levels to the core',
  'in a comment thread',
] as const;

/** The inner model's features of the story block at `index`, in the order of `INNER_FEATURE_NAMES`. */
export function innerFeatures(blocks: readonly HtmlBlock[], style: StoryStyle, index: number): number[] {
  const block = blocks[index]!;
  const features = blockFeatures(block);
  const words = features.words;
  const total = Math.max(1, style.totalWords);
  const rank = style.storyIndices.indexOf(index);
  const count = style.storyIndices.length;
  let run = 0;
  if (!style.inDominant[rank]) {
    run = 1;
    for (let other = rank - 1; other >= 0 && !style.inDominant[other]; other--) run++;
    for (let other = rank + 1; other < count && !style.inDominant[other]; other++) run++;
  }
  const [coreStart, coreEnd] = style.core;
  const distance = rank < coreStart ? coreStart - rank : rank > coreEnd ? rank - coreEnd : 0;
  const parent = parentElement(block.element);
  return [
    Math.log1p(words),
    features.endsSentence ? 1 : 0,
    isProse(features) ? 1 : 0,
    features.linkDensity,
    features.lowercaseShare,
    features.caseless ? 1 : 0,
    ...elementFeatures(block, words),
    words / total,
    (style.elementWords.get(styleOf(block.element)) ?? 0) / total,
    (style.parentWords.get(parentStyle(block)) ?? 0) / total,
    style.inDominant[rank] ? 1 : 0,
    Math.min(MAX_RUN, run) / MAX_RUN,
    Math.min(MAX_RUN, distance) / MAX_RUN,
    count <= 1 ? 0 : rank / (count - 1),
    Math.min(MAX_RUN, Math.min(rank, count - 1 - rank)) / MAX_RUN,
    digitShare(block),
    parent !== null && parent === style.coreParent ? 1 : 0,
    style.coreParent === null
      ? 1
      : levelsToCommonAncestor(block.element, style.coreParent, MAX_LEVELS) / MAX_LEVELS,
    inThreadApartFrom(block.element, style.coreParent) ? 1 : 0,
  ];
}

/** The story blocks the inner model looks at: all but the one with the most words. */
export function innerCandidates(style: StoryStyle): number[] {
  let longest = -1;
  for (const index of style.storyIndices) {
    if (longest < 0 || style.words[index]! > style.words[longest]!) longest = index;
  }
  return style.storyIndices.filter((index) => index !== longest);
}

/** The labels with the story blocks the inner model judges chrome relabelled as such. */
export function withoutInnerChrome(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  model: TailModel = MODEL,
): BlockLabel[] {
  const result = [...labels];
  if (model.threshold >= 1 || model.weights.length !== INNER_FEATURE_NAMES.length) return result;
  const style = storyStyle(blocks, labels);
  for (const index of innerCandidates(style)) {
    if (chromeProbability(model, innerFeatures(blocks, style, index)) >= model.threshold)
      result[index] = 'other';
  }
  return result;
}
