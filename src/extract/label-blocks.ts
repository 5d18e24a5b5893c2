import type { BoilerplateKind } from '../model/article.js';
import type { BlockInfo } from './block-info.js';
import { isHeadlineLike, isProse } from './block-weights.js';
import { isListHeader, isPictureCredit } from './chrome-patterns.js';
import { MAX_DISTANCE, repeatedBlocks } from './duplicate-blocks.js';
import { isListItem, MIN_LIST_RUN } from './list-items.js';
import type { Region } from './story-region.js';

/** A block is story text or one kind of page chrome. */
export type BlockLabel = 'story' | BoilerplateKind;

/**
 * First labels: chrome by wording and datelines anywhere; inside the region story; before it
 * menus and other headlines; after it lists of other stories and the footer.
 */
export function initialLabels(infos: readonly BlockInfo[], region: Region): BlockLabel[] {
  return infos.map((info, index) => {
    if (info.wordingKind) return info.wordingKind;
    if (info.dateline) return 'dateline';
    if (index >= region.first && index <= region.last) return info.repeatsPrevious ? 'duplicate' : 'story';
    return index < region.first ? labelBeforeStory(info) : labelAfterStory(infos, index);
  });
}

function labelBeforeStory(info: BlockInfo): BlockLabel {
  const f = info.features;
  if (isListHeader(info.text, f.words)) return 'related';
  return f.words >= 4 && !f.allCaps ? 'related' : 'navigation';
}

function labelAfterStory(infos: readonly BlockInfo[], index: number): BlockLabel {
  const info = infos[index]!;
  const f = info.features;
  if (f.words >= 4 || f.endsEllipsis || isListHeader(info.text, f.words)) return 'related';
  // A short all-caps header ("TRENDING", "OTHER LINKS") heads whatever follows it.
  const next = infos[index + 1];
  if (f.allCaps && next && next.features.words >= 4 && !next.wordingKind) return 'related';
  return 'navigation';
}

/**
 * Menu entries are labels of a word or two ("World", "Sign In"); a list whose items say more
 * (dates and venues, products, names with roles) is the story's own.
 */
const MAX_MENU_ENTRY_WORDS = 2;

/**
 * Chrome inside the region: link lists, headline + "..." teaser pairs and, on flattened pages
 * (`menus`), runs of menu entries. Inside a content container lists and tables are the story's.
 */
export function labelChromeInside(
  infos: readonly BlockInfo[],
  labels: BlockLabel[],
  region: Region,
  menus: boolean,
): void {
  let runStart = -1;
  for (let index = region.first; index <= region.last + 1; index++) {
    const info = infos[index];
    if (index <= region.last && info && labels[index] === 'story' && isListItem(info.features)) {
      if (runStart < 0) runStart = index;
      continue;
    }
    if (menus && runStart >= 0 && isMenu(infos, runStart, index)) {
      for (let item = runStart; item < index; item++) {
        labels[item] = infos[item]!.features.words >= 4 ? 'related' : 'navigation';
      }
    }
    runStart = -1;
  }
  if (menus) labelListsUnderHeaders(infos, labels, region);
  for (let index = region.first + 1; index <= region.last; index++) {
    const info = infos[index]!;
    const previous = infos[index - 1]!;
    if (info.features.endsEllipsis && isHeadlineLike(previous.features) && !isProse(previous.features)) {
      labels[index] = 'related';
      labels[index - 1] = 'related';
    }
    if (info.features.linkDensity > 0.5 && labels[index] === 'story') {
      labels[index] = info.features.words >= 4 ? 'related' : 'navigation';
    }
  }
}

/** A run of list items [from, to) long enough and with items short enough for a menu. */
function isMenu(infos: readonly BlockInfo[], from: number, to: number): boolean {
  if (to - from < MIN_LIST_RUN) return false;
  const words = infos
    .slice(from, to)
    .map((info) => info.features.words)
    .sort((a, b) => a - b);
  return words[Math.floor(words.length / 2)]! <= MAX_MENU_ENTRY_WORDS;
}

