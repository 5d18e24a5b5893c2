import { blockFeatures } from '../block-features.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import type { HtmlBlock } from './html-blocks.js';

/** A lead paragraph reads as prose: a sentence of this many words, or a longer run of text. */
const MIN_LEAD_WORDS = 10;
const RUNNING_TEXT_WORDS = 25;
const MAX_LEAD_LINK_DENSITY = 0.3;

/**
 * The story's lead before its body container: many sites set the standfirst or first
 * paragraphs in boxes of their own between the headline (the <h1> nearest above the body) and
 * the body, cut apart by a picture, a byline, a share bar or an advertisement, however many of
 * those there are. Prose blocks there, outside links and chrome wording, join the story ahead of
 * the body.
 */
export function withLeadBeforeBody(
  pageBlocks: readonly HtmlBlock[],
  body: readonly HtmlBlock[],
): HtmlBlock[] {
  const first = body[0];
  if (first === undefined) return [...body];
  const firstIndex = pageBlocks.indexOf(first);
  if (firstIndex <= 0) return [...body];
  let headline = -1;
  for (let index = firstIndex - 1; index >= 0; index--) {
    if (pageBlocks[index]!.element.name === 'h1') {
      headline = index;
      break;
    }
  }
  if (headline < 0) return [...body];
  const lead = pageBlocks.slice(headline + 1, firstIndex).filter(isLeadProse);
  return lead.length === 0 ? [...body] : [...lead, ...body];
}

function isLeadProse(block: HtmlBlock): boolean {
  const features = blockFeatures(block);
  if (features.linkDensity > MAX_LEAD_LINK_DENSITY || features.words < MIN_LEAD_WORDS) return false;
  if (!features.endsSentence && features.words < RUNNING_TEXT_WORDS) return false;
  return chromeKindByWording(block.text, features.words) === null;
}
