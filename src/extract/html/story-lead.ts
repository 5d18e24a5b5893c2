import { blockFeatures } from '../block-features.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import { titleCopyTest } from '../title.js';
import type { HtmlBlock } from './html-blocks.js';

/** A lead paragraph reads as prose: a sentence of this many words, or a longer run of text. */
const MIN_LEAD_WORDS = 10;
const RUNNING_TEXT_WORDS = 25;
const MAX_LEAD_LINK_DENSITY = 0.3;
/** Longer than this, a block repeating the title's words is a paragraph, not the headline. */
const MAX_HEADLINE_CHARS = 300;

/**
 * The story's lead before its body container: many sites set the standfirst or first
 * paragraphs in boxes of their own between the headline (the nearest <h1> above the body, or on
 * pages without one the nearest line repeating the page's `title`) and the body, cut apart by a picture, a byline, a share bar or an advertisement, however many of
 * those there are. Prose blocks there, outside links and chrome wording, join the story ahead of
 * the body.
 */
export function withLeadBeforeBody(
  pageBlocks: readonly HtmlBlock[],
  body: readonly HtmlBlock[],
  title: string | null = null,
): HtmlBlock[] {
  const copiesTitle = title === null ? () => false : titleCopyTest(title);
  const first = body[0];
  if (first === undefined) return [...body];
  const firstIndex = pageBlocks.indexOf(first);
  if (firstIndex <= 0) return [...body];
  let headline = -1;
  for (let index = firstIndex - 1; index >= 0; index--) {
    const block = pageBlocks[index]!;
    if (block.element.name === 'h1' || (block.text.length <= MAX_HEADLINE_CHARS && copiesTitle(block.text))) {
      headline = index;
      break;
    }
  }
  if (headline < 0) return [...body];
  const lead = pageBlocks.slice(headline + 1, firstIndex).filter(isLeadProse);
  return lead.length === 0 ? [...body] : [...lead, ...body];
}

/** A paragraph of the lead: prose, outside links and chrome wording. */
export function isLeadProse(block: HtmlBlock): boolean {
  const features = blockFeatures(block);
  if (features.linkDensity > MAX_LEAD_LINK_DENSITY || features.words < MIN_LEAD_WORDS) return false;
  if (!features.endsSentence && features.words < RUNNING_TEXT_WORDS) return false;
  return chromeKindByWording(block.text, features.words) === null;
}
