import { basename, join } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { articleHeader, HEADER_SETTINGS, type HeaderSettings } from '../src/extract/article-header.js';
import { storyLayout } from '../src/extract/extract-html.js';
import { extractArticle } from '../src/extract/index.js';
import type { TextBlock } from '../src/extract/text-block.js';
import { isInputFailure, readInputs } from '../src/ingest/index.js';
import { toSource } from '../src/text/offsets.js';
import { joined } from './extraction-benchmarks.js';
import { extractionSetFolders, plainTruths } from './extraction-truths.js';
import { rougeLsum } from './rouge.js';

/**
 * The settings tried: how far above the story the headline (and a heading in its stead) may sit,
 * and what a header line may be.
 */
const DISTANCES = [5, 10, 15, 30];
const HEADING_DISTANCES = [0, 1, 3, 6];
const LINE_WORDS = [15, 25, 40, 60, 100];
const LINK_DENSITIES = [0.2, 0.5, 0.8];

/** What the grid needs of one page: its truth, story, title, and the blocks with the story's start. */
interface HeaderPage {
  truth: string;
  text: string;
  title: string;
  blocks: readonly TextBlock[];
  storyStart: number;
}

/**
 * `npm run eval -- extraction-header`: on the sets whose truth annotates the lines above the
 * story as main content (L3S-GN1, Dragnet), mean ROUGE-LSum F1 of header and story for each
 * header setting in a grid, and for each set the setting the other sets choose, scored on it
 * (whole data sets held out). The committed settings (HEADER_SETTINGS) are printed beside.
 */
export async function evaluateExtractionHeader(datasets: string, sets: readonly string[]): Promise<void> {
  const folders = extractionSetFolders(datasets, sets).filter((folder) =>
    /^(l3s-gn1|dragnet)/.test(basename(folder)),
  );
  if (folders.length === 0) {
    console.log(`skipped extraction-header: no l3s-gn1* or dragnet* folder in ${datasets}`);
    return;
  }
  const grid: HeaderSettings[] = DISTANCES.flatMap((maxHeadlineDistance) =>
    HEADING_DISTANCES.flatMap((maxHeadingDistance) =>
      LINE_WORDS.flatMap((maxLineWords) =>
        LINK_DENSITIES.map((maxLinkDensity) => ({
          maxHeadlineDistance,
          maxHeadingDistance,
          maxLineWords,
          maxLinkDensity,
        })),
      ),
    ),
  );
  const scores = new Map<string, number[]>();
  for (const folder of folders) {
    const pages = await headerPages(folder);
    scores.set(
      basename(folder),
      grid.map((settings) => meanScore(pages, settings)),
    );
    console.log(
      `${basename(folder)}: ${pages.length} pages; story alone ${fixed(meanScore(pages, null))}; committed settings ${fixed(meanScore(pages, HEADER_SETTINGS))}`,
    );
    // Where no headline is found the header is empty: what the page's title would do there.
    const headless = pages.filter(
      (page) => page.text !== '' && articleHeader(page.blocks, page.storyStart, page.title).length === 0,
    );
    console.log(
      `  ${headless.length} pages with no headline found: story alone ${fixed(meanScore(headless, null))}, title set before it ${fixed(meanWithTitle(headless))}`,
    );
  }
  console.log('\nSet held out: the setting the other sets choose (best mean over them), scored on it');
  for (const [held, figures] of scores) {
    const others = [...scores].filter(([name]) => name !== held).map(([, other]) => other);
    if (others.length === 0) continue;
    const chosen = bestIndex(grid.map((_, index) => mean(others.map((other) => other[index]!))));
    console.log(`  ${held.padEnd(16)} ${settingsText(grid[chosen]!)}: ${fixed(figures[chosen]!)}`);
  }
  const all = [...scores.values()];
  const best = bestIndex(grid.map((_, index) => mean(all.map((figures) => figures[index]!))));
  console.log(
    `Best over every set: ${settingsText(grid[best]!)}; committed: ${settingsText(HEADER_SETTINGS)}`,
  );
}

function settingsText(settings: HeaderSettings): string {
  return `headline within ${settings.maxHeadlineDistance} blocks (a heading within ${settings.maxHeadingDistance}), lines of up to ${settings.maxLineWords} words and link density ${settings.maxLinkDensity}`;
}

/**
 * Each page of the set, extracted as `npm run eval -- extraction` does (refused pages have no
 * text), with the blocks of its first look: a page whose story a second look found has its header
 * read from the blocks of the first.
 */
async function headerPages(folder: string): Promise<HeaderPage[]> {
  const truths = plainTruths(folder);
  const pages: HeaderPage[] = [];
  for (const [id, truth] of [...truths].sort(([a], [b]) => a.localeCompare(b))) {
    const empty: HeaderPage = { truth, text: '', title: '', blocks: [], storyStart: 0 };
    for await (const item of readInputs([join(folder, 'html', `${id}.html.gz`)])) {
      if (isInputFailure(item)) {
        pages.push(empty);
        continue;
      }
      try {
        const article = extractArticle(item);
        const layout = storyLayout(item);
        pages.push({
          truth,
          text: article.text,
          title: article.title ?? '',
          blocks: layout.everyBlock?.() ?? layout.pageBlocks,
          storyStart: toSource(article.origin, 0),
        });
      } catch (error) {
        if (!isWiretraceError(error)) throw error;
        pages.push(empty);
      }
    }
  }
  return pages;
}

/** Mean ROUGE-LSum F1 of header and story; null settings: the story alone. */
function meanScore(pages: readonly HeaderPage[], settings: HeaderSettings | null): number {
  return mean(
    pages.map((page) => {
      if (settings === null || page.text === '') return rougeLsum(page.truth, page.text).f1;
      const header = articleHeader(page.blocks, page.storyStart, page.title, settings)
        .map((line) => line.text)
        .join('\n\n');
      return rougeLsum(page.truth, joined(header, page.text)).f1;
    }),
  );
}

function meanWithTitle(pages: readonly HeaderPage[]): number {
  return mean(pages.map((page) => rougeLsum(page.truth, joined(page.title, page.text)).f1));
}

function bestIndex(values: readonly number[]): number {
  return values.reduce((best, value, index) => (value > values[best]! ? index : best), 0);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function fixed(value: number): string {
  return value.toFixed(4);
}
