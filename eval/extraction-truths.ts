import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { storyLayout } from '../src/extract/extract-html.js';
import type { StoryLayout } from '../src/extract/html/block-model.js';
import { wordGrams } from '../src/extract/normalise-words.js';
import { isInputFailure, readInputs } from '../src/ingest/index.js';
import type { RawDocument } from '../src/model/article.js';

/**
 * The page-extraction development sets' ground truths, read for training block models
 * (`npm run train:extract`): the story text of ScrapingHub, L3S-GN1 and Dragnet pages (Dragnet's
 * reader comments cut off), or trafilatura's segments, and whether a block's text is story.
 */

/**
 * Ground truth of each page of a set: the full text (with its word trigrams), or trafilatura's
 * segments.
 */
export type Truth = { text: string; trigrams: Set<string> } | { with: string[]; without: string[] };

const COMMENTS_MARKER = '!@#$%^&*()  COMMENTS';
/** Shorter blocks are matched as whole words only: a menu entry's word occurs in any story. */
const MIN_SUBSTRING_WORDS = 4;
/**
 * A longer block the truth does not hold word for word is story when most of its word trigrams
 * are the truth's (the truth's own line breaks, spacing and typography differ from the page's),
 * chrome when few are, and left out in between.
 */
const STORY_TRIGRAM_SHARE = 0.8;
const CHROME_TRIGRAM_SHARE = 0.2;

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
    pages.set(id, textTruth(text));
  }
  return pages;
}

/**
 * Each page of a set (`html/ID.html.gz`) with its ground truth, in id order, so that every
 * trainer and tally sees the pages in the same order on every machine; a page that cannot be
 * read is skipped.
 */
export async function* truthPages(
  directory: string,
): AsyncGenerator<{ id: string; truth: Truth; page: RawDocument }> {
  for (const [id, truth] of [...truths(directory)].sort((a, b) => a[0].localeCompare(b[0]))) {
    for await (const item of readInputs([join(directory, 'html', `${id}.html.gz`)])) {
      if (!isInputFailure(item)) yield { id, truth, page: item };
    }
  }
}

/**
 * The set's pages as truthPages gives them, each with its story layout (the content container's
 * blocks and their labels); a page extraction finds no text in is left out.
 */
export async function* laidOutPages(
  directory: string,
): AsyncGenerator<{ id: string; truth: Truth; page: RawDocument; layout: StoryLayout }> {
  for await (const item of truthPages(directory)) {
    let layout: StoryLayout;
    try {
      layout = storyLayout(item.page);
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
      continue;
    }
    yield { ...item, layout };
  }
}

/** A page's ground truth from its full text (reader comments after Dragnet's marker cut off). */
export function textTruth(text: string): Truth {
  const story = comparable(storyPart(text));
  return { text: ` ${story} `, trigrams: new Set(trigramsOf(story)) };
}

/** A ground truth's story: the text before Dragnet's reader-comments marker, or all of it. */
export function storyPart(text: string): string {
  const marker = text.indexOf(COMMENTS_MARKER);
  return marker >= 0 ? text.slice(0, marker) : text;
}

/**
 * Each page's ground truth as the ROUGE sets score it (its story part, as written), none on
 * trafilatura's set (segments).
 */
export function plainTruths(directory: string): Map<string, string> {
  if (basename(directory).startsWith('trafilatura')) return new Map();
  const data = JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { plaintext?: string; articleBody?: string }
  >;
  return new Map(
    Object.entries(data).map(([id, truth]) => [id, storyPart(truth.plaintext ?? truth.articleBody ?? '')]),
  );
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
    if (words(form) < MIN_SUBSTRING_WORDS) return truth.text.includes(` ${form} `);
    if (truth.text.includes(form)) return true;
    const trigrams = trigramsOf(form);
    const share = trigrams.filter((trigram) => truth.trigrams.has(trigram)).length / trigrams.length;
    return share >= STORY_TRIGRAM_SHARE ? true : share <= CHROME_TRIGRAM_SHARE ? false : null;
  }
  const holds = (segments: readonly string[]) =>
    segments.some((segment) => block.includes(segment) || (words(block) >= 5 && segment.includes(block)));
  if (holds(truth.with)) return true;
  if (holds(truth.without)) return false;
  return null;
}

/** The word trigrams of a text (its words joined by single spaces). */
function trigramsOf(text: string): string[] {
  return wordGrams(
    text.split(' ').filter((token) => token !== ''),
    3,
  );
}

/** The page sets the trainers and error tallies read: the development halves of the four benchmarks. */
const SET_PREFIXES = ['aeb', 'trafilatura-eval', 'l3s-gn1', 'dragnet'];

/** Where a block at `position` lies against the story's first and last blocks. */
export function sideOfStory(position: number, first: number, last: number): 'before' | 'between' | 'after' {
  return position < first ? 'before' : position > last ? 'after' : 'between';
}

/** The folders of those sets under `datasets` whose names start with one of `sets` (all when empty), sorted. */
export function extractionSetFolders(datasets: string, sets: readonly string[]): string[] {
  if (!existsSync(datasets)) return [];
  return readdirSync(datasets, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && SET_PREFIXES.some((prefix) => entry.name.startsWith(prefix)))
    .filter((entry) => sets.length === 0 || sets.some((set) => entry.name.startsWith(set)))
    .map((entry) => join(datasets, entry.name))
    .sort();
}

/**
 * Which blocks the output shows: a block is shown when its collapsed text stands in the
 * collapsed output as whole words.
 */
export function blocksInOutput(blocks: readonly { text: string }[], output: string): boolean[] {
  const text = ` ${collapse(output)} `;
  return blocks.map((block) => {
    const form = collapse(block.text);
    return form !== '' && text.includes(` ${form} `);
  });
}
