import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evaluateExtraction } from './extraction.js';
import {
  dumpPages,
  evaluateRougeSet,
  evaluateTrafilaturaSet,
  printSet,
  printSummary,
  type ScoredPage,
  type SetSummary,
} from './extraction-benchmarks.js';
import type { ExtractedPage } from './extraction-pages.js';

export interface ExtractionSuiteOptions {
  /** Worker threads extracting pages at once (1: in this thread). */
  jobs: number;
  /** A JSON Lines file to write every scored page to, or "". */
  dumpPath: string;
  /** Only the sets whose folder names start with one of these (all when empty). */
  sets: readonly string[];
}

/**
 * `npm run eval -- extraction`: every page-extraction set in the datasets folder, each with its
 * own benchmark's metric (folders found by name prefix, so held-out halves run the same way),
 * then one summary table.
 */
export async function evaluateExtractionSuite(
  datasets: string,
  options: ExtractionSuiteOptions,
): Promise<void> {
  const summaries: SetSummary[] = [];
  const scored: ScoredPage[] = [];
  const folders = (prefix: string): string[] =>
    datasetFolders(datasets, prefix).filter(
      (folder) => options.sets.length === 0 || options.sets.some((set) => basename(folder).startsWith(set)),
    );
  for (const folder of folders('aeb')) summaries.push(...(await evaluateScrapingHub(folder, options.jobs)));
  for (const folder of folders('trafilatura-eval')) {
    const result = await evaluateTrafilaturaSet(folder, options.jobs);
    printSet(result.summary);
    summaries.push(result.summary);
    scored.push(...result.scored);
  }
  const cache = new Map<string, ExtractedPage[]>();
  for (const folder of folders('l3s-gn1')) {
    const result = await evaluateRougeSet(folder, options.jobs, cache, null);
    printSet(result.summary);
    summaries.push(result.summary);
    scored.push(...result.scored);
  }
  for (const folder of folders('dragnet')) {
    for (const withComments of [true, false]) {
      const result = await evaluateRougeSet(folder, options.jobs, cache, withComments);
      printSet(result.summary);
      summaries.push(result.summary);
      scored.push(...result.scored);
    }
  }
  if (summaries.length === 0) {
    console.log(`skipped extraction: no aeb*, trafilatura-eval*, l3s-gn1* or dragnet* folder in ${datasets}`);
    return;
  }
  printSummary(summaries);
  console.log('(pages/s: extraction alone, one cold pass per set; `npm run bench` times it warmed up)');
  if (options.dumpPath !== '') dumpPages(options.dumpPath, scored);
}

/** The ScrapingHub benchmark, both tracks, with its own table and a line each in the summary. */
async function evaluateScrapingHub(directory: string, jobs: number): Promise<SetSummary[]> {
  const html = await evaluateExtraction(directory, 'html', jobs);
  const text = await evaluateExtraction(directory, 'text', jobs);
  console.log(
    `\nArticle extraction, ScrapingHub benchmark (${basename(directory)}, ${html.pages} pages), token-shingle metric`,
  );
  console.log('track                   precision  recall   F1      pages/s  published F1 (181 pages)');
  console.log(
    `html pages              ${fixed(html.precision)}      ${fixed(html.recall)}    ${fixed(html.f1)}   ${speed(html.pagesPerSecond)}  rs_trafilatura & AutoExtract 0.970, trafilatura 0.958, Readability.js 0.947, jusText 0.804`,
  );
  console.log(
    `flattened page text     ${fixed(text.precision)}      ${fixed(text.recall)}    ${fixed(text.f1)}   ${speed(text.pagesPerSecond)}  whole page as-is 0.665`,
  );
  const tracks = [
    ['html', html],
    ['text', text],
  ] as const;
  for (const [name, run] of tracks) {
    console.log(
      `${name}: F1 on even / odd pages ${fixed(run.halvesF1[0])} / ${fixed(run.halvesF1[1])}; pages with no text: ${run.empty}; baseline (all visible text) ${fixed(run.baselineF1)}; title set before the text ${fixed(run.withTitleF1)}; header set before the text ${fixed(run.withHeaderF1)}`,
    );
  }
  const published = {
    html: [{ name: 'rs_trafilatura', f1: 0.97 }],
    text: [{ name: 'whole page as-is', f1: 0.665 }],
  };
  return tracks.map(([name, run]) => ({
    name: `${basename(directory)} ${name}`,
    metric: 'token-shingle F1',
    pages: run.pages,
    precision: run.precision,
    recall: run.recall,
    f1: run.f1,
    halvesF1: run.halvesF1,
    baselineF1: run.baselineF1,
    variants: [
      { label: 'title set before the story', f1: run.withTitleF1 },
      { label: 'header set before the story', f1: run.withHeaderF1 },
    ],
    published: published[name],
    noOutput: run.empty,
    refusals: new Map(),
    pagesPerSecond: run.pagesPerSecond,
  }));
}

function datasetFolders(datasets: string, prefix: string): string[] {
  if (!existsSync(datasets)) return [];
  return readdirSync(datasets, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => join(datasets, entry.name))
    .sort();
}

function fixed(value: number): string {
  return value.toFixed(3);
}

function speed(pagesPerSecond: number): string {
  return pagesPerSecond.toFixed(0).padStart(7);
}
