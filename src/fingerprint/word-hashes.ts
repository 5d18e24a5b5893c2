import { CASE_TABLE_UNITS, lowerCaseTable, NOT_SIMPLE } from '../text/case-table.js';
import { STOPWORD_LIST } from '../text/stopwords.js';
import { hashString, mix32 } from './hash32.js';
import type { FingerprintScratch } from './scratch.js';
import { type FingerprintWord, isDigit, isLetter, lightStem, STEM_SUFFIXES } from './word-stream.js';

/**
 * The words of a text as the fingerprints read them, hashed in one pass over the character
 * codes: no string per word for Latin, Greek, Cyrillic, Hebrew or Arabic words. Gives the same hashes and flags as
 * hashing fingerprintWords' output (word-stream.ts, the readable reference the tests compare
 * against), several times faster; every ingested article goes through it.
 */
export interface WordHashes {
  count: number;
  /** hashString of each word's normal form. */
  norm: Uint32Array;
  /** hashString of each word's light stem. */
  stem: Uint32Array;
  /** FLAG_* bits per word. */
  flags: Uint8Array;
}

export const FLAG_NUMBER = 1;
export const FLAG_STOP = 2;
export const FLAG_NAME = 4;
export const FLAG_QUOTED = 8;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Longer words take the string path: the prefix hashes below hold this many letters. */
const MAX_FAST_WORD = 64;
/** Where isLetter holds, per unit below CASE_TABLE_UNITS. */
const LETTERS = letterTable();
const LOWER_CASE = lowerCaseTable();

/** Slots of the function-word table (a power of two, a few times the words it holds). */
const STOPWORD_SLOTS = 1024;
/**
 * Function words by hash, in an open-addressing table: one or two probes per word, where a
 * binary search over the sorted hashes took nine (and a Set would box hashes above 2^31). A
 * 32-bit collision with one of a few hundred words is negligible.
 */
const STOPWORD_TABLE = stopwordTable();
const SUFFIX_CODES = STEM_SUFFIXES.map((suffix) => Array.from(suffix, (char) => char.charCodeAt(0)));

