import type { BlockLabel } from '../classify-blocks.js';
import { wordCount } from '../word-count.js';
import { isHeading } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';

/**
 * Headings of at most this many words: a label ("More on this", "Tags") or another story's
 * headline. Of 2, 4, 6, 8, 10 and 14 words, six to ten tie and fourteen takes a story's line on
 * trafilatura's set; chosen with one data set held out (ties to the fewest words), six in every fold.
 */
const MAX_LABEL_WORDS = 6;

/**
 * A heading heads what follows it: the short headings a story ends with, no block of the story
 * after them, head the page's lists and boxes past it (related links, another story's teaser,
 * the comments), not a section of it, and leave the story.
 */
export function withoutTrailingHeadings(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const result = [...labels];
  for (const index of trailingHeadings(blocks, labels, MAX_LABEL_WORDS)) result[index] = 'other';
  return { blocks: [...blocks], labels: result };
}

/**
 * Positions of the story's trailing headings of at most `maxWords` words: the story blocks after
 * its last block that is no such heading. None when nothing else of the story stands before them.
 */
export function trailingHeadings(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  maxWords: number,
): number[] {
  const trailing: number[] = [];
  for (let index = blocks.length - 1; index >= 0; index--) {
    if (labels[index] !== 'story') continue;
    const block = blocks[index]!;
    if (!isHeading(block.element) || wordCount(block.text) > maxWords) return trailing;
    trailing.push(index);
  }
  return [];
}
