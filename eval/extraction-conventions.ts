import { basename } from 'node:path';
import { blockFeatures } from '../src/extract/block-features.js';
import { chromeKindByWording } from '../src/extract/chrome-patterns.js';
import type { BlockLabel } from '../src/extract/classify-blocks.js';
import { storyBefore, storyWithTail } from '../src/extract/extract-html.js';
import { isHeading } from '../src/extract/html/dom.js';
import type { HtmlBlock } from '../src/extract/html/html-blocks.js';
import { isStoryProse, placeAndStyle, styleOf } from '../src/extract/html/lead-by-style.js';
import { describedBlocksBefore } from '../src/extract/html/lead-from-description.js';
import { styleWithParent } from '../src/extract/html/story-style.js';
import { trailingHeadings } from '../src/extract/html/trailing-headings.js';
import { wordCount } from '../src/extract/word-count.js';
import { extractionSetFolders, isStoryText, laidOutPages, sideOfStory, words } from './extraction-truths.js';

/**
 * Where the benchmarks' conventions part (`npm run eval -- extraction-conventions [--sets ...]`):
 * for each chrome label the line filter gives inside the content container (headline, dateline
 * or byline, footer, caption or credit, related, navigation…), by side of the story, the share of
 * those blocks each set's truth counts as story (words; segments on trafilatura's set) and on how
 * many pages. A label every set calls chrome is right; one every set calls story is an error kind
 * to fix; one the sets disagree on is a convention, and a rule that follows one set's convention
 * costs on another's.
 *
 * With `--styles`, the labels left after every step of extraction (the block, tail and lead
 * models, the story's own lines, its lead, tail and sign-off styled as its body), each row split
 * further by how the block is styled against the story's blocks (in the same element with the
 * same tag and class, under a parent styled alike, the same tag and class elsewhere, or apart),
 * its kind (heading, prose, other text of four words or more, short line), chrome wording and
 * links: which positional labels a rule reading the story's own styling could overrule.
 *
 * With `--trailing-headings`, the headings the story ends with before the step that sets the
 * short ones apart (no block of the story after them), by their words: what that step's length
 * was read from.
 *
 * With `--described`, the blocks before the story that the page's description copies, before
 * the step that takes them as its lead: headline (the <h1> or a title copy) or not, by their
 * word trigrams. What that step's length was read from.
 */

interface Share {
  story: number;
  all: number;
  pages: Set<string>;
}

type Table = Map<string, Map<string, Share>>;

/**
 * What is tallied: the container's chrome labels, those left after every step by styling, the
 * story's trailing headings, or the blocks before it its page's description copies.
 */
export type ConventionsMode = 'labels' | 'styles' | 'trailing-headings' | 'described';

async function tallySet(folder: string, table: Table, mode: ConventionsMode): Promise<void> {
  const set = basename(folder);
  for await (const { id, truth, layout } of laidOutPages(folder)) {
    if (!layout.labels.includes('story')) continue;
    const count = (key: string, block: HtmlBlock, story: boolean) => {
      const row = table.get(key) ?? new Map<string, Share>();
      table.set(key, row);
      const share = row.get(set) ?? { story: 0, all: 0, pages: new Set<string>() };
      row.set(set, share);
      const amount = 'with' in truth ? 1 : words(block.text);
      share.all += amount;
      if (story) {
        share.story += amount;
        share.pages.add(id);
      }
    };
    if (mode === 'described') {
      const { blocks, labels } = storyBefore(layout, 'described lead');
      const every = layout.everyBlock?.() ?? layout.pageBlocks;
      for (const { block, trigrams, headline } of describedBlocksBefore(
        every,
        blocks,
        labels,
        layout.description ?? null,
      )) {
        const story = isStoryText(truth, block.text);
        const kind = headline ? 'the <h1> or a title copy' : 'another block';
        if (story !== null) count(`${kind}, ${trigramBand(trigrams)}`, block, story);
      }
      continue;
    }
    if (mode === 'trailing-headings') {
      const { blocks, labels } = storyBefore(layout, 'trailing headings');
      for (const index of trailingHeadings(blocks, labels, Number.POSITIVE_INFINITY)) {
        const block = blocks[index]!;
        const story = isStoryText(truth, block.text);
        if (story !== null) count(`trailing heading, ${wordBand(wordCount(block.text))}`, block, story);
      }
      continue;
    }
    const { blocks, labels } =
      mode === 'styles' ? storyWithTail(layout) : { blocks: layout.containerBlocks, labels: layout.labels };
    const styling = mode === 'styles' ? storyStyling(blocks, labels) : null;
    blocks.forEach((block, index) => {
      const label = labels[index]!;
      const story = label === 'story' ? null : isStoryText(truth, block.text);
      if (story === null) return;
      const side = sideOfStory(index, labels.indexOf('story'), labels.lastIndexOf('story'));
      count(
        styling === null ? `${label}, ${side} the story` : `${label}, ${side}, ${styling(block)}`,
        block,
        story,
      );
    });
  }
}

