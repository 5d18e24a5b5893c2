import { basename } from 'node:path';
import { blockFeatures } from '../src/extract/block-features.js';
import { storyWithTail } from '../src/extract/extract-html.js';
import { ChromeSubtrees } from '../src/extract/html/chrome-subtrees.js';
import { contentRoot, type HtmlElement, parentElement, parseHtml } from '../src/extract/html/dom.js';
import { unlikelyWord } from '../src/extract/html/element-hints.js';
import { type HtmlBlock, htmlBlocks } from '../src/extract/html/html-blocks.js';
import { placeAndStyle } from '../src/extract/html/lead-by-style.js';
import { trigramsOf } from '../src/extract/html/skipped-boxes-in-story.js';
import { stylingAgainst } from './extraction-conventions.js';
import {
  blocksInOutput,
  extractionSetFolders,
  isStoryText,
  laidOutPages,
  words,
} from './extraction-truths.js';

/**
 * The blocks of boxes skipped for their class or id (`npm run eval -- extraction-skipped-boxes
 * [--sets ...]`), and the blocks outside the container between the story's blocks or beside
 * them (same parent and style), by kind: skipped or not, the step's clause, the class word that named the box, where the box lies against the
 * story extraction gives (before, between or after its blocks; inside the content container's
 * span or outside it), how the block is styled against the story's blocks, whether it is prose
 * and linked. Beside each kind, the share each set's truth counts as story (blocks on
 * trafilatura's set, words on the others) and on how many pages: which skipped boxes a rule
 * could give back without taking chrome with them.
 */

interface Share {
  story: number;
  all: number;
  pages: Set<string>;
}

type Table = Map<string, Map<string, Share>>;

const BYLINE_WORDS = /^(?:header|byline|author|dateline|credit|caption)$/;

function tally(table: Table, key: string, set: string, id: string, amount: number, story: boolean): void {
  const row = table.get(key) ?? new Map<string, Share>();
  table.set(key, row);
  const share = row.get(set) ?? { story: 0, all: 0, pages: new Set<string>() };
  row.set(set, share);
  share.all += amount;
  if (story) {
    share.story += amount;
    share.pages.add(id);
  }
}

/** The outermost ancestor (or the element itself) extraction skips as chrome. */
function skippingBox(element: HtmlElement, chrome: ChromeSubtrees): HtmlElement | null {
  let box: HtmlElement | null = null;
  for (let current: HtmlElement | null = element; current !== null; current = parentElement(current))
    if (chrome.isChrome(current)) box = current;
  return box;
}

async function tallySet(folder: string, tables: Table[]): Promise<void> {
  const set = basename(folder);
  for await (const { id, truth, page, layout } of laidOutPages(folder)) {
    const { blocks, labels } = storyWithTail(layout);
    const story = blocks.filter((_, index) => labels[index] === 'story');
    if (story.length === 0) continue;
    const kept = new Set(layout.pageBlocks.map((block) => block.start));
    const root = contentRoot(parseHtml(page.content));
    const chrome = new ChromeSubtrees(root);
    const all = htmlBlocks(page.content, root, { skipUnlikely: false });
    const output = story.map((block) => block.text).join('\n');
    const shown = blocksInOutput(all, output);
    const first = story[0]!.start;
    const last = story.at(-1)!.start;
    const containerFirst = layout.containerBlocks[0]?.start ?? -1;
    const containerLast = layout.containerBlocks.at(-1)?.start ?? -1;
    const places = new Set(story.map(placeAndStyle));
    const styling = stylingAgainst(story);
    const storyTrigrams = new Set(story.flatMap((block) => trigramsOf(block.text)));
    const storyIndex = all.map((block) => story.some((kept) => kept.start === block.start));
    all.forEach((block, index) => {
      if (shown[index]) return;
      const where = !kept.has(block.start)
        ? 'skipped box'
        : block.start >= containerFirst && block.start <= containerLast
          ? 'container span'
          : 'outside container';
      const label = isStoryText(truth, block.text);
      if (label === null) return;
      if (
        where !== 'skipped box' &&
        (block.start < first || block.start > last) &&
        !places.has(placeAndStyle(block))
      )
        return;
      const box = skippingBox(block.element, chrome);
      const word = box === null ? 'no box' : (unlikelyWord(box) ?? 'no word');
      const group = BYLINE_WORDS.test(word)
        ? 'byline words'
        : /comment|disqus|replies/.test(word)
          ? 'comment words'
          : 'other words';
      const side = block.start < first ? 'before' : block.start > last ? 'after' : 'between';
      const container =
        box !== null && box.startIndex! > containerFirst && box.startIndex! < containerLast
          ? 'in container'
          : 'out of container';
      const features = blockFeatures(block);
      const { relation, kind } = styling(block);
      const links = features.linkDensity > 0.3 ? 'links' : 'few links';
      let near = 99;
      for (let other = 0; other < all.length; other++)
        if (storyIndex[other]) near = Math.min(near, Math.abs(other - index));
      const nearness = near <= 1 ? 'next to story' : near <= 4 ? '2-4 from story' : 'far';
      const amount = 'with' in truth ? 1 : words(block.text);
      const clause = places.has(placeAndStyle(block))
        ? 'same parent and style'
        : side === 'between' && relation !== 'styled apart'
          ? 'between, styled alike'
          : 'neither';
      const repeatsStory = repeatShare(block, storyTrigrams) >= 0.5 ? 'repeats story' : 'new text';
      const keys = [
        `${where}, ${clause}, ${kind === 'prose' ? 'prose' : 'not prose'}, ${links}, ${repeatsStory}`,
        `${word}`,
        `${group}, ${side}, ${container}`,
        `${side}, ${relation}, ${kind}`,
        `${side}, ${relation}, ${kind}, ${links}, ${nearness}`,
        `${group}, ${side}, ${relation}, ${kind}, ${links}`,
      ];
      keys.forEach((key, table) => {
        tally(tables[table]!, key, set, id, amount, label);
      });
    });
  }
}

export async function evaluateSkippedBoxes(datasets: string, sets: readonly string[]): Promise<void> {
  const folders = extractionSetFolders(datasets, sets);
  const titles = [
    'where (skipped box or not), clause of the step, prose, links, repeating the story',
    'class word of the box',
    'word group, side of the story, box within the container span',
    'side, styling against the story blocks, kind',
    'side, styling, kind, links, distance in blocks from a story block',
    'word group, side, styling, kind, links',
  ];
  const tables: Table[] = titles.map(() => new Map());
  for (const folder of folders) await tallySet(folder, tables);
  const names = folders.map((folder) => basename(folder));
  console.log(
    'skipped-box blocks left out: share the truth counts as story (story / labelled, pages with story)',
  );
  tables.forEach((table, index) => {
    console.log(`\n${titles[index]!.padEnd(70)}${names.map((name) => name.padEnd(26)).join('')}`);
    for (const [key, row] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) {
      const cells = names.map((name) => {
        const share = row.get(name);
        if (share === undefined) return '-'.padEnd(26);
        return `${(share.story / Math.max(1, share.all)).toFixed(2)} of ${share.all} (${share.pages.size}p)`.padEnd(
          26,
        );
      });
      console.log(`${key.padEnd(70)}${cells.join('')}`);
    }
  });
}

function repeatShare(block: HtmlBlock, story: ReadonlySet<string>): number {
  const trigrams = trigramsOf(block.text);
  return trigrams.filter((trigram) => story.has(trigram)).length / Math.max(1, trigrams.length);
}
