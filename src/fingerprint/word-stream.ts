import { isStopword } from '../text/stopwords.js';

/**
 * A fast pass over text for fingerprinting: lower-cased words and numbers with the few flags
 * the fingerprints need. It works on character codes (no regular expressions, no stemming
 * dictionary), because every ingested article goes through it.
 */
export interface FingerprintWord {
  /** Lower-cased word; a number keeps its digits without thousands separators. */
  norm: string;
  isNumber: boolean;
  /** A function word ("the", "of", "said"…). */
  stop: boolean;
  /** Capitalised where a sentence does not start: a name. */
  name: boolean;
  /** Inside double quotes. */
  quoted: boolean;
}

const QUOTE_MARKS = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb]);
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x0a]);
const APOSTROPHES = new Set([0x27, 0x2019]);

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const LETTER = /[\p{L}\p{M}]/u;

export function isLetter(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return !Number.isNaN(code) && LETTER.test(String.fromCharCode(code));
}

/** The words of `text`, in order. */
export function fingerprintWords(text: string): FingerprintWord[] {
  const words: FingerprintWord[] = [];
  let sentenceStart = true;
  let quoted = false;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isDigit(code)) {
      let end = at + 1;
      // 29,762 and 2.5 are one number; a trailing full stop is not part of it.
      while (end < text.length) {
        const next = text.charCodeAt(end);
        if (isDigit(next)) end++;
        else if ((next === 0x2c || next === 0x2e) && isDigit(text.charCodeAt(end + 1))) end++;
        else break;
      }
      const norm = text.slice(at, end).replace(/,/g, '');
      words.push({ norm, isNumber: true, stop: false, name: false, quoted });
      sentenceStart = false;
      at = end;
      continue;
    }
    if (isLetter(code)) {
      let end = at + 1;
      while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      // Clitics stay on their word: "it's", "Reuters'".
      if (APOSTROPHES.has(text.charCodeAt(end)) && isLetter(text.charCodeAt(end + 1))) {
        end += 2;
        while (end < text.length && isLetter(text.charCodeAt(end))) end++;
      }
      const surface = text.slice(at, end);
      const norm = surface.toLowerCase().replace(/\u2019/g, "'");
      const capital = surface !== norm && surface[0] !== norm[0];
      const stop = isStopword(norm);
      words.push({ norm, isNumber: false, stop, name: capital && !sentenceStart && !stop, quoted });
      sentenceStart = false;
      at = end;
      continue;
    }
    if (QUOTE_MARKS.has(code))
      quoted = code === 0x201c || code === 0x201e ? true : code === 0x201d ? false : !quoted;
    else if (SENTENCE_END.has(code)) sentenceStart = true;
    if (code === 0x0a && text.charCodeAt(at + 1) === 0x0a) quoted = false; // a quote never spans paragraphs
    at++;
  }
  return words;
}

/** Suffixes lightStem cuts, the first that fits winning. */
export const STEM_SUFFIXES: readonly string[] = ['ing', 'edly', 'ed', 'es', 'ly', 's'];

/**
 * A light stem: common inflection suffixes cut from words of five letters or more, so "says",
 * "said" stay apart but "reported" and "reports" meet. Fingerprints only need the same word to
 * land on the same key; Snowball's precision is not worth its time here.
 */
export function lightStem(norm: string): string {
  if (norm.length < 5) return norm;
  for (const suffix of STEM_SUFFIXES) {
    if (norm.endsWith(suffix) && norm.length - suffix.length >= 4) return norm.slice(0, -suffix.length);
  }
  return norm;
}
