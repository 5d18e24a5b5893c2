import { basename } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { storyLayout } from '../src/extract/extract-html.js';
import { contentRoot, elementAndAncestors, isHeadingTag, parseHtml } from '../src/extract/html/dom.js';
import { type HtmlBlock, htmlBlocks } from '../src/extract/html/html-blocks.js';
import { extractArticle } from '../src/extract/index.js';
import { lastAtOrBelow } from '../src/sorted-search.js';
import {
  blocksInOutput,
  collapse,
  extractionSetFolders,
  isStoryText,
  plainTruths,
  sideOfStory,
  type Truth,
  truthPages,
  words,
} from './extraction-truths.js';
import { fMeasure } from './metrics.js';
import { rougeLsum } from './rouge.js';

/**
 * Where each set's loss lies (`npm run eval -- extraction-loss [--sets l3s]`): how much of the
 * figure precision costs and how much recall costs (the figure were the other perfect), then
 * missed story and kept chrome by block kind (heading, caption, list item, table cell, short
 * block, prose) crossed with place (inside the content container, outside it before, between or
 * after the story, in a box skipped for its class or in a landmark element), in the benchmark's
 * units. Beside each cell, the share of its labelled words the set's truth counts as story, kept
 * or not: whether two sets disagree on a kind of block (a convention) or extraction misjudges it.
 */

const KINDS = ['heading', 'caption', 'list item', 'table cell', 'short', 'prose'] as const;
const SHORT_WORDS = 8;
const LANDMARK_TAGS = new Set(['aside', 'footer', 'nav', 'figure', 'figcaption', 'noscript']);
const CAPTION_HINT = /caption|credit|photo|image|img|figure|gallery|media/i;

interface Cell {
  missed: number;
  kept: number;
  storyWords: number;
  chromeWords: number;
}

interface SetLoss {
  pages: number;
  figure: number;
  perfectPrecision: number;
  perfectRecall: number;
  cells: Map<string, Cell>;
}