/**
 * A list header inside the story ("Related", "Most read in sport") heads a box of other
 * headlines: the lines under it are related until the story's prose resumes.
 */
function labelListsUnderHeaders(infos: readonly BlockInfo[], labels: BlockLabel[], region: Region): void {
  for (let index = region.first; index < region.last; index++) {
    const header = infos[index]!;
    if (!isListHeader(header.text, header.features.words)) continue;
    let item = index + 1;
    for (; item <= region.last && labels[item] === 'story' && isListedUnderHeader(infos, item); item++) {
      labels[item] = infos[item]!.features.words >= 4 ? 'related' : 'navigation';
    }
    index = item - 1;
  }
}

/** Longest headline (in words) of a list under a header that may read like a sentence. */
const MAX_LISTED_HEADLINE_WORDS = 20;

/**
 * A line of the list under a header: not prose, or a sentence-like headline set tight against a
 * neighbouring line of the list (story paragraphs stand apart, a list's lines follow each other).
 */
function isListedUnderHeader(infos: readonly BlockInfo[], index: number): boolean {
  const f = infos[index]!.features;
  if (!isProse(f)) return true;
  const next = infos[index + 1];
  const tight = !infos[index]!.separated || (next !== undefined && !next.separated);
  return tight && f.words <= MAX_LISTED_HEADLINE_WORDS;
}

/** A bullet list with an advertising item ("• Support • Platform • Spreads") is all advertising. */
export function spreadAdvertisingOverLists(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  let runStart = 0;
  for (let index = 0; index <= infos.length; index++) {
    if (index < infos.length && infos[index]!.features.bullet && labels[index] !== 'story') continue;
    const run = labels.slice(runStart, index);
    if (run.length > 1 && run.includes('advertising')) labels.fill('advertising', runStart, index);
    runStart = index + 1;
  }
}

/** Longest caption (in words) taken from above a picture credit. */
const MAX_CAPTION_WORDS = 30;

/** A picture credit line credits the picture whose caption is the short line just above it. */
export function labelCreditedCaptions(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  for (let index = 1; index < infos.length; index++) {
    const info = infos[index]!;
    const above = infos[index - 1]!;
    if (labels[index - 1] !== 'story' || !isPictureCredit(info.text, info.features.words)) continue;
    if (above.features.words <= MAX_CAPTION_WORDS) labels[index - 1] = 'other';
  }
}

/** Fewest words of a repeated line without a sentence ending that is a caption, not structure. */
const MIN_REPEATED_CAPTION_WORDS = 10;
/** Lines above the story's first block where its standfirst may sit (byline and date between). */
const STANDFIRST_REACH = 4;

/**
 * Standfirsts and pull quotes that repeat the body, inside the story and just above it (a
 * standfirst above the byline is left out of the story region but still repeats the lede).
 */
export function labelRepeats(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
  const storyTexts = storyIndices.map((index) => infos[index]!.text);
  // Standfirsts and pull quotes are sentences, and a long line said twice is a caption or card;
  // a short repeated line (a heading, list item or table header) is the story's own structure.
  const repeated = [...repeatedBlocks(storyTexts)].filter((position) => {
    const f = infos[storyIndices[position]!]!.features;
    return f.endsSentence || f.words >= MIN_REPEATED_CAPTION_WORDS;
  });
  for (const position of repeated) labels[storyIndices[position]!] = 'duplicate';
  const first = storyIndices[0] ?? 0;
  const nearby = storyTexts.slice(0, MAX_DISTANCE);
  for (let index = Math.max(0, first - STANDFIRST_REACH); index < first; index++) {
    if (labels[index] === 'related' && repeatedBlocks([infos[index]!.text, ...nearby]).has(0))
      labels[index] = 'duplicate';
  }
}

/** No story found: every block that is not plainly chrome is the best guess. */
export function keepBestGuess(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  for (let index = 0; index < infos.length; index++) {
    if (!infos[index]!.wordingKind && labels[index] !== 'dateline') labels[index] = 'story';
  }
}
