import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';

/** How far above a block the container of story paragraphs may be (li > ul > story container). */
const MAX_LEVELS_TO_STORY = 2;

/** The elements holding story blocks of at least `minChars` characters as their children. */
export function storyContainers(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
  minChars = 0,
): Set<HtmlElement> {
  const containers = new Set<HtmlElement>();
  blocks.forEach((block, index) => {
    const parent = parentElement(block.element);
    if (labels[index] === 'story' && block.text.length >= minChars && parent !== null) containers.add(parent);
  });
  return containers;
}

/** Sits among the story's paragraphs: in an element holding them, or a list or quote inside it. */
export function isAmongStory(element: HtmlElement, containers: ReadonlySet<HtmlElement>): boolean {
  let ancestor = parentElement(element);
  for (let level = 0; ancestor !== null && level < MAX_LEVELS_TO_STORY; level++) {
    if (containers.has(ancestor)) return true;
    ancestor = parentElement(ancestor);
  }
  return false;
}
