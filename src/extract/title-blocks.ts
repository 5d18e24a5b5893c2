import type { BlockInfo } from './block-info.js';
import { isHeadlineLike } from './block-weights.js';
import type { BlockLabel } from './label-blocks.js';
import type { Region } from './story-region.js';
import { isTitleCandidate, titleCopyTest } from './title.js';

/** Decks shorter than this (in words) are taken for tags or menus, not subtitles. */
const MIN_DECK_WORDS = 6;

/**
 * The headline: the first headline-like line before the story region. On flattened pages it
 * needs three words, as two-word lines there are mostly menu entries and site names.
 */
export function findTitle(
  infos: readonly BlockInfo[],
  labels: readonly BlockLabel[],
  region: Region,
  cleanText: boolean,
): string | null {
  const index = headlineIndex(infos, region.first, cleanText, (at) => labels[at] === 'story');
  return index < 0 ? null : infos[index]!.text;
}

/**
 * Where the headline is (−1 when no line is one): the first headline-like line before block
 * `before`, skipping chrome wording, datelines and the lines `isStory` claims.
 */
export function headlineIndex(
  infos: readonly BlockInfo[],
  before: number,
  cleanText: boolean,
  isStory: (index: number) => boolean = () => false,
): number {
  const minWords = cleanText ? 2 : 3;
  for (let index = 0; index < before; index++) {
    const info = infos[index]!;
    if (info.wordingKind || info.dateline || isStory(index)) continue;
    if (isTitleCandidate(info.text, info.features, minWords)) return index;
  }
  return -1;
}

/** Labels copies of the title, and a deck (subtitle) right after the first one, as 'title'. */
export function labelTitleCopies(infos: readonly BlockInfo[], labels: BlockLabel[], title: string): void {
  let firstCopy = -1;
  const copiesTitle = titleCopyTest(title);
  for (let index = 0; index < infos.length; index++) {
    const info = infos[index]!;
    const sentence = info.features.endsSentence && !/[?!]["'”’]?$/.test(info.text);
    if (info.features.words > 40 || sentence || !copiesTitle(info.text)) continue;
    labels[index] = 'title';
    if (firstCopy < 0) firstCopy = index;
  }
  if (firstCopy < 0) return;
  // A headline-like line between the title and the story is its deck, not a menu.
  let next = firstCopy + 1;
  while (labels[next] === 'title') next++;
  const deck = infos[next];
  if (!deck || labels[next] === 'story' || deck.wordingKind || deck.dateline) return;
  if (isHeadlineLike(deck.features) && deck.features.words >= MIN_DECK_WORDS) labels[next] = 'title';
}
