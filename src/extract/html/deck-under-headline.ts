import { blockFeatures } from '../block-features.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import { readDateline } from '../dateline.js';
import { isHeading } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { storyAndStart, withBlocksJoiningStory } from './lead-by-style.js';
import { isLeadProse } from './story-lead.js';

/** Most other blocks (a byline, a picture, a share bar) between the deck and the story. */
const MAX_GAP = 3;
/** Fewer words make a label or a section name, not a deck. */
const MIN_DECK_WORDS = 6;
const MAX_DECK_LINK_DENSITY = 0.3;

/**
 * The deck under the headline: many sites set the story's summary line as a heading (an <h2>)
 * between the page's <h1> and the body. A heading among the few blocks right before the story,
 * below the nearest <h1> above it, with no prose between it and the story, joins it when it
 * has a sentence's worth of words, few links, and reads as no dateline, byline or chrome
 * ("Related stories"). The <h1> itself stays the title: the sets disagree on it.
 */
export function withDeckUnderHeadline(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const { first } = storyAndStart(pageBlocks, blocks, labels);
  let headline = -1;
  for (let index = first - 1; index >= 0 && headline < 0; index--)
    if (pageBlocks[index]!.element.name === 'h1') headline = index;
  const decks = new Set<HtmlBlock>();
  for (let index = first - 1; headline >= 0 && index > headline && first - 1 - index <= MAX_GAP; index--) {
    const block = pageBlocks[index]!;
    if (!isHeading(block.element)) {
      if (isLeadProse(block)) break;
      continue;
    }
    if (isDeck(block)) decks.add(block);
  }
  return withBlocksJoiningStory(blocks, labels, decks);
}

function isDeck(block: HtmlBlock): boolean {
  const features = blockFeatures(block);
  return (
    features.words >= MIN_DECK_WORDS &&
    features.linkDensity <= MAX_DECK_LINK_DENSITY &&
    readDateline(block.text, features.words) === null &&
    chromeKindByWording(block.text, features.words) === null
  );
}
