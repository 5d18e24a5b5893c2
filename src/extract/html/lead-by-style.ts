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
  return withBlocksJoiningStory(pageBlocks, blocks, labels, new Set(lead));
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
 * `blocks` with the page blocks `joining` labelled story (added in page order, or relabelled
 * when among `blocks` already); the others keep their labels.
 */
export function withBlocksJoiningStory(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  joining: ReadonlySet<HtmlBlock>,
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const unchanged = { blocks: [...blocks], labels: [...labels] };
  if (joining.size === 0) return unchanged;
  const labelOf = new Map(blocks.map((block, index) => [block, labels[index]!] as const));
  const merged = pageBlocks.filter((block) => joining.has(block) || labelOf.has(block));
  // Blocks the page's list does not hold (none today) would be lost in its order: leave it be.
  if (merged.length !== new Set([...blocks, ...joining]).size) return unchanged;
  return {
    blocks: merged,
    labels: merged.map((block) => (joining.has(block) ? 'story' : labelOf.get(block)!)),
  };
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