function isQuoteMark(code: number): boolean {
  return (
    code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb
  );
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** 0 marks an empty slot: no function word hashes to 0 (checked as the table is built). */
function stopwordTable(): Uint32Array {
  const table = new Uint32Array(STOPWORD_SLOTS);
  for (const word of STOPWORD_LIST) {
    const hash = hashString(word);
    if (hash === 0) throw new Error(`the function word "${word}" hashes to 0, the empty slot`);
    let slot = hash & (STOPWORD_SLOTS - 1);
    while (table[slot] !== 0 && table[slot] !== hash) slot = (slot + 1) & (STOPWORD_SLOTS - 1);
    table[slot] = hash;
  }
  return table;
}

function isStopwordHash(hash: number): boolean {
  for (let slot = hash & (STOPWORD_SLOTS - 1); ; slot = (slot + 1) & (STOPWORD_SLOTS - 1)) {
    const held = STOPWORD_TABLE[slot]!;
    if (held === 0) return false;
    if (held === hash) return true;
  }
}

function letterTable(): Uint8Array {
  const letters = new Uint8Array(CASE_TABLE_UNITS);
  for (let unit = 0; unit < CASE_TABLE_UNITS; unit++) letters[unit] = isLetter(unit) ? 1 : 0;
  return letters;
}

function isWordLetter(code: number): boolean {
  if (code < CASE_TABLE_UNITS) return LETTERS[code] === 1;
  // General Punctuation (quotes, dashes, ellipsis, spaces) holds no letter: news text is full of it.
  if (code >= 0x2000 && code <= 0x206f) return false;
  return isLetter(code);
}

/** With `scratch`, the hashes are views on its arrays, valid until its next use. */
export function wordHashes(text: string, scratch?: FingerprintScratch): WordHashes {
  const capacity = Math.ceil(text.length / 2) + 1;
  const { norm, stem, flags } = scratch?.wordArrays(capacity) ?? {
    norm: new Uint32Array(capacity),
    stem: new Uint32Array(capacity),
    flags: new Uint8Array(capacity),
  };
  const prefix = new Uint32Array(MAX_FAST_WORD + 1);
  const lower = new Uint16Array(MAX_FAST_WORD);
  let count = 0;
  let sentenceStart = true;
  let quoted = false;
  let at = 0;
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (isDigit(code)) {
      let end = at + 1;
      let hash = Math.imul(FNV_OFFSET ^ code, FNV_PRIME);
      // 29,762 and 2.5 are one number; a trailing full stop is not part of it.
      while (end < length) {
        const next = text.charCodeAt(end);
        if (isDigit(next)) hash = Math.imul(hash ^ next, FNV_PRIME);
        else if ((next === 0x2c || next === 0x2e) && isDigit(text.charCodeAt(end + 1))) {
          if (next === 0x2e) hash = Math.imul(hash ^ next, FNV_PRIME);
        } else break;
        end++;
      }
      norm[count] = mix32(hash);
      stem[count] = norm[count]!;
      flags[count] = FLAG_NUMBER | (quoted ? FLAG_QUOTED : 0);
      count++;
      sentenceStart = false;
      at = end;
      continue;
    }
    if (isWordLetter(code)) {
      let end = at + 1;
      while (end < length && isWordLetter(text.charCodeAt(end))) end++;
      // Clitics stay on their word: "it's", "Reuters'".
      if (isApostrophe(text.charCodeAt(end)) && isWordLetter(text.charCodeAt(end + 1))) {
        end += 2;
        while (end < length && isWordLetter(text.charCodeAt(end))) end++;
      }
      // Lower-cased and hashed unit by unit while every unit is in the table.
      let simple = end - at <= MAX_FAST_WORD;
      let hash = FNV_OFFSET;
      prefix[0] = hash;
      for (let k = at; simple && k < end; k++) {
        const unit = text.charCodeAt(k);
        const lowered = unit === 0x2019 ? 0x27 : unit < CASE_TABLE_UNITS ? LOWER_CASE[unit]! : NOT_SIMPLE;
        simple = lowered !== NOT_SIMPLE;
        lower[k - at] = lowered;
        hash = Math.imul(hash ^ lowered, FNV_PRIME);
        prefix[k - at + 1] = hash;
      }
      let flag = quoted ? FLAG_QUOTED : 0;
      let capital: boolean;
      if (simple) {
        const size = end - at;
        norm[count] = mix32(hash);
        stem[count] = mix32(prefix[stemLength(lower, size)]!);
        capital = lower[0] !== code;
      } else {
        const surface = text.slice(at, end);
        const normal = surface.toLowerCase().replace(/\u2019/g, "'");
        norm[count] = hashString(normal);
        stem[count] = hashString(lightStem(normal));
        capital = surface !== normal && surface[0] !== normal[0];
      }
      const hashed = norm[count]!;
      const stop = isStopwordHash(hashed);
      if (stop) flag |= FLAG_STOP;
      if (capital && !sentenceStart && !stop) flag |= FLAG_NAME;
      flags[count] = flag;
      count++;
      sentenceStart = false;
      at = end;
      continue;
    }
    if (isQuoteMark(code))
      quoted = code === 0x201c || code === 0x201e ? true : code === 0x201d ? false : !quoted;
    else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a) sentenceStart = true;
    if (code === 0x0a && text.charCodeAt(at + 1) === 0x0a) quoted = false; // a quote never spans paragraphs
    at++;
  }
  return {
    count,
    norm: norm.subarray(0, count),
    stem: stem.subarray(0, count),
    flags: flags.subarray(0, count),
  };
}

/** Letters kept by lightStem of the lower-cased word held in `lower[0..size)`. */
function stemLength(lower: Uint16Array, size: number): number {
  if (size < 5) return size;
  for (const suffix of SUFFIX_CODES) {
    if (size - suffix.length < 4) continue;
    let matches = true;
    for (let k = 0; k < suffix.length && matches; k++)
      matches = lower[size - suffix.length + k] === suffix[k];
    if (matches) return size - suffix.length;
  }
  return size;
}

/** The same from fingerprintWords' words: the reference the fast pass is checked against. */
export function hashesOfWords(words: readonly FingerprintWord[]): WordHashes {
  return {
    count: words.length,
    norm: Uint32Array.from(words, (word) => hashString(word.norm)),
    stem: Uint32Array.from(words, (word) => hashString(lightStem(word.norm))),
    flags: Uint8Array.from(
      words,
      (word) =>
        (word.isNumber ? FLAG_NUMBER : 0) |
        (word.stop ? FLAG_STOP : 0) |
        (word.name ? FLAG_NAME : 0) |
        (word.quoted ? FLAG_QUOTED : 0),
    ),
  };
}
