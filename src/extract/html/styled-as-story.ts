import { blockFeatures } from '../block-features.js';
import { chromeKindByWording, closesStory, isAboutHeader } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import type { HtmlBlock } from './html-blocks.js';
import { placeAndStyle } from './lead-by-style.js';

/** Above this share of link text a sign-off line is a link box, not the story's last word. */
const MAX_SIGN_OFF_LINK_DENSITY = 0.3;
/** Labels given by wording to credit, copyright and contact lines ("Reporting by …", "© 2008 …"). */
const SIGN_OFF_LABELS = new Set<BlockLabel>(['footer', 'other']);
/** Labels given to a list item by its links or position alone. */
const LINK_LABELS = new Set<BlockLabel>(['navigation', 'related']);

/**
 * Lines after the story's first block that the page sets as one of the story's own paragraphs
 * (in the same element as one of its blocks, with the same tag and class) and that the line
 * filter left out by wording or links alone:
 * - a credit, copyright or contact line beside a story block, with few links: the story's
 *   sign-off ("Reporting by …; Editing by …", "Contact: …"), written into the body's element
 *   where a page footer or a picture credit sits in a box of its own;
 * - a list item with links in a list whose other items are the story's (sources, steps,
 *   products named with links): a menu is a list of its own, not one the story's items share.
 * Chrome wording other than these kinds (advertising, sharing, navigation words) keeps its label.
 */
export function withLinesStyledAsStory(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const first = labels.indexOf('story');
  if (first < 0) return [...labels];
  const places = new Set(
    blocks.flatMap((block, index) => (labels[index] === 'story' ? [placeAndStyle(block)] : [])),
  );
  const result = [...labels];
  for (let index = first + 1; index < blocks.length; index++) {
    const label = result[index]!;
    const block = blocks[index]!;
    if (!places.has(placeAndStyle(block))) continue;
    const features = blockFeatures(block);
    const wording = chromeKindByWording(block.text, features.words);
    if (SIGN_OFF_LABELS.has(label) && isSignOff(block.text, features.words, wording)) {
      // Beside the story: after a story block (one given back just before counts) or before one.
      const beside = result[index - 1] === 'story' || labels[index + 1] === 'story';
      if (beside && features.linkDensity <= MAX_SIGN_OFF_LINK_DENSITY) result[index] = 'story';
    } else if (LINK_LABELS.has(label) && block.element.name === 'li' && wording === null) {
      result[index] = 'story';
    }
  }
  return result;
}

/**
 * A copyright or contact line, or the story's credit ("Reporting by …"): not a picture's
 * caption or credit, nor the header of a box about the author or the company.
 */
function isSignOff(text: string, words: number, wording: BlockLabel | null): boolean {
  if (wording === 'footer') return true;
  return wording === 'other' && closesStory(text, words) && !isAboutHeader(text, words);
}
