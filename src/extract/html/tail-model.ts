import { blockFeatures } from '../block-features.js';
import { isProse } from '../block-weights.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import {
  type HtmlElement,
  type HtmlNode,
  isElement,
  isHeadingTag,
  levelsToCommonAncestor,
  parentElement,
} from './dom.js';
import { classWeight } from './element-hints.js';
import type { HtmlBlock } from './html-blocks.js';
import LEAD_MODEL from './lead-model.json' with { type: 'json' };
import MODEL from './tail-model.json' with { type: 'json' };

/**
 * The story's edges get a second look: its last blocks (the tail model) and, the same way with a
 * model of its own, its first blocks (the lead model: a kicker, a byline or date line, a share
 * row or a standfirst of another story set as a paragraph above the story). The story's last
 * blocks get a second look by a logistic regression learned from public
 * development sets (`npm run train:extract -- --tail`, leave-one-dataset-out cross-validation;
 * weights and figures in tail-model.json). A content container ends with what sites put under
 * their stories inside the same box: the author's bio, a newsletter or follow prompt, a
 * copyright or source line, tags, a teaser of the next post. These read as short sentences, so
 * the line filter keeps them; the model weighs their shape, place and markup against the
 * story's own paragraphs. A threshold of 1 turns it off.
 */
export interface TailModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  threshold: number;
}

/** How many of the story's last (or first) blocks are looked at. */
export const TAIL_BLOCKS = 5;
/**
 * Story blocks never looked at, whatever the story's length: what is left must still be a story
 * (the first of them for the tail model, the last for the lead model).
 */
export const KEPT_BLOCKS = 2;

/** Which edge of the story a model looks at. */
export type StoryEdge = 'tail' | 'lead';
const MAX_LEVELS = 6;
/** Inline elements that set a line apart from the story's paragraphs (a bio in italics, a small print). */
const SET_APART = new Set(['em', 'i', 'strong', 'b', 'small', 'cite', 'sub', 'sup']);

export const TAIL_FEATURE_NAMES = [
  'log words',
  'ends sentence',
  'prose',
  'link density',
  'commas per word',
  'lower-case share',
  'caseless script',
  'place from the end',
  'story words after',
  'story words in block',
  'tag p',
  'tag li',
  'tag h1-h6',
  'class weight',
  'chrome wording',
  'beside the main prose',
  'levels to the main prose',
  'set-apart share',
  'address or copyright',
  'digit share',
  'previous block prose',
  'gap before',
] as const;

/** The lead model's features: the tail model's, counted from the story's start. */
export const LEAD_FEATURE_NAMES = TAIL_FEATURE_NAMES.map((name) =>
  name === 'place from the end'
    ? 'place from the start'
    : name === 'story words after'
      ? 'story words before'
      : name === 'previous block prose'
        ? 'next block prose'
        : name === 'gap before'
          ? 'gap after'
          : name,
);

/** The feature names of the model at `edge`. */
export function edgeFeatureNames(edge: StoryEdge): readonly string[] {
  return edge === 'tail' ? TAIL_FEATURE_NAMES : LEAD_FEATURE_NAMES;
}

/** Indices (into `blocks`) of the story's last blocks, the last one first. */
export function tailCandidates(labels: readonly BlockLabel[]): number[] {
  return edgeCandidates(labels, 'tail');
}

/** Indices of the story's blocks at `edge`, the outermost first. */
export function edgeCandidates(labels: readonly BlockLabel[], edge: StoryEdge): number[] {
  const story = labels.filter((label) => label === 'story').length;
  const looked = Math.min(TAIL_BLOCKS, story - KEPT_BLOCKS);
  const found: number[] = [];
  const step = edge === 'tail' ? -1 : 1;
  for (
    let index = edge === 'tail' ? labels.length - 1 : 0;
    index >= 0 && index < labels.length && found.length < looked;
    index += step
  ) {
    if (labels[index] === 'story') found.push(index);
  }
  return found;
}

/** What the story as a whole looks like, computed once per page. */
export interface StoryShape {
  storyIndices: number[];
  /** Words of each story block (0 for other blocks). */
  words: number[];
  totalWords: number;
  /** The element holding most of the story's prose (the parent of its paragraphs). */
  mainParent: HtmlElement | null;
}

export function storyShape(blocks: readonly HtmlBlock[], labels: readonly BlockLabel[]): StoryShape {
  const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
  // Words of the story's blocks only (0 for the rest): the chrome around a story can be long.
  const words = new Array<number>(blocks.length).fill(0);
  for (const index of storyIndices) words[index] = blockFeatures(blocks[index]!).words;
  const byParent = new Map<HtmlElement, number>();
  for (const index of storyIndices) {
    const parent = parentElement(blocks[index]!.element);
    if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + words[index]!);
  }
  let mainParent: HtmlElement | null = null;
  let most = 0;
  for (const [parent, count] of byParent) {
    if (count > most) {
      mainParent = parent;
      most = count;
    }
  }
  const totalWords = storyIndices.reduce((sum, index) => sum + words[index]!, 0);
  return { storyIndices, words, totalWords, mainParent };
}

/** The model's features of the story block at `index`, in the order of `TAIL_FEATURE_NAMES`. */
export function tailFeatures(blocks: readonly HtmlBlock[], shape: StoryShape, index: number): number[] {
  return edgeFeatures(blocks, shape, index, 'tail');
}