export function blockKind(block: HtmlBlock): (typeof KINDS)[number] {
  const tag = block.element.name;
  if (isHeadingTag(tag)) return 'heading';
  const chain = elementAndAncestors(block.element).slice(0, 4);
  if (
    chain.some(
      (element) =>
        element.name === 'figcaption' ||
        element.name === 'figure' ||
        CAPTION_HINT.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`),
    )
  )
    return 'caption';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list item';
  if (tag === 'td' || tag === 'th') return 'table cell';
  return words(block.text) < SHORT_WORDS ? 'short' : 'prose';
}

interface PageView {
  blocks: HtmlBlock[];
  places: string[];
  inOutput: boolean[];
}

function pageView(raw: Parameters<typeof storyLayout>[0], output: string): PageView {
  const root = contentRoot(parseHtml(raw.content));
  const blocks = htmlBlocks(raw.content, root, { skipUnlikely: false, landmarks: true });
  const unskipped = new Set(
    htmlBlocks(raw.content, root, { skipUnlikely: true }).map((block) => block.start),
  );
  const container = new Set<number>();
  try {
    for (const block of storyLayout(raw).containerBlocks) container.add(block.start);
  } catch (error) {
    if (!isWiretraceError(error)) throw error;
  }
  const inOutput = blocksInOutput(blocks, output);
  const anchors = blocks.map((block, index) => inOutput[index]! && words(block.text) >= 5);
  const first = anchors.indexOf(true);
  const last = anchors.lastIndexOf(true);
  const places = blocks.map((block, index) => {
    if (elementAndAncestors(block.element).some((element) => LANDMARK_TAGS.has(element.name)))
      return 'landmark';
    if (!unskipped.has(block.start)) return 'skipped box';
    if (container.has(block.start)) return 'container';
    return first < 0 ? 'before' : sideOfStory(index, first, last);
  });
  return { blocks, places, inOutput };
}

function cellOf(cells: Map<string, Cell>, key: string): Cell {
  let cell = cells.get(key);
  if (cell === undefined) {
    cell = { missed: 0, kept: 0, storyWords: 0, chromeWords: 0 };
    cells.set(key, cell);
  }
  return cell;
}

export async function setLoss(directory: string): Promise<SetLoss> {
  const cells = new Map<string, Cell>();
  const perPage: { precision: number; recall: number }[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const plain = plainTruths(directory);
  for await (const { id, truth, page: raw } of truthPages(directory)) {
    let output = '';
    try {
      output = extractArticle(raw).text;
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
    }
    const view = pageView(raw, output);
    const key = (index: number) => `${blockKind(view.blocks[index]!)} | ${view.places[index]!}`;
    if ('with' in truth) {
      const text = collapse(output);
      const starts: number[] = [];
      let joined = '';
      for (const block of view.blocks) {
        if (joined !== '') joined += ' ';
        starts.push(joined.length);
        joined += collapse(block.text);
      }
      const place = (segment: string) => {
        const at = joined.indexOf(segment);
        return at < 0 ? 'not in visible blocks' : key(lastAtOrBelow(starts, at));
      };
      for (const segment of truth.with) {
        cellOf(cells, place(segment)).storyWords += 1;
        if (text.includes(segment)) tp++;
        else {
          fn++;
          cellOf(cells, place(segment)).missed += 1;
        }
      }
      for (const segment of truth.without) {
        cellOf(cells, place(segment)).chromeWords += 1;
        if (text.includes(segment)) {
          fp++;
          cellOf(cells, place(segment)).kept += 1;
        }
      }
      continue;
    }
    pageTextLoss(truth, view, output, key, cells);
    const score = rougeLsum(plain.get(id) ?? '', output);
    perPage.push({ precision: score.precision, recall: score.recall });
  }
  if (basename(directory).startsWith('trafilatura')) {
    const f1 = (p: number, n: number) => (2 * tp) / Math.max(1, 2 * tp + p + n);
    return {
      pages: 0,
      figure: f1(fp, fn),
      perfectPrecision: f1(0, fn),
      perfectRecall: f1(fp, 0),
      cells,
    };
  }
  const mean = (pick: (page: { precision: number; recall: number }) => number) =>
    perPage.reduce((sum, page) => sum + pick(page), 0) / Math.max(1, perPage.length);
  return {
    pages: perPage.length,
    figure: mean((page) => fMeasure(page.precision, page.recall)),
    perfectPrecision: mean((page) => fMeasure(1, page.recall)),
    perfectRecall: mean((page) => fMeasure(page.precision, 1)),
    cells,
  };
}

/** ROUGE sets: each block's words as shares of the page's truth (missed) or output (kept). */
function pageTextLoss(
  truth: Truth,
  view: PageView,
  output: string,
  key: (index: number) => string,
  cells: Map<string, Cell>,
): void {
  if (!('text' in truth)) return;
  const truthWords = Math.max(1, words(truth.text));
  const outputWords = Math.max(1, words(output));
  view.blocks.forEach((block, index) => {
    const story = isStoryText(truth, block.text);
    if (story === null) return;
    const count = words(block.text);
    const cell = cellOf(cells, key(index));
    if (story) cell.storyWords += count;
    else cell.chromeWords += count;
    if (story && !view.inOutput[index]) cell.missed += count / truthWords;
    if (!story && view.inOutput[index]) cell.kept += count / outputWords;
  });
}

function printLoss(directory: string, loss: SetLoss): void {
  const segments = loss.pages === 0;
  const scale = (amount: number) => (segments ? String(amount) : (amount / loss.pages).toFixed(4));
  console.log(
    `\n${basename(directory)}: ${segments ? 'segment F1' : 'mean ROUGE-LSum F1'} ${loss.figure.toFixed(3)}`,
  );
  console.log(
    `  with perfect precision ${loss.perfectPrecision.toFixed(3)} (precision costs ${(loss.perfectPrecision - loss.figure).toFixed(3)}); with perfect recall ${loss.perfectRecall.toFixed(3)} (recall costs ${(loss.perfectRecall - loss.figure).toFixed(3)})`,
  );
  console.log(
    `  ${'block kind | place'.padEnd(34)}${(segments ? 'missed seg' : 'missed R').padStart(11)}${(segments ? 'kept seg' : 'kept P').padStart(10)}   truth says story (of labelled ${segments ? 'segments' : 'words'})`,
  );
  const rows = [...loss.cells.entries()].sort((a, b) => b[1].missed + b[1].kept - (a[1].missed + a[1].kept));
  for (const [key, cell] of rows) {
    const labelled = cell.storyWords + cell.chromeWords;
    if (cell.missed + cell.kept === 0 && labelled === 0) continue;
    console.log(
      `  ${key.padEnd(34)}${scale(cell.missed).padStart(11)}${scale(cell.kept).padStart(10)}   ${labelled === 0 ? '-' : (cell.storyWords / labelled).toFixed(2)} of ${labelled}`,
    );
  }
}

export async function evaluateExtractionLoss(datasets: string, sets: readonly string[]): Promise<void> {
  for (const folder of extractionSetFolders(datasets, sets)) printLoss(folder, await setLoss(folder));
}
