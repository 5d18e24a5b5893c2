import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The page-extraction development sets' ground truths, read for training block models
 * (`npm run train:extract`): the story text of ScrapingHub, L3S-GN1 and Dragnet pages (Dragnet's
 * reader comments cut off), or trafilatura's segments, and whether a block's text is story.
 */

/** Ground truth of each page of a set: the full text, or trafilatura's segments. */
export type Truth = { text: string } | { with: string[]; without: string[] };

const COMMENTS_MARKER = '!@#$%^&*()  COMMENTS';
/** Shorter blocks are matched as whole words only: a menu entry's word occurs in any story. */
const MIN_SUBSTRING_WORDS = 4;

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text as the ground truths can be compared with a page's blocks: some truths lost every
 * character outside ASCII ("?" in their place) and set a space before punctuation at element
 * boundaries, so both sides are brought to that form.
 */
function comparable(text: string): string {
  return collapse(text.replace(/[^\p{ASCII}]/gu, '?')).replace(/ (?=[,.;:!?)])/g, '');
}

export function words(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

export function truths(directory: string): Map<string, Truth> {
  const pages = new Map<string, Truth>();
  if (basename(directory).startsWith('trafilatura')) {
    const data = JSON.parse(readFileSync(join(directory, 'evaldata.json'), 'utf8')) as Record<
      string,
      { with: string[]; without: string[] }
    >;
    for (const [id, truth] of Object.entries(data)) {
      pages.set(id, { with: truth.with.map(collapse), without: truth.without.map(collapse) });
    }
    return pages;
  }
  const data = JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { plaintext?: string; articleBody?: string }
  >;
  for (const [id, truth] of Object.entries(data)) {
    const text = truth.plaintext ?? truth.articleBody ?? '';
    const marker = text.indexOf(COMMENTS_MARKER);
    pages.set(id, { text: ` ${comparable(marker >= 0 ? text.slice(0, marker) : text)} ` });
  }
  return pages;
}

/**
 * Whether a block's text is story: part of the page's ground truth, or on trafilatura's set
 * holding a segment the output must contain (false when it holds one it must not); null when
 * the truth does not tell.
 */
export function isStoryText(truth: Truth, text: string): boolean | null {
  const block = collapse(text);
  if (block === '') return null;
  if ('text' in truth) {
    const form = comparable(text);
    return words(form) >= MIN_SUBSTRING_WORDS ? truth.text.includes(form) : truth.text.includes(` ${form} `);
  }
  const holds = (segments: readonly string[]) =>
    segments.some((segment) => block.includes(segment) || (words(block) >= 5 && segment.includes(block)));
  if (holds(truth.with)) return true;
  if (holds(truth.without)) return false;
  return null;
}
