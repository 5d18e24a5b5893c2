import { blockFeatures } from '../block-features.js';
import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { styleOf } from './lead-by-style.js';

/** The story's styling, computed once per page. */
export interface StoryStyle {
  storyIndices: number[];
  words: number[];
  totalWords: number;
  /** Story words by the tag and class of a block's element, and of its parent. */
  elementWords: Map<string, number>;
  parentWords: Map<string, number>;
  /** The element-and-parent style holding most of the story's words. */
  dominant: string;
  /** Whether each story block (by rank) is in the dominant style. */
  inDominant: boolean[];
  /** First and last rank of the core: the run of dominant-style blocks with most words. */
  core: [number, number];
  /** The element holding most of the core's words (the parent of its paragraphs). */
  coreParent: HtmlElement | null;
}

/** The tag and class of a block's parent ('' at the root). */
export function parentStyle(block: HtmlBlock): string {
  const parent = parentElement(block.element);
  return parent === null ? '' : styleOf(parent);
}

/** The tag and class of a block's element and of its parent. */
export function styleWithParent(block: HtmlBlock): string {
  return `${parentStyle(block)} > ${styleOf(block.element)}`;
}

/**
 * The story's styling: its words by element and parent style, the dominant style, and its dense
 * core (the longest run of blocks in that style) with the element holding most of the core.
 */
export function storyStyle(blocks: readonly HtmlBlock[], labels: readonly BlockLabel[]): StoryStyle {
  const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
  const words = new Array<number>(blocks.length).fill(0);
  const elementWords = new Map<string, number>();
  const parentWords = new Map<string, number>();
  const fullWords = new Map<string, number>();
  let totalWords = 0;
  for (const index of storyIndices) {
    const block = blocks[index]!;
    const count = blockFeatures(block).words;
    words[index] = count;
    totalWords += count;
    const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + count);
    add(elementWords, styleOf(block.element));
    add(parentWords, parentStyle(block));
    add(fullWords, styleWithParent(block));
  }
  let dominant = '';
  let most = -1;
  for (const [style, count] of fullWords) {
    if (count > most) {
      dominant = style;
      most = count;
    }
  }
  const inDominant = storyIndices.map((index) => styleWithParent(blocks[index]!) === dominant);
  let core: [number, number] = [0, 0];
  let best = -1;
  for (let start = 0; start < storyIndices.length; start++) {
    if (!inDominant[start]) continue;
    let end = start;
    let sum = words[storyIndices[start]!]!;
    while (end + 1 < storyIndices.length && inDominant[end + 1]) sum += words[storyIndices[++end]!]!;
    if (sum > best) {
      best = sum;
      core = [start, end];
    }
    start = end;
  }
  const byParent = new Map<HtmlElement, number>();
  for (let rank = core[0]; rank <= core[1] && storyIndices.length > 0; rank++) {
    const index = storyIndices[rank]!;
    const parent = parentElement(blocks[index]!.element);
    if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + words[index]!);
  }
  let coreParent: HtmlElement | null = null;
  most = -1;
  for (const [parent, count] of byParent) {
    if (count > most) {
      coreParent = parent;
      most = count;
    }
  }
  return {
    storyIndices,
    words,
    totalWords,
    elementWords,
    parentWords,
    dominant,
    inDominant,
    core,
    coreParent,
  };
}
