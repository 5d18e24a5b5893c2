import type { BlockInfo } from './block-info.js';
import { closesStory, isListHeader, profileOf } from './chrome-patterns.js';
import type { Region } from './story-region.js';

/**
 * Most short label lines (subheads, captions, item names) a story's list or table holds in a row
 * between two lines of content; a longer run is a menu or a list of other headlines.
 */
const MAX_LABEL_RUN = 3;
/** Longest line (in words) that may introduce a list with a colon. */
const MAX_INTRO_WORDS = 40;
/** Longest data line (in words): a table row or list item, not a page footer's address block. */
const MAX_DATA_WORDS = 30;

/**
 * content: a line that carries the story on; phrase: a sentence-case phrase ("Stretch before
 * you run"), as much a list item as another story's headline, so it neither carries the
 * story on nor ends it; label: a short heading, name or menu entry; empty: no words at all.
 */
type LineKind = 'content' | 'phrase' | 'label' | 'empty';

/**
 * A story often ends in a list or table (tour dates, a recipe, results, a fact box) whose lines
 * are too short or too unpunctuated to weigh as prose. The region goes on over the lines after
 * it as long as they carry content (statements, data lines, items of a list the story
 * introduced), short labels between them included, and stops at chrome wording, a list header,
 * the story's closing credit or a longer run of labels.
 */
export function withStoryContinuation(infos: readonly BlockInfo[], region: Region): Region {
  let inList = isListIntro(infos[region.last]!);
  const kindOf = (info: BlockInfo): LineKind => {
    const kind = lineKind(info, inList);
    // A list runs from the line introducing it until a label interrupts it.
    if (kind === 'label') inList = false;
    else if (kind === 'content' && isListIntro(info)) inList = true;
    return kind;
  };
  const reached = contentLines(infos.slice(region.last + 1), kindOf);
  let last = region.last + 1 + (reached.at(-1) ?? -1);
  // A line introducing a list that never came is not content.
  while (last > region.last && isListIntro(infos[last]!)) last--;
  return { first: region.first, last };
}

/**
 * A story may open with a short list or a few short sentences before its first paragraph of
 * prose. Going back from the region, down to the page's heading, the region takes in statements
 * between labels; data lines ("By Jane Doe on Friday, March 6, 2020 at 9:14 a.m.") and phrases
 * there are bylines, dates and headlines, so they do not draw it further.
 */
export function withStoryLead(infos: readonly BlockInfo[], region: Region, heading: number): Region {
  const lines = infos.slice(Math.max(0, heading + 1), region.first).reverse();
  const reached = contentLines(lines, (info) => {
    const kind = lineKind(info, false);
    const statement = isStatement(info) && !isDataLine(info.text, info.features.words);
    return kind === 'content' && !statement ? 'phrase' : kind;
  });
  return { first: region.first - 1 - (reached.at(-1) ?? -1), last: region.last };
}

/**
 * Positions of the content lines among `lines` (in walking order) that the story reaches before
 * chrome wording or a run of more than MAX_LABEL_RUN labels stops it.
 */
function contentLines(lines: readonly BlockInfo[], kindOf: (info: BlockInfo) => LineKind): number[] {
  const reached: number[] = [];
  let labels = 0;
  for (let offset = 0; offset < lines.length; offset++) {
    const info = lines[offset]!;
    if (endsContinuation(info)) break;
    const kind = kindOf(info);
    if (kind === 'empty') continue;
    if (kind === 'label') {
      if (++labels > MAX_LABEL_RUN) break;
      continue;
    }
    labels = 0;
    if (kind === 'content') reached.push(offset);
  }
  return reached;
}

/** Chrome wording, a date line, the comments, a list header, or the story's closing credit, bio or profile. */
function endsContinuation(info: BlockInfo): boolean {
  const words = info.features.words;
  return (
    info.wordingKind !== null ||
    info.dateline ||
    info.commentMarker ||
    isListHeader(info.text, words) ||
    closesStory(info.text, words) ||
    profileOf(info.text, words) !== null
  );
}

function isListIntro(info: BlockInfo): boolean {
  return info.text.endsWith(':') && info.features.words >= 2 && info.features.words <= MAX_INTRO_WORDS;
}

/** A sentence that states something: not a question, which headlines often are, nor a shout. */
function isStatement(info: BlockInfo): boolean {
  const f = info.features;
  return f.endsSentence && f.words >= 3 && !f.allCaps && !f.endsQuestion && !f.endsEllipsis;
}

/**
 * Content: a statement, a line introducing a list, an item of such a list, or a data line.
 * Other lines with words are phrases when written in sentence case, labels otherwise.
 */
function lineKind(info: BlockInfo, inList: boolean): LineKind {
  const f = info.features;
  if (f.words === 0) return 'empty';
  if (f.endsEllipsis || f.headlinePrefixed) return 'label';
  if (isStatement(info) || isListIntro(info)) return 'content';
  if (inList && f.words >= 3) return 'content';
  if (isDataLine(info.text, f.words)) return 'content';
  return f.words >= 3 && f.lowercaseShare >= 0.5 ? 'phrase' : 'label';
}

/** Punctuation between the fields of a data line: commas, brackets, "@", a spaced dash, ": 1". */
const FIELD_SEPARATOR = /[,;()[\]@]|\s[–—-]\s|:\s*\p{N}/u;

/**
 * A line of data: a number with punctuation between fields ("May 3 – Leeds, UK @ Town Hall",
 * "Daily portions: 2 Fruit, 3 Vegetables"). A number in a plain phrase ("Rest for 2–3 days")
 * is not enough: headlines have them too ("Council leader resigns after 12 years").
 */
function isDataLine(text: string, words: number): boolean {
  return words >= 3 && words <= MAX_DATA_WORDS && /\p{N}/u.test(text) && FIELD_SEPARATOR.test(text);
}