/** Word bands of the trailing headings, read against the step's length (six words). */
function wordBand(count: number): string {
  if (count <= 4) return 'up to 4 words';
  if (count <= 6) return '5-6 words';
  if (count <= 10) return '7-10 words';
  return '11 words or more';
}

/** Length bands of the described blocks, read against the step's length (20 word trigrams). */
function trigramBand(count: number): string {
  if (count < 8) return 'under 8 trigrams';
  if (count < 20) return '8-19 trigrams';
  if (count < 32) return '20-31 trigrams';
  return '32 trigrams or more';
}

/** How a block is styled against the story's blocks, and the kind of text it holds. */
export interface StoryStyling {
  relation: 'same element and style' | 'parent styled alike' | 'styled alike' | 'styled apart';
  kind: 'heading' | 'prose' | 'text' | 'short';
}

/** Reads blocks against `story`: their styling beside the story's blocks and their kind of text. */
export function stylingAgainst(story: readonly HtmlBlock[]): (block: HtmlBlock) => StoryStyling {
  const places = new Set(story.map(placeAndStyle));
  const parents = new Set(story.map(styleWithParent));
  const tags = new Set(story.map((block) => styleOf(block.element)));
  return (block) => ({
    relation: places.has(placeAndStyle(block))
      ? 'same element and style'
      : parents.has(styleWithParent(block))
        ? 'parent styled alike'
        : tags.has(styleOf(block.element))
          ? 'styled alike'
          : 'styled apart',
    kind: isHeading(block.element)
      ? 'heading'
      : isStoryProse(block)
        ? 'prose'
        : blockFeatures(block).words >= 4
          ? 'text'
          : 'short',
  });
}

/** How a block is styled against the story's blocks, its kind, chrome wording and links. */
function storyStyling(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): (block: HtmlBlock) => string {
  const styling = stylingAgainst(blocks.filter((_, index) => labels[index] === 'story'));
  return (block) => {
    const features = blockFeatures(block);
    const { relation, kind } = styling(block);
    const wording = chromeKindByWording(block.text, features.words) === null ? '' : ', wording';
    const links = features.linkDensity > 0.3 ? ', links' : '';
    return `${relation}, ${block.element.name === 'li' ? 'list item' : kind}${wording}${links}`;
  };
}

export async function evaluateExtractionConventions(
  datasets: string,
  sets: readonly string[],
  mode: ConventionsMode = 'labels',
): Promise<void> {
  const folders = extractionSetFolders(datasets, sets);
  const table: Table = new Map();
  for (const folder of folders) await tallySet(folder, table, mode);
  const names = folders.map((folder) => basename(folder));
  console.log(
    mode === 'trailing-headings'
      ? 'headings the story ends with: share the truth counts as story (story / labelled, pages)'
      : mode === 'described'
        ? "blocks before the story its page's description copies: share the truth counts as story (story / labelled, pages)"
        : 'container blocks under a chrome label: share the truth counts as story (story / labelled, pages)',
  );
  const width = mode === 'styles' ? 84 : mode === 'described' ? 48 : 36;
  console.log(`${'label, side'.padEnd(width)}${names.map((name) => name.padEnd(28)).join('')}`);
  for (const [key, row] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cells = names.map((name) => {
      const share = row.get(name);
      if (share === undefined) return '-'.padEnd(28);
      const ratio = (share.story / Math.max(1, share.all)).toFixed(2);
      return `${ratio} of ${share.all} (${share.pages.size}p)`.padEnd(28);
    });
    console.log(`${key.padEnd(width)}${cells.join('')}`);
  }
}
