import { blockFeatures } from '../block-features.js';
import type { BlockLabel } from '../classify-blocks.js';
import { normalisedWords, wordGrams } from '../normalise-words.js';
import type { HtmlBlock } from './html-blocks.js';
import { isStoryProse, placeAndStyle, styleOf, withBlocksJoiningStory } from './lead-by-style.js';

/** Above this share of link characters a block reads as a list of links, not as prose. */
const MAX_LINK_DENSITY = 0.3;
/** A block sharing this share of its word trigrams with the story repeats it (a pull quote, a summary). */
const MAX_REPEATED_SHARE = 0.5;

/**
 * Story prose the content container left out: in a box skipped for its class or id (a "byline",
 * "header" or "comment" word on a wrapper) or outside the container. A prose block with few links
 * among the page's other blocks is the story's when it sits under the same parent as one of the
 * story's blocks with its tag and class, or between the story's first and last blocks with the
 * tag and class of one of them. A block sharing half its word trigrams with the story repeats it
 * (a pull quote, a summary box) and stays out. Chosen from `npm run eval --
 * extraction-skipped-boxes`: those kinds are story wherever they occur (Dragnet's most); skipped
 * prose styled apart, before or after the story, is mostly chrome (teasers, bios, comments).
 */
export function withSkippedBoxesInStory(
  everyBlock: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const unchanged = { blocks: [...blocks], labels: [...labels] };
  const story = blocks.filter((_, index) => labels[index] === 'story');
  if (story.length === 0) return unchanged;
  const shown = new Set(blocks.map((block) => block.start));
  const first = story[0]!.start;
  const last = story.at(-1)!.start;
  const places = new Set(story.map(placeAndStyle));
  const styles = new Set(story.map((block) => styleOf(block.element)));
  // A box repeating a paragraph the story already shows (a summary, a pull quote) adds nothing.
  const repeats = repeatsStoryTest(story);
  // Cheapest tests first: most of a page's blocks are shown or styled apart from the story.
  const joining = everyBlock.filter((block) => {
    if (shown.has(block.start)) return false;
    const placed =
      places.has(placeAndStyle(block)) ||
      (block.start > first && block.start < last && styles.has(styleOf(block.element)));
    if (!placed || !isStoryProse(block)) return false;
    return blockFeatures(block).linkDensity <= MAX_LINK_DENSITY && !repeats(block);
  });
  return withBlocksJoiningStory(blocks, labels, joining);
}

/**
 * Whether a block repeats the story: half or more of its word trigrams are the story's (a pull
 * quote, a summary box). The story's trigrams are read once, on the first question.
 */
export function repeatsStoryTest(story: readonly HtmlBlock[]): (block: HtmlBlock) => boolean {
  let storyTrigrams: Set<string> | undefined;
  return (block) => {
    storyTrigrams ??= new Set(story.flatMap((kept) => trigramsOf(kept.text)));
    const trigrams = trigramsOf(block.text);
    const shared = trigrams.filter((trigram) => storyTrigrams!.has(trigram)).length;
    return trigrams.length > 0 && shared >= trigrams.length * MAX_REPEATED_SHARE;
  };
}

/** The word trigrams of a text, lower-cased, punctuation aside. */
export function trigramsOf(text: string): string[] {
  return wordGrams(normalisedWords(text), 3);
}
