import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, isInsideAny, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { isThreadElement } from './reader-comments.js';
import { storyStyle } from './story-style.js';

/** Levels looked up from a block for an element named as a comment thread. */
const MAX_LEVELS = 8;

/**
 * Story blocks inside a reader-comment thread are comments, not story: a block whose ancestor (a
 * few levels up) is named as a comment thread by class or id (`readerComments`' test) is set
 * apart, unless that element also holds the parent of the story's dense core (its longest run of
 * blocks in its dominant styling; some pages wrap the whole article in a box named for its
 * comments). The comments extraction then finds the thread holding no story block and gives it
 * back as the page's comments.
 */
export function withoutCommentThreads(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const result = [...labels];
  const { storyIndices, coreParent } = storyStyle(blocks, labels);
  if (coreParent === null) return result;
  for (const index of storyIndices) {
    if (inThreadApartFrom(blocks[index]!.element, coreParent)) result[index] = 'social';
  }
  return result;
}

/** Whether `element` lies in a comment thread that does not hold `core` (any thread when there is no core). */
export function inThreadApartFrom(element: HtmlElement, core: HtmlElement | null): boolean {
  let levels = 0;
  for (
    let current = parentElement(element);
    current !== null && levels < MAX_LEVELS;
    current = parentElement(current)
  ) {
    if (current === core) return false;
    if (isThreadElement(current)) return core === null || !isInsideAny(core, new Set([current]));
    levels++;
  }
  return false;
}
