import { ELLIPSIS_END, QUESTION_END, SENTENCE_END } from './sentence-end.js';
import type { TextBlock } from './text-block.js';
import { unspacedWords } from './word-count.js';

/** Measurements of a block that tell prose from page chrome, independent of language. */
export interface BlockFeatures {
  chars: number;
  /** Word count; scripts written without spaces count one word per two characters. */
  words: number;
  /** Ends like a sentence: . ! ? … optionally followed by closing quotes or brackets. */
  endsSentence: boolean;
  /** Ends in "..." or "…": a truncated teaser, unless inside the story. */
  endsEllipsis: boolean;
  /** Ends in a question mark, as headlines often do. */
  endsQuestion: boolean;
  /** Share of words starting with a lower-case letter (function words of running prose). */
  lowercaseShare: number;
  /** Every cased letter is upper case ("TRENDING", "OTHER LINKS"). */
  allCaps: boolean;
  /** Most letters have no case (CJK, Arabic, Thai…): the lower-case signal says nothing. */
  caseless: boolean;
  commas: number;
  /** Share of the text inside links (HTML only). */
  linkDensity: number;
  /** Starts with a list bullet or number ("• Support", "1. Item"). */
  bullet: boolean;
  /**
   * Starts with a Title Case headline and goes on with a sentence: "Council: 3 Hurt After Fall
   * From Harbour Footbridge A 31-year-old man…" is a teaser of another story in a menu.
   */
  headlinePrefixed: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu;
const BULLET_START = /^(?:[•·▪►▸◦●■*-]|\d{1,2}[.)])\s/u;

/**
 * Features already measured, by block: extraction's steps each read the same blocks again. The
 * text and link count are checked, so a block changed since reads afresh.
 */
const MEASURED = new WeakMap<TextBlock, { text: string; linkChars: number; features: BlockFeatures }>();

export function blockFeatures(block: TextBlock): BlockFeatures {
  const known = MEASURED.get(block);
  if (known !== undefined && known.text === block.text && known.linkChars === block.linkChars)
    return known.features;
  const features = measureBlock(block);
  MEASURED.set(block, { text: block.text, linkChars: block.linkChars, features });
  return features;
}

function measureBlock(block: TextBlock): BlockFeatures {
  const text = block.text;
  const wordList = text.match(WORD) ?? [];
  const words = wordList.length + unspacedWords(text);
  let lowercase = 0;
  for (const word of wordList) if (/^\p{Ll}/u.test(word)) lowercase++;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  const cased = upper + letters.replace(/[^\p{Ll}]/gu, '').length;
  return {
    chars: text.length,
    words,
    endsSentence: SENTENCE_END.test(text),
    endsEllipsis: ELLIPSIS_END.test(text),
    endsQuestion: QUESTION_END.test(text),
    lowercaseShare: wordList.length === 0 ? 0 : lowercase / wordList.length,
    allCaps: cased >= 3 && upper === cased,
    caseless: cased <= letters.length / 2,
    commas: (text.match(/[,，、]/g) ?? []).length,
    linkDensity: text.length === 0 ? 0 : Math.min(1, block.linkChars / text.length),
    bullet: BULLET_START.test(text),
    headlinePrefixed:
      startsWithTitleCaseHeadline(text, wordList) || MID_LINE_DATELINE.test(text.slice(0, HEADLINE_REACH)),
  };
}

/** How far into a line a headline run into its dateline can reach (and the regex need look). */
const HEADLINE_REACH = 300;

/**
 * A place dateline in capitals after the start of a line ("… fishing crew rescued after two days at
 * sea NORTHBRIDGE: Their trawler sank…"): a headline run into the first sentence of its story.
 */
const MID_LINE_DATELINE =
  /^.{12,}?[\p{Ll}\d'’)]\s+\p{Lu}{2,}(?:[ .'-]+\p{Lu}{2,})*(?:,\s*\p{Lu}[\p{L}.]*)?\s*(?:\([^)]{1,30}\))?\s*[:—–]\s/u;

/** Commas after each of the first `count` words of a text. */
function commasAmong(text: string, words: readonly string[], count: number): number {
  let end = 0;
  let commas = 0;
  for (const word of words.slice(0, count)) {
    end = text.indexOf(word, end) + word.length;
    if (text[end] === ',') commas++;
  }
  return commas;
}

/** English function words that only Title Case capitalises mid-phrase. */
const TITLE_CASE_SMALL_WORDS = new Set([
  'A',
  'An',
  'And',
  'As',
  'At',
  'But',
  'By',
  'For',
  'From',
  'In',
  'Into',
  'Is',
  'Of',
  'On',
  'Or',
  'Over',
  'The',
  'To',
  'With',
  'After',
  'Are',
  'Be',
  'Than',
  'Up',
  'Out',
  'About',
]);

/** A wire story's opening: "(Reuters) —", "LISBON (AP) —". What follows is its lede. */
const WIRE_OPENING = /^(?:\p{Lu}[\p{Lu}\p{M} .,'’-]*\s)?\([^()]{1,30}\)\s*[—–-]\s/u;

function startsWithTitleCaseHeadline(text: string, words: readonly string[]): boolean {
  if (WIRE_OPENING.test(text)) return false;
  let prefix = 0;
  let smallWords = 0;
  for (const word of words) {
    if (!/^[\p{Lu}\p{N}]/u.test(word)) break;
    if (prefix > 0 && TITLE_CASE_SMALL_WORDS.has(word)) smallWords++;
    prefix++;
  }
  if (prefix >= words.length - 3) return false;
  // "Ohio Sen. Jane Roe, Maine Rep. John Doe, …": a sentence listing names.
  if (commasAmong(text, words, prefix) >= 2) return false;
  return (prefix >= 5 && smallWords >= 2) || (prefix >= 6 && smallWords >= 1) || prefix >= 9;
}
