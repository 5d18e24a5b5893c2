import snowball from 'snowball-stemmers';
import type { Token } from '../model/analysis.js';
import { normalizeWord } from './normalize.js';
import { isStopword } from './stopwords.js';

const stemmer = snowball.newStemmer('english');

/**
 * One pass over the text, one group per kind: dotted acronyms (U.S.), numbers (29,762 / 2.5 /
 * 20:48 / 10%), clitics ('s, n't) as their own tokens, words (letters and marks). Hyphens split words so
 * that "NATO-Russia" and "Russia-NATO" share their parts.
 */
const TOKEN_PATTERN =
  /((?:\p{Lu}\.){2,})|(\d+(?:[.,:]\d+)*%?)|((?<=\p{L})['’]\p{L}{1,2}\b)|([\p{L}\p{M}]+)/gu;
/** TOKEN_PATTERN's group of numbers (numbered, not named: no groups object per token). */
const NUMBER_GROUP = 2;

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

/** What a word's spelling alone decides: worked out once per distinct spelling. */
export interface WordForm {
  norm: string;
  stem: string;
  kind: Token['kind'];
  stop: boolean;
}

/** Where tokenize keeps the forms of spellings it has seen (an engine's bounded cache). */
export interface WordFormCache {
  getOrCompute(surface: string, compute: (surface: string) => WordForm): WordForm;
}

/** The form of a word or dotted acronym as it is spelt in the text. */
export function wordForm(surface: string): WordForm {
  const norm = surface.includes('.') ? surface.replace(/\./g, '').toLowerCase() : normalizeWord(surface);
  // Number words are numbers: "two" equals "2", and "million" is never a synonym of "billion".
  const kind = NUMBER_WORDS[norm] === undefined ? 'word' : 'number';
  return { norm, stem: stem(norm), kind, stop: isStopword(norm) };
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * Tokenises text[start, end) and returns tokens with offsets into `text`. With a cache, each
 * distinct spelling is normalised and stemmed once (stemming is most of the cost).
 */
export function tokenize(text: string, start = 0, end = text.length, forms?: WordFormCache): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN_PATTERN)) {
    const tokenStart = start + (match.index ?? 0);
    const surface = match[0];
    const tokenEnd = tokenStart + surface.length;
    if (match[NUMBER_GROUP] !== undefined) {
      const value = canonicalNumber(surface);
      tokens.push(makeToken(tokenStart, tokenEnd, 'number', value, value, false, false));
      continue;
    }
    const form = forms === undefined ? wordForm(surface) : forms.getOrCompute(surface, wordForm);
    const capitalized = CAPITALISED.test(surface);
    tokens.push(makeToken(tokenStart, tokenEnd, form.kind, form.norm, form.stem, form.stop, capitalized));
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
