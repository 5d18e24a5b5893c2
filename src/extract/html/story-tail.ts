import type { BlockLabel } from '../classify-blocks.js';
import { kindOf, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { isAmongStory, storyContainers } from './story-containers.js';

/** A paragraph this long is the story's own prose; shorter lines do not make a story container. */
const MIN_PROSE_CHARS = 100;

/**
 * After the story's last paragraph, lines outside the elements that hold its prose are not the
 * story: teaser excerpts of the next and previous posts, promotions in boxes of their own. Boxes
 * of the same kind (tag and class) as those holding its prose still hold the story.
 */
export function withStrayTailAsRelated(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const containers = storyContainers(blocks, labels, MIN_PROSE_CHARS);
  if (containers.size === 0) return [...labels];
  // A story cut into boxes of one kind (a paragraph per card) goes on in its short boxes too.
  const kinds = new Set([...containers].map(kindOf).filter((kind) => kind !== null));
  for (const block of blocks) {
    const parent = parentElement(block.element);
    const kind = parent === null ? null : kindOf(parent);
    if (parent !== null && kind !== null && kinds.has(kind)) containers.add(parent);
  }
  let last = -1;
  blocks.forEach((block, index) => {
    if (labels[index] === 'story' && isAmongStory(block.element, containers)) last = index;
  });
  return labels.map((label, index) =>
    index > last && label === 'story' && !isAmongStory(blocks[index]!.element, containers)
      ? 'related'
      : label,
  );
}
