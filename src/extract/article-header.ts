import type { HeaderLine, HeaderLineKind } from '../model/article.js';
import { readDateline } from './dateline.js';
import type { TextBlock } from './text-block.js';
import { titleCopyTest } from './title.js';
import { wordCount } from './word-count.js';

/**
 * What makes a header: how far above the story (in blocks) its headline may sit, and a heading
 * standing in for it on a page with neither; the most words and link density a line under the
 * headline may have (longer lines are other stories' teasers, linked ones menus). Chosen with one
 * data set held out: `npm run eval -- extraction-header` prints the grid and the choice.
 */
export interface HeaderSettings {
  /** An <h1> or a copy of the title this many blocks above the story at most. */
  maxHeadlineDistance: number;
  /** Else an <h2> or <h3> with few links this many blocks above the story at most (0: none). */
  maxHeadingDistance: number;
  maxLineWords: number;
  maxLinkDensity: number;
}

export const HEADER_SETTINGS: HeaderSettings = {
  maxHeadlineDistance: 15,
  maxHeadingDistance: 6,
  maxLineWords: 40,
  maxLinkDensity: 0.5,
};

/**
 * The article's header: the page's lines from its headline down to the story. The headline is
 * the nearest block above the story that is an <h1> or a copy of the page's title, else (on a page
 * with neither near) the nearest <h2> or <h3> with few links; under it, the short lines with few
 * links (kicker, standfirst, byline, dateline, caption). Empty when no headline sits within reach
 * above the story. `blocks` are the page's blocks in page order;
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
  const isCopy = title === null ? () => false : titleCopyTest(title);
  const fewLinks = (block: TextBlock): boolean =>
    block.linkChars <= block.text.length * settings.maxLinkDensity;
  const headline =
    nearestAbove(
      blocks,
      end,
      settings.maxHeadlineDistance,
      (block) => block.tag === 'h1' || isCopy(block.text),
    ) ??
    nearestAbove(blocks, end, settings.maxHeadingDistance, (block) => isSubHeading(block) && fewLinks(block));
  if (headline === null) return [];
  const lines: HeaderLine[] = [headerLine(blocks[headline]!, 'headline')];
  for (const block of blocks.slice(headline + 1, end)) {
    const words = wordCount(block.text);
    if (words === 0 || words > settings.maxLineWords) continue;
    if (!fewLinks(block)) continue;
    lines.push(headerLine(block, lineKind(block.text, words)));
  }
  return lines;
}

/** The index of the nearest block of the kind within `distance` blocks above `end`, or null. */
function nearestAbove(
  blocks: readonly TextBlock[],
  end: number,
  distance: number,
  isKind: (block: TextBlock) => boolean,
): number | null {
  for (let index = end - 1; index >= 0 && end - index <= distance; index--)
    if (isKind(blocks[index]!)) return index;
  return null;
}

function isSubHeading(block: TextBlock): boolean {
  return block.tag === 'h2' || block.tag === 'h3';
}

function headerLine(block: TextBlock, kind: HeaderLineKind): HeaderLine {
  return { kind, text: block.text, start: block.start, end: block.end };
}

function lineKind(text: string, words: number): HeaderLineKind {
  const dateline = readDateline(text, words);
  if (dateline === null) return 'other';
  return dateline.byline !== null ? 'byline' : 'dateline';
}
