import snowball from 'snowball-stemmers';
import type { Token } from '../model/analysis.js';
import { normalizeWord } from './normalize.js';
import { isStopword } from './stopwords.js';

const stemmer = snowball.newStemmer('english');

/**
 * One pass over the text: dotted acronyms (U.S.), numbers (29,762 / 2.5 / 20:48 / 10%),
 * words (letters and marks), clitics ('s, n't) as their own tokens. Hyphens split words so
 * that "NATO-Russia" and "Russia-NATO" share their parts.
 */
const TOKEN_PATTERN =
  /(?<acronym>(?:\p{Lu}\.){2,})|(?<number>\d+(?:[.,:]\d+)*%?)|(?<clitic>(?<=\p{L})['’]\p{L}{1,2}\b)|(?<word>[\p{L}\p{M}]+)/gu;

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
};

/** The canonical form of a numeral: thousands separators dropped, so 29,762 equals 29762. */
export function canonicalNumber(text: string): string {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(text)) return text.replace(/,/g, '');
  return text;
}

export function stem(norm: string): string {
  return NUMBER_WORDS[norm] ?? stemmer.stem(norm);
}

/** Tokenises text[start, end) and returns tokens with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN_PATTERN)) {
    const groups = match.groups ?? {};
    const tokenStart = start + (match.index ?? 0);
    const surface = match[0];
    const tokenEnd = tokenStart + surface.length;
    if (groups.number !== undefined) {
      const value = canonicalNumber(surface);
      tokens.push(makeToken(tokenStart, tokenEnd, 'number', value, value, false, false));
      continue;
    }
    const norm =
      groups.acronym !== undefined ? surface.replace(/\./g, '').toLowerCase() : normalizeWord(surface);
    const capitalized = /^\p{Lu}/u.test(surface);
    // Number words are numbers: "two" equals "2", and "million" is never a synonym of "billion".
    const kind = NUMBER_WORDS[norm] === undefined ? 'word' : 'number';
    tokens.push(makeToken(tokenStart, tokenEnd, kind, norm, stem(norm), isStopword(norm), capitalized));
  }
  return tokens;
}

function makeToken(
  start: number,
  end: number,
  kind: Token['kind'],
  norm: string,
  stemmed: string,
  stop: boolean,
  capitalized: boolean,
): Token {
  return { start, end, kind, norm, stem: stemmed, stop, capitalized, quoted: false };
}
