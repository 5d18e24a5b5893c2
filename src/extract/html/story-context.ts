import { blockFeatures } from '../block-features.js';
import { chromeKindByWording, isLinkTrail } from '../chrome-patterns.js';
import type { BlockLabel } from '../classify-blocks.js';
import type { HtmlBlock } from './html-blocks.js';
import { isAmongStory, storyContainers } from './story-containers.js';

/** Above this link density a block is link text first, unless enough of it is its own. */
const LINK_DENSITY = 0.5;
/** Own text (outside links) that makes a linked block running text ("… was convicted and <a>…</a>."). */
const MIN_UNLINKED_CHARS = 25;
/** …provided at least this share of it is outside links. */
const MIN_UNLINKED_SHARE = 1 / 3;
/** Labels the line classifier gives by position, links or repetition alone. */
const CONTEXT_LABELS = new Set<BlockLabel>(['related', 'navigation', 'duplicate']);
/** Shorter lines are labels ("Text size", "Advert"), not story text. */
const MIN_WORDS = 4;

/**
 * Paragraph context, by structure: gives back to the story the blocks that sit among its
 * paragraphs (in the element holding them, or in a list or quote inside it) which the line
 * classifier judged by position, links or repetition alone: lines before the first full sentence
 * (a credit line, a lead-in, a list the story opens with), sentences carrying a long link, and
 * lines the story itself repeats (a recurring step of a recipe, a pull quote). Blocks after
 * the story's last paragraph keep their labels: that is where promotions and "more stories"
 * lists sit. The page's <h1> stays the headline.
 */
export function withStoryContext(blocks: readonly HtmlBlock[], labels: readonly BlockLabel[]): BlockLabel[] {
  const containers = storyContainers(blocks, labels);
  const lastStory = labels.lastIndexOf('story');
  return labels.map((label, index) => {
    const block = blocks[index]!;
    if (index > lastStory || !CONTEXT_LABELS.has(label)) return label;
    if (block.element.name === 'h1' || !readsAsText(block)) return label;
    return isAmongStory(block.element, containers) ? 'story' : label;
  });
}

function readsAsText(block: HtmlBlock): boolean {
  const { words } = blockFeatures(block);
  // Wording ("Related articles", "Skip to content") and link trails keep their labels.
  if (words < MIN_WORDS || chromeKindByWording(block.text, words) !== null || isLinkTrail(block.text))
    return false;
  if (block.linkChars <= block.text.length * LINK_DENSITY) return true;
  const unlinked = block.text.length - block.linkChars;
  return unlinked >= MIN_UNLINKED_CHARS && unlinked >= block.text.length * MIN_UNLINKED_SHARE;
}
