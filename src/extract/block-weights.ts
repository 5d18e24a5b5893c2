import type { BlockFeatures } from './block-features.js';

/** What is known about a block before the story region is chosen. */
export interface WeighedBlock {
  features: BlockFeatures;
  /** The block's wording marks it as chrome (share prompt, copyright, teaser…). */
  chromeByWording: boolean;
  /** The block's wording marks it as a picture caption or credit. */
  caption: boolean;
  dateline: boolean;
  /** Opens the comment section ("42 comments", "Leave a Reply"). */
  commentMarker: boolean;
  /** Same text as the block just before it (html-text repeats image captions). */
  repeatsPrevious: boolean;
}

/**
 * Penalty of one short non-sentence line (menu item, headline, label). Flattened pages mix
 * menus with the story, so such lines weigh heavily there; inside an HTML content container
 * they are mostly subheads, list items and table cells of the story itself.
 */
export const SHORT_LINE_PENALTY = { text: 40, html: 5 } as const;
export type WeightMode = keyof typeof SHORT_LINE_PENALTY;

// Weights are in characters of prose: a chrome line costs as much as this much story text.
const CHROME_PENALTY = 100;
const DATELINE_PENALTY = 20;
const LINK_LIST_PENALTY = 40;
const COMMENTS_BARRIER = -1e9;
/** Words from which a question is a paragraph of prose rather than a headline. */
const MIN_QUESTION_PARAGRAPH_WORDS = 20;

/**
 * How much a block argues for being inside the story: long sentence-like prose counts its
 * length, chrome counts against. The weights only place the story region; labels come later.
 */
export function blockWeight(
  block: WeighedBlock,
  previous: WeighedBlock | undefined,
  mode: WeightMode,
): number {
  const f = block.features;
  const penalty = SHORT_LINE_PENALTY[mode];
  // Nothing after the start of the comments is story; a region may not span it.
  if (block.commentMarker) return COMMENTS_BARRIER;
  // Pictures sit inside stories as often as around them: their captions weigh like a short line.
  if (block.caption) return -penalty;
  if (block.chromeByWording) return -(CHROME_PENALTY + f.chars * 0.5);
  if (block.dateline) return -DATELINE_PENALTY;
  if (block.repeatsPrevious) return -f.chars;
  if (f.linkDensity > 0.5) return -(LINK_LIST_PENALTY + f.chars);
  const linkFactor = Math.max(0, 1 - 2 * f.linkDensity);
  // A truncated teaser under a headline, or a headline run into its lede: other stories.
  if (f.endsEllipsis && previous && isHeadlineLike(previous.features)) return -f.chars * 0.5;
  if (f.headlinePrefixed) return -f.chars * 0.3;
  // A line cut short ("…") is as often a teaser as a paragraph, and a short question as often a
  // headline as a sentence: they count like short sentences.
  const doubtful = f.endsEllipsis || (f.endsQuestion && f.words < MIN_QUESTION_PARAGRAPH_WORDS);
  if (isProse(f) && !doubtful) return f.chars * linkFactor;
  // Short sentences and long unpunctuated prose count for less; headlines and labels against.
  if (f.endsSentence && f.words >= 3) return f.chars * 0.3 * linkFactor;
  if (f.words >= 20 && (f.lowercaseShare >= 0.4 || f.caseless)) return f.chars * 0.5 * linkFactor;
  return -(penalty + f.chars * 0.1);
}

/** A sentence-like block of running text. */
export function isProse(f: BlockFeatures): boolean {
  return f.endsSentence && !f.allCaps && f.words >= 8 && (f.lowercaseShare >= 0.25 || f.caseless);
}

/** A headline or label: short, no sentence ending. */
export function isHeadlineLike(f: BlockFeatures): boolean {
  return !f.endsSentence && f.words >= 1 && f.words <= 25;
}
