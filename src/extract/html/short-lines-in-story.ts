import { blockFeatures } from '../block-features.js';
import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';

/** Below this share of link text a short line is text of its own, not a menu entry. */
const MAX_LINK_DENSITY = 0.5;

/**
 * A short line among the story's paragraphs (between its first and last blocks), in the same
 * element as one of them and styled as it is (tag and class), outside links, is the story's own
 * line (a subhead, a sign-off, a one-line paragraph) however few its words: menus sit in boxes
 * of their own, not inside the element holding the story's prose.
 */
export function withShortLinesInStory(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const first = labels.indexOf('story');
  const last = labels.lastIndexOf('story');
  const styles = new Set(
    blocks.flatMap((block, index) => (labels[index] === 'story' ? [placeAndStyle(block.element)] : [])),
  );
  return labels.map((label, index) => {
    if (label !== 'navigation' || index <= first || index >= last) return label;
    const block = blocks[index]!;
    const linkDensity = blockFeatures(block).linkDensity;
    return linkDensity < MAX_LINK_DENSITY && styles.has(placeAndStyle(block.element)) ? 'story' : label;
  });
}

/** An element's parent (by position in the markup), tag and class. */
function placeAndStyle(element: HtmlElement): string {
  const parent = parentElement(element);
  return `${parent?.startIndex ?? -1} ${element.name}.${(element.attribs.class ?? '').trim()}`;
}
