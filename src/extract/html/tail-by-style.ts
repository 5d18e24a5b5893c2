import { blockFeatures } from '../block-features.js';
import { chromeKindByWording, isAboutHeader, isListHeader } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import { isHeading } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { isStoryProse, withBlocksJoiningStory } from './lead-by-style.js';
import { styleWithParent } from './story-style.js';

/** Most blocks (an advertisement, a picture, a share bar) the story's continuation may sit past. */
const MAX_GAP = 4;
/** Labels given by position or links alone, which a block styled as the story's may overrule. */
const POSITIONAL = new Set<BlockLabel>(['navigation', 'related', 'footer', 'other']);

/**
 * The story's continuation after a break: many sites cut the body with an advertisement, a
 * newsletter box or a picture and go on in a box of their own after the content container,
 * styled as the body is. Prose blocks after the story join it while their element and its
 * parent have the tag and class of one of the story's blocks and of its parent: outside the
 * container past at least one other block (the break), inside it under a label given by
 * position or links alone. At most a few other blocks may lie between, a heading among them
 * (a subhead, which joins with the prose after it); chrome wording ("Related stories",
 * "Comments") or prose styled apart (teasers, reader comments) ends the story.
 */
export function withTailInStoryStyle(
  pageBlocks: readonly HtmlBlock[],
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): { blocks: HtmlBlock[]; labels: BlockLabel[] } {
  const story = blocks.filter((_, index) => labels[index] === 'story');
  const lastStory = story.at(-1);
  const last = lastStory === undefined ? -1 : pageBlocks.indexOf(lastStory);
  if (last < 0) return { blocks: [...blocks], labels: [...labels] };
  const styles = new Set(story.map(styleWithParent));
  const labelOf = new Map(blocks.map((block, index) => [block, labels[index]!] as const));
  const tail = new Set<HtmlBlock>();
  let gap = 0;
  // Subheads in the break, kept only if the story goes on after them.
  let subheads: HtmlBlock[] = [];
  for (const block of pageBlocks.slice(last + 1)) {
    const label = labelOf.get(block);
    if (endsStory(block)) break;
    if (label !== undefined && !POSITIONAL.has(label)) break;
    const prose = isStoryProse(block);
    // A block right after the story is where the story was judged to end (a bio, a company
    // profile, a note styled as the body); past a break it is the story going on.
    const pastBreak = gap > 0 || tail.size > 0;
    if (prose && pastBreak && styles.has(styleWithParent(block))) {
      for (const subhead of subheads) tail.add(subhead);
      subheads = [];
      tail.add(block);
      gap = 0;
    } else if (prose || ++gap > MAX_GAP) break;
    else if (isHeading(block.element)) subheads.push(block);
  }
  return withBlocksJoiningStory(blocks, labels, tail);
}

/**
 * A line whose wording marks chrome ("Related stories", "Comments") or a heading over a box
 * about the author ("About Jane Doe"): what follows is not the story. A heading worded otherwise is a break like any other block, and a subhead of the
 * story when prose styled as the story's follows it.
 */
function endsStory(block: HtmlBlock): boolean {
  const words = blockFeatures(block).words;
  if (isHeading(block.element) && isAboutHeader(block.text, words)) return true;
  return chromeKindByWording(block.text, words) !== null || isListHeader(block.text, words);
}
