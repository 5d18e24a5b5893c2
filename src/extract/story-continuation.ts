import type { BlockInfo } from './block-info.js';
import { closesStory, isListHeader } from './chrome-patterns.js';
import type { Region } from './story-region.js';

/**
 * Most short label lines (subheads, captions, item names) a story's list or table holds in a row
 * between two lines of content; a longer run is a menu or a list of other headlines.
 */
const MAX_LABEL_RUN = 3;
/** Longest line (in words) that may introduce a list with a colon. */
const MAX_INTRO_WORDS = 40;

/**
 * content: extends the story; phrase: a sentence-case phrase ("Drink during your workout"), as
 * much a list item as a headline, so it neither extends the story nor ends it; label: a short
 * heading, name or menu entry; empty: no words at all.
 */
type LineKind = 'content' | 'phrase' | 'label' | 'empty';

/**
 * A story often ends in a list or table (tour dates, a recipe, results, a fact box) whose lines
 * are too short or too unpunctuated to weigh as prose. The region goes on over the lines after it
 * as long as they carry content (sentences, quantities, items of a list the story introduced),
 * short labels between them included, and stops at chrome wording, a list header, the story's
 * closing credit or a run of labels.
 */
export function withStoryContinuation(infos: readonly BlockInfo[], region: Region): Region {
  let last = region.last;
  let labels = 0;
  let inList = infos[region.last]?.text.endsWith(':') ?? false;
  for (let index = region.last + 1; index < infos.length; index++) {
    const info = infos[index]!;
    if (endsContinuation(info)) break;
    const kind = lineKind(info, inList);
    if (kind === 'empty') continue;
    if (kind === 'label') {
      inList = false;
      if (++labels > MAX_LABEL_RUN) break;
      continue;
    }
    labels = 0;
    if (kind === 'phrase') continue;
    last = index;
    if (isListIntro(info)) inList = true;
  }
  // A line introducing a list that never came is not content.
  while (last > region.last && isListIntro(infos[last]!)) last--;
  return { first: region.first, last };
}

/** Chrome wording, a date line, the comments, a list header or the story's closing credit. */
function endsContinuation(info: BlockInfo): boolean {
  const words = info.features.words;
  return (
    info.wordingKind !== null ||
    info.dateline ||
    info.commentMarker ||
    isListHeader(info.text, words) ||
    closesStory(info.text, words)
  );
}

function isListIntro(info: BlockInfo): boolean {
  return info.text.endsWith(':') && info.features.words >= 2 && info.features.words <= MAX_INTRO_WORDS;
}

/**
 * Content: a statement (not a question, which headlines often are), a line introducing a list,
 * an item of such a list, or a line of data (a quantity with punctuation between fields, or in
 * a sentence-case phrase). Everything else with words is a label.
 */
function lineKind(info: BlockInfo, inList: boolean): LineKind {
  const f = info.features;
  if (f.words === 0) return 'empty';
  if (f.endsEllipsis || f.headlinePrefixed) return 'label';
  if (f.endsSentence && f.words >= 3 && !f.allCaps && !/\?["'”’)]*$/u.test(info.text)) return 'content';
  if (isListIntro(info)) return 'content';
  if (inList && f.words >= 3) return 'content';
  if (isDataLine(info.text, f.words, f.lowercaseShare)) return 'content';
  return f.words >= 3 && f.lowercaseShare >= 0.5 ? 'phrase' : 'label';
}

/** Punctuation between the fields of a data line: commas, brackets, "@", a spaced dash, ": 1". */
const FIELD_SEPARATOR = /[,;()[\]@]|\s[–—-]\s|:\s*\p{N}/u;
/** Longest data line (in words): a table row or list item, not a page footer's address block. */
const MAX_DATA_WORDS = 30;

/** "June 9 – Tampa, FL @ Amphitheatre", "Portion Fix: 1 Green", "Eat every 2–3 hours". */
function isDataLine(text: string, words: number, lowercaseShare: number): boolean {
  if (words < 3 || words > MAX_DATA_WORDS || !/\p{N}/u.test(text)) return false;
  return FIELD_SEPARATOR.test(text) || lowercaseShare >= 0.5;
}
