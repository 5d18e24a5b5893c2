import { blockFeatures } from '../block-features.js';
import { isProse } from '../block-weights.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import { holds } from './comment-threads.js';
import { type HtmlElement, isHeadingTag, levelsToCommonAncestor, parentElement } from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';
import MODEL from './inner-model.json' with { type: 'json' };
import { styleOf } from './lead-by-style.js';
import { isThreadElement } from './reader-comments.js';
import { chromeProbability, type TailModel } from './tail-model.js';

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

/** The story's styling, computed once per page. */
export interface StoryStyle {
  storyIndices: number[];
  words: number[];
  totalWords: number;
  /** Story words by the tag and class of a block's element, and of its parent. */
  elementWords: Map<string, number>;
  parentWords: Map<string, number>;
  /** The element-and-parent style holding most of the story's words. */
  dominant: string;
  /** Whether each story block (by rank) is in the dominant style. */
  inDominant: boolean[];
  /** First and last rank of the core: the run of dominant-style blocks with most words. */
  core: [number, number];
  /** The element holding most of the core's words (the parent of its paragraphs). */
  coreParent: HtmlElement | null;
}

function parentStyle(block: HtmlBlock): string {
  const parent = parentElement(block.element);
  return parent === null ? '' : styleOf(parent);
}

function fullStyle(block: HtmlBlock): string {
  return `${parentStyle(block)} > ${styleOf(block.element)}`;
}

export function storyStyle(blocks: readonly HtmlBlock[], labels: readonly BlockLabel[]): StoryStyle {
  const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
  const words = new Array<number>(blocks.length).fill(0);
  const elementWords = new Map<string, number>();
  const parentWords = new Map<string, number>();
  const fullWords = new Map<string, number>();
  let totalWords = 0;
  for (const index of storyIndices) {
    const block = blocks[index]!;
    const count = blockFeatures(block).words;
    words[index] = count;
    totalWords += count;
    const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + count);
    add(elementWords, styleOf(block.element));
    add(parentWords, parentStyle(block));
    add(fullWords, fullStyle(block));
  }
  let dominant = '';
  let most = -1;
  for (const [style, count] of fullWords) {
    if (count > most) {
      dominant = style;
      most = count;
    }
  }
  const inDominant = storyIndices.map((index) => fullStyle(blocks[index]!) === dominant);
  let core: [number, number] = [0, 0];
  let best = -1;
  for (let start = 0; start < storyIndices.length; start++) {
    if (!inDominant[start]) continue;
    let end = start;
    let sum = words[storyIndices[start]!]!;
    while (end + 1 < storyIndices.length && inDominant[end + 1]) sum += words[storyIndices[++end]!]!;
    if (sum > best) {
      best = sum;
      core = [start, end];
    }
    start = end;
  }
  const byParent = new Map<HtmlElement, number>();
  for (let rank = core[0]; rank <= core[1] && storyIndices.length > 0; rank++) {
    const index = storyIndices[rank]!;
    const parent = parentElement(blocks[index]!.element);
    if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + words[index]!);
  }
  let coreParent: HtmlElement | null = null;
  most = -1;
  for (const [parent, count] of byParent) {
    if (count > most) {
      coreParent = parent;
      most = count;
    }
  }
  return {
    storyIndices,
    words,
    totalWords,
    elementWords,
    parentWords,
    dominant,
    inDominant,
    core,
    coreParent,
  };
}

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
  const tag = block.element.name;
  const digits = (block.text.match(/\p{N}/gu) ?? []).length;
  return [
    Math.log1p(words),
    features.endsSentence ? 1 : 0,
    isProse(features) ? 1 : 0,
    features.linkDensity,
    features.lowercaseShare,
    features.caseless ? 1 : 0,
    tag === 'p' ? 1 : 0,
    tag === 'li' ? 1 : 0,
    isHeadingTag(tag) ? 1 : 0,
    (classWeight(block.element) + (parent === null ? 0 : classWeight(parent))) / 50,
    chromeKindByWording(block.text, words) === null ? 0 : 1,
    words / total,
    (style.elementWords.get(styleOf(block.element)) ?? 0) / total,
    (style.parentWords.get(parentStyle(block)) ?? 0) / total,
    style.inDominant[rank] ? 1 : 0,
    Math.min(MAX_RUN, run) / MAX_RUN,
    Math.min(MAX_RUN, distance) / MAX_RUN,
    count <= 1 ? 0 : rank / (count - 1),
    Math.min(MAX_RUN, Math.min(rank, count - 1 - rank)) / MAX_RUN,
    digits / Math.max(1, block.text.length),
    parent !== null && parent === style.coreParent ? 1 : 0,
    style.coreParent === null
      ? 1
      : levelsToCommonAncestor(block.element, style.coreParent, MAX_LEVELS) / MAX_LEVELS,
    inCommentThread(block.element, style.coreParent) ? 1 : 0,
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

/**
 * Whether an ancestor of `element` (a few levels up) is named as a reader-comment thread and does
 * not hold the story's core (a page may wrap its whole article in a box named for comments).
 */
function inCommentThread(element: HtmlElement, coreParent: HtmlElement | null): boolean {
  let levels = 0;
  for (
    let current = parentElement(element);
    current !== null && levels < 8;
    current = parentElement(current)
  ) {
    if (isThreadElement(current) && !(coreParent !== null && holds(current, coreParent))) return true;
    if (coreParent !== null && current === coreParent) return false;
    levels++;
  }
  return false;
}
