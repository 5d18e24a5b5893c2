import { blockFeatures } from '../block-features.js';
import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, isElement, isHeading, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { isLeadProse } from './story-lead.js';

/**
 * The story's opening paragraphs set apart from its body: a lead, an intro or the first part
 * of a story a picture gallery or an advertisement cuts off often sits in a box of its own
 * before the content container, yet the page styles it as it styles the body's paragraphs. Prose
 * blocks before the story whose element has the tag and class of one of the story's own blocks
 * join it, in page order, when they sit under the page's <h1> or among paragraphs of their own
 * kind: page chrome before a story (teasers, menus) is styled apart, and a notice styled like
 * the body ("Sign in to read…") stands alone in its box above the headline.
 */
export function withLeadInStoryStyle(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const { story, first } = storyAndStart(pageBlocks, blocks, labels);
  if (first <= 0) return { blocks: [...blocks], labels: [...labels] };
  const styles = new Set(story.map((block) => styleOf(block.element)));
  const taken = new Set(blocks);
  const headline = pageBlocks.findIndex((block) => block.element.name === 'h1');
  const lead = pageBlocks
    .slice(0, first)
    .filter(
      (block, position) =>
        !taken.has(block) &&
        styles.has(styleOf(block.element)) &&
        ((headline >= 0 && headline < position) || hasSiblingOfItsKind(block.element)) &&
        isStoryProse(block),
    );
  return withBlocksJoiningStory(blocks, labels, lead);
}

/** The blocks labelled story, and where the first of them stands among the page's blocks (-1 if none). */
export function storyAndStart(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { story: HtmlBlock[]; first: number } {
  const story = blocks.filter((_, index) => labels[index] === 'story');
  return { story, first: story[0] === undefined ? -1 : pageBlocks.indexOf(story[0]) };
}

/**
 * `blocks` with `joining` labelled story, in page order: a block already among `blocks` (the
 * same text offsets) is relabelled, the others are added; the rest keep their labels. Blocks
 * are told apart by their offsets, so `joining` may come from another reading of the page (the
 * one that keeps boxes named like chrome).
 */
export function withBlocksJoiningStory(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  joining: Iterable<HtmlBlock>,
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const starts = new Set([...joining].map((block) => block.start));
  if (starts.size === 0) return { blocks: [...blocks], labels: [...labels] };
  const shown = new Set(blocks.map((block) => block.start));
  const added = [...joining].filter((block) => !shown.has(block.start));
  const merged = [
    ...blocks.map((block, index) => ({
      block,
      label: starts.has(block.start) ? ('story' as BlockLabel) : labels[index]!,
    })),
    ...added.map((block) => ({ block, label: 'story' as BlockLabel })),
  ].sort((a, b) => a.block.start - b.block.start);
  return { blocks: merged.map((entry) => entry.block), labels: merged.map((entry) => entry.label) };
}

/** An element's tag and class: how the page styles it. */
export function styleOf(element: HtmlElement): string {
  return `${element.name}.${(element.attribs.class ?? '').trim()}`;
}

/** A block's element's parent (by position in the markup), tag and class. */
export function placeAndStyle(block: HtmlBlock): string {
  return `${parentElement(block.element)?.startIndex ?? -1} ${styleOf(block.element)}`;
}

/** The element's parent holds another element of its tag: a run of paragraphs, not a lone box. */
function hasSiblingOfItsKind(element: HtmlElement): boolean {
  const parent = parentElement(element);
  if (parent === null) return false;
  return parent.children.some(
    (child) => isElement(child) && child !== element && child.name === element.name,
  );
}

/** The lead's prose (story-lead.ts), a whole sentence at least and not a heading. */
export function isStoryProse(block: HtmlBlock): boolean {
  return !isHeading(block.element) && blockFeatures(block).endsSentence && isLeadProse(block);
}
