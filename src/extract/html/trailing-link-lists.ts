import type { BlockLabel } from '../classify-blocks.js';
import { type HtmlElement, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';

const LISTS = new Set(['ul', 'ol']);
/** A list of other stories has a few items at least; two links are often the story's sources. */
const MIN_ITEMS = 3;
/** A heading over such a list ("More Great Stories") is a short line, not a sentence. */
const MAX_HEADING_WORDS = 8;

/**
 * A list under a heading of its own after the story's last paragraph, every item of which carries
 * a link, is a list of other stories ("More Great Stories"), even when its items read like
 * sentences. Lists inside the story (followed by more of it, or introduced by a sentence of it)
 * are left alone.
 */
export function withTrailingLinkListsAsRelated(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const result = [...labels];
  let end = blocks.length;
  // Walk back over the tail: lists of links and their headings, until the story's last paragraph.
  while (end > 0) {
    const list = enclosingList(blocks[end - 1]!.element);
    if (list === null) {
      if (result[end - 1] === 'story') break;
      end--;
      continue;
    }
    let start = end - 1;
    while (start > 0 && enclosingList(blocks[start - 1]!.element) === list) start--;
    const items = blocks.slice(start, end);
    const heading = blocks[start - 1];
    if (items.length < MIN_ITEMS || items.some((item) => item.linkChars === 0)) break;
    if (heading === undefined || !isListHeading(heading)) break;
    result.fill('related', start - 1, end);
    end = start - 1;
  }
  return result;
}

function enclosingList(element: HtmlElement): HtmlElement | null {
  if (element.name !== 'li') return null;
  const parent = parentElement(element);
  return parent !== null && LISTS.has(parent.name) ? parent : null;
}

function isListHeading(block: HtmlBlock): boolean {
  const words = block.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return words <= MAX_HEADING_WORDS && !/[.!?:;,]\s*$/.test(block.text);
}