/**
 * The features of the story block at `index` for the model at `edge`: place and story words
 * counted from that edge, the neighbour and gap on the side of the story's middle.
 */
export function edgeFeatures(
  blocks: readonly HtmlBlock[],
  shape: StoryShape,
  index: number,
  edge: StoryEdge,
): number[] {
  const block = blocks[index]!;
  const features = blockFeatures(block);
  const words = features.words;
  const rank = shape.storyIndices.indexOf(index);
  const place = edge === 'tail' ? shape.storyIndices.length - 1 - rank : rank;
  let outward = 0;
  for (const other of shape.storyIndices) {
    if (edge === 'tail' ? other > index : other < index) outward += shape.words[other]!;
  }
  const total = Math.max(1, shape.totalWords);
  const parent = parentElement(block.element);
  const innerStory = shape.storyIndices[edge === 'tail' ? rank - 1 : rank + 1];
  const inner = innerStory === undefined ? null : blocks[innerStory]!;
  return [
    Math.log1p(words),
    features.endsSentence ? 1 : 0,
    isProse(features) ? 1 : 0,
    features.linkDensity,
    Math.min(1, features.commas / Math.max(1, words)),
    features.lowercaseShare,
    features.caseless ? 1 : 0,
    place / TAIL_BLOCKS,
    outward / total,
    words / total,
    ...elementFeatures(block, words),
    parent !== null && parent === shape.mainParent ? 1 : 0,
    shape.mainParent === null
      ? 1
      : levelsToCommonAncestor(block.element, shape.mainParent, MAX_LEVELS) / MAX_LEVELS,
    setApartShare(block),
    /@|©|\(c\)|https?:\/\/|www\./i.test(block.text) ? 1 : 0,
    digitShare(block),
    inner === null ? 0 : isProse(blockFeatures(inner)) ? 1 : 0,
    innerStory === undefined ? 0 : Math.min(1, (Math.abs(index - innerStory) - 1) / 3),
  ];
}

/**
 * What the element and the wording of a block say, as the chrome models read them: a paragraph,
 * a list item or a heading; the class weight of it and its parent; chrome wording.
 */
export function elementFeatures(block: HtmlBlock, words: number): number[] {
  const parent = parentElement(block.element);
  const tag = block.element.name;
  return [
    tag === 'p' ? 1 : 0,
    tag === 'li' ? 1 : 0,
    isHeadingTag(tag) ? 1 : 0,
    (classWeight(block.element) + (parent === null ? 0 : classWeight(parent))) / 50,
    chromeKindByWording(block.text, words) === null ? 0 : 1,
  ];
}

/** Share of a block's characters that are digits (dates, scores, phone numbers). */
export function digitShare(block: HtmlBlock): number {
  return (block.text.match(/\p{N}/gu) ?? []).length / Math.max(1, block.text.length);
}

/** Probability that a tail block is page chrome. */
export function chromeProbability(model: TailModel, features: readonly number[]): number {
  let sum = model.bias;
  features.forEach((value, index) => {
    sum += (model.weights[index] ?? 0) * ((value - (model.mean[index] ?? 0)) / (model.scale[index] || 1));
  });
  return 1 / (1 + Math.exp(-sum));
}

/** The labels with the story's last blocks that the model judges chrome relabelled as such. */
export function withoutTailChrome(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  model: TailModel = MODEL,
): BlockLabel[] {
  return withoutEdgeChrome(blocks, labels, 'tail', model);
}

/** The labels with the story's first blocks that the lead model judges chrome relabelled as such. */
export function withoutLeadChrome(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  model: TailModel = LEAD_MODEL,
): BlockLabel[] {
  return withoutEdgeChrome(blocks, labels, 'lead', model);
}

function withoutEdgeChrome(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  edge: StoryEdge,
  model: TailModel,
): BlockLabel[] {
  const result = [...labels];
  if (model.threshold >= 1 || model.weights.length !== TAIL_FEATURE_NAMES.length) return result;
  const shape = storyShape(blocks, labels);
  for (const index of edgeCandidates(labels, edge)) {
    if (chromeProbability(model, edgeFeatures(blocks, shape, index, edge)) >= model.threshold)
      result[index] = 'other';
  }
  return result;
}

/** Share of the block's characters inside inline elements that set text apart (italics, bold, small print). */
function setApartShare(block: HtmlBlock): number {
  let inside = 0;
  let all = 0;
  const stack: Array<{ node: HtmlNode; apart: boolean }> = [{ node: block.element, apart: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, apart } = step;
    if (node.type === 'text' && 'data' in node) {
      const chars = node.data.trim().length;
      all += chars;
      if (apart) inside += chars;
      continue;
    }
    if (!isElement(node) || (node !== block.element && isBlockBoundary(node))) continue;
    const nowApart = apart || SET_APART.has(node.name);
    for (const child of node.children) stack.push({ node: child, apart: nowApart });
  }
  return all === 0 ? 0 : inside / all;
}

/** Elements whose text makes blocks of its own (not this block's). */
function isBlockBoundary(element: HtmlElement): boolean {
  return /^(?:p|div|li|ul|ol|table|h[1-6]|section|article|blockquote|br)$/.test(element.name);
}
