import type { BlockFeatures } from './block-features.js';
import { normalisedKey, normalisedWords } from './normalise-words.js';

/**
 * A separator between a page title's headline and the site or section names around it: " | ",
 * " - ", " – ", " — ", " : ", " :: ", " · ", " • ", " » ", and "|" or "»" even without spaces.
 */
export const TITLE_SEPARATOR = /\s+(?:[|–—:·•»-]|::)\s+|\s*[|»]\s*/u;

/**
 * A line that could be the headline: a few words (`minWords` and up), no sentence ending (a
 * question is fine), not a short all-caps label.
 */
export function isTitleCandidate(text: string, features: BlockFeatures, minWords: number): boolean {
  if (features.endsSentence && !/[?!]["'”’]?$/.test(text)) return false;
  if (features.caseless) return features.chars >= 8 && features.chars <= 200;
  return features.words >= minWords && features.words <= 30 && !(features.allCaps && features.words <= 3);
}

/**
 * A test of whether a line repeats the title: the same words, the title with a site name added
 * ("Headline - Site"), or the title without it. The title is read once for many lines.
 */
export function titleCopyTest(title: string): (text: string) => boolean {
  const titleKey = normalisedKey(title);
  const titleWords = normalisedWords(title).length;
  return (text) => {
    const textKey = normalisedKey(text);
    if (titleKey === textKey) return titleKey.trim() !== '';
    const textWords = textKey.trim() === '' ? 0 : textKey.trim().split(' ').length;
    const [shorter, longer, shortWords, longWords] =
      titleWords <= textWords
        ? [titleKey, textKey, titleWords, textWords]
        : [textKey, titleKey, textWords, titleWords];
    // A site name or section label adds a few words at one end.
    return (
      shortWords >= 3 &&
      longWords - shortWords <= 8 &&
      shortWords >= longWords * 0.5 &&
      longer.includes(shorter)
    );
  };
}

/** The cleanest form of a title among its copies: the shortest one the others contain. */
export function cleanestTitle(title: string, copies: readonly string[]): string {
  let best = title.trim();
  for (const copy of copies) {
    const candidate = copy.trim();
    if (candidate.length < best.length && normalisedKey(best).includes(normalisedKey(candidate)))
      best = candidate;
  }
  return best;
}

/** Most words a site name has ("Rolling Stone", "The Daily Example"). */
const SITE_NAME_WORDS = 4;
/** A site's name stands alone on its page at least this often (logo, footer, copyright line). */
const SITE_NAME_LINES = 2;

/**
 * "Headline" from "Headline | Site" when the page shows the site's name on lines of its own (its
 * logo, its footer): a flattened page has no markup to say which end is the site. Only a short
 * end after the last separator goes, so a headline is never taken for the site.
 */
export function withoutRepeatedSiteName(title: string, lines: readonly string[]): string {
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))];
  const last = separators[separators.length - 1];
  if (last === undefined) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const tailKey = normalisedKey(tail);
  const tailWords = tailKey.trim().split(' ').filter(Boolean).length;
  if (tailWords === 0 || tailWords > SITE_NAME_WORDS || tail.length >= head.length) return title;
  const standing = lines.filter((line) => normalisedKey(line) === tailKey).length;
  return standing >= SITE_NAME_LINES ? head : title;
}
