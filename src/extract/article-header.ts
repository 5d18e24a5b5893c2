import type { HeaderLine, HeaderLineKind } from '../model/article.js';
import { readDateline } from './dateline.js';
import { normalisedWords } from './normalise-words.js';
import type { TextBlock } from './text-block.js';
import { wordCount } from './word-count.js';

/**
 * What makes a header: how far above the story its headline may sit (in blocks), and the most
 * words and link density a line under the headline may have (longer lines are other stories'
 * teasers, linked ones menus). Chosen with one data set held out: `npm run eval --
 * extraction-header` prints the grid and the choice.
 */
export interface HeaderSettings {
  maxHeadlineDistance: number;
  maxLineWords: number;
  maxLinkDensity: number;
}

export const HEADER_SETTINGS: HeaderSettings = {
  maxHeadlineDistance: 15,
  maxLineWords: 40,
  maxLinkDensity: 0.5,
};

/** Share of a block's words the title must hold, and of the title's words the block must, for a copy. */
const COPY_OWN_SHARE = 0.8;
const COPY_TITLE_SHARE = 0.5;

/**
 * The article's header: the page's lines from its headline down to the story. The headline is
 * the nearest block above the story that is an <h1> or a copy of the page's title; under it, the
 * short lines with few links (kicker, standfirst, byline, dateline, caption). Empty when no
 * headline sits within reach above the story. `blocks` are the page's blocks in page order;
 * `storyStart` is the input offset where the story begins.
 */
export function articleHeader(
  blocks: readonly TextBlock[],
  storyStart: number,
  title: string | null,
  settings: HeaderSettings = HEADER_SETTINGS,
): HeaderLine[] {
  const first = blocks.findIndex((block) => block.end > storyStart);
  const end = first < 0 ? blocks.length : first;
  const isCopy = titleCopyTest(title);
  let headline = -1;
  for (let index = end - 1; index >= 0 && end - index <= settings.maxHeadlineDistance; index--) {
    const block = blocks[index]!;
    if (block.tag === 'h1' || isCopy(block.text)) {
      headline = index;
      break;
    }
  }
  if (headline < 0) return [];
  const lines: HeaderLine[] = [headerLine(blocks[headline]!, 'headline')];
  for (const block of blocks.slice(headline + 1, end)) {
    const words = wordCount(block.text);
    if (words === 0 || words > settings.maxLineWords) continue;
    if (block.linkChars > block.text.length * settings.maxLinkDensity) continue;
    lines.push(headerLine(block, lineKind(block.text, words)));
  }
  return lines;
}

function headerLine(block: TextBlock, kind: HeaderLineKind): HeaderLine {
  return { kind, text: block.text, start: block.start, end: block.end };
}

function lineKind(text: string, words: number): HeaderLineKind {
  const dateline = readDateline(text, words);
  if (dateline === null) return 'other';
  return dateline.byline !== null ? 'byline' : 'dateline';
}

/** Whether a block's text is the title's wording: most of its words in it, and half of the title's. */
function titleCopyTest(title: string | null): (text: string) => boolean {
  const titleWords = new Set(normalisedWords(title ?? ''));
  return (text) => {
    if (titleWords.size === 0) return false;
    const words = normalisedWords(text);
    if (words.length === 0) return false;
    const shared = words.filter((word) => titleWords.has(word));
    return (
      shared.length >= words.length * COPY_OWN_SHARE &&
      new Set(shared).size >= titleWords.size * COPY_TITLE_SHARE
    );
  };
}
