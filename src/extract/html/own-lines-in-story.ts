import { blockFeatures } from '../block-features.js';
import type { BlockLabel } from '../classify-blocks.js';
import type { HtmlBlock } from './html-blocks.js';
import { placeAndStyle } from './lead-by-style.js';

/** Below this share of link text a short line is text of its own, not a menu entry. */
const MAX_LINK_DENSITY = 0.5;

/**
 * Lines among the story's paragraphs (between its first and last blocks) labelled as chrome
 * that are the story's own:
 * - a line sharing the title's words that is not the page's <h1>: a headline is set above its
 *   story, so this is a subhead naming the subject, a product or a place the title names;
 * - a short line outside links, in the same element as one of the story's blocks and styled as
 *   it is (tag and class): a subhead, a sign-off, a one-line paragraph, however few its words
 *   (menus sit in boxes of their own, not inside the element holding the story's prose).
 */
export function withOwnLinesInStory(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const first = labels.indexOf('story');
  const last = labels.lastIndexOf('story');
  const within = (index: number) => index > first && index < last;
  const titled = labels.map((label, index) =>
    within(index) && label === 'title' && blocks[index]!.element.name !== 'h1' ? 'story' : label,
  );
  const places = new Set(
    blocks.flatMap((block, index) => (titled[index] === 'story' ? [placeAndStyle(block)] : [])),
  );
  return titled.map((label, index) => {
    if (!within(index) || label !== 'navigation') return label;
    const block = blocks[index]!;
    const own = blockFeatures(block).linkDensity < MAX_LINK_DENSITY && places.has(placeAndStyle(block));
    return own ? 'story' : label;
  });
}
