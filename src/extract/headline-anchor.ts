import type { BlockInfo } from './block-info.js';
import { normalisedWords } from './normalise-words.js';
import { TITLE_SEPARATOR, titleCopyTest } from './title.js';

/** Fewest words a headline needs: single words are menu entries and site names. */
const MIN_HEADLINE_WORDS = 2;

/**
 * The page's own heading: a later line repeating the headline of the first line, when the
 * first line is the page title ("Headline | Site"). A flattened page puts its title first and
 * its heading right above the story; -1 when there is no such pair.
 */
export function headlineCopyIndex(infos: readonly BlockInfo[]): number {
  const title = infos[0];
  if (!title) return -1;
  const headline = longestPart(title.text);
  if (normalisedWords(headline).length < MIN_HEADLINE_WORDS) return -1;
  const copiesHeadline = titleCopyTest(headline);
  const copiesTitle = titleCopyTest(title.text);
  for (let index = 1; index < infos.length; index++) {
    const text = infos[index]!.text;
    if (copiesHeadline(text) || copiesTitle(text)) return index;
  }
  return -1;
}

/** The part of a title with the most words: the headline without site and section names. */
function longestPart(title: string): string {
  let best = '';
  let bestWords = 0;
  for (const part of title.split(TITLE_SEPARATOR)) {
    const words = normalisedWords(part).length;
    if (words > bestWords) {
      best = part;
      bestWords = words;
    }
  }
  return best;
}
