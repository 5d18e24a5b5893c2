import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { scoreFromPages, shingleMatch } from '../eval/extraction.js';
import { goldenCaseNames, readDocument, readGoldenCase } from '../eval/golden-cases.js';
import { extractArticle } from '../src/extract/index.js';
import type { InputFormat, RawDocument } from '../src/model/article.js';

/**
 * Extraction speed beside `@mozilla/readability` on `jsdom`, measured in the same run on the same
 * decoded pages, with both extractors' accuracy on the benchmark metric.
 */
export interface BenchmarkPage {
  document: RawDocument;
  /** The story text a reader would keep (the benchmark's ground truth). */
  expected: string;
}

export interface PageSet {
  /** Where the pages came from, for the table's heading. */
  source: string;
  html: BenchmarkPage[];
  text: BenchmarkPage[];
}

/**
 * The benchmark's pages, read and decoded up front: the article-extraction benchmark folder when
 * present, else the golden extraction cases, so a fresh clone still runs.
 */
export async function loadPageSet(benchmarkDirectory: string): Promise<PageSet> {
  const truthPath = join(benchmarkDirectory, 'ground-truth.json');
  if (existsSync(truthPath)) {
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody?: string }>;
    const ids = Object.keys(truth).sort();
    const track = async (folder: string, extension: string): Promise<BenchmarkPage[]> =>
      Promise.all(
        ids.map(async (id) => ({
          document: await readDocument(join(benchmarkDirectory, folder, `${id}${extension}`)),
          expected: truth[id]?.articleBody ?? '',
        })),
      );
    return {
      source: `${ids.length} benchmark pages (${basename(benchmarkDirectory)})`,
      html: await track('html', '.html.gz'),
      text: await track('text', '.txt'),
    };
  }
  const pages = await Promise.all(
    goldenCaseNames().map(async (name) => {
      const golden = readGoldenCase(name);
      return { document: await readDocument(golden.inputPath), expected: golden.expectedText };
    }),
  );
  const ofFormat = (format: InputFormat) => pages.filter((page) => page.document.format === format);
  return { source: 'the golden extraction cases', html: ofFormat('html'), text: ofFormat('text') };
}

interface Timing {
  pagesPerSecond: number;
  medianMs: number;
  p95Ms: number;
}

/** Enough timed rounds that each extractor handles at least this many pages. */
const MIN_TIMED_PAGES = 100;

/**
 * Times one extractor over the pages: an untimed warm-up pass (whose output is returned for
 * scoring), then timed rounds, each page timed on its own. One thread, so the speed is per core.
 */
function timeExtractor(
  pages: readonly BenchmarkPage[],
  extract: (document: RawDocument) => string,
): { timing: Timing; outputs: string[] } {
  const outputs = pages.map((page) => extract(page.document));
  const rounds = Math.max(1, Math.ceil(MIN_TIMED_PAGES / Math.max(1, pages.length)));
  const durations: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const started = performance.now();
      extract(page.document);
      durations.push(performance.now() - started);
    }
  }
  const total = durations.reduce((sum, duration) => sum + duration, 0);
  durations.sort((a, b) => a - b);
  return {
    timing: {
      pagesPerSecond: total > 0 ? (durations.length * 1000) / total : 0,
      medianMs: percentile(durations, 0.5),
      p95Ms: percentile(durations, 0.95),
    },
    outputs,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function wiretraceText(document: RawDocument): string {
  return extractArticle(document).text;
}

/** jsdom reports stylesheets it cannot parse on the console; the benchmark does not want them. */
const silentConsole = new VirtualConsole();

/** Pages jsdom or Readability threw on (scored as empty): counted so the table can say so. */
const readabilityFailures = new Set<string>();

/** Readability as it is used in Node: build a jsdom document, parse it, free the window. */
function readabilityText(document: RawDocument): string {
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(document.content, { virtualConsole: silentConsole });
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    // jsdom's CSS parser has thrown on real pages' stylesheets (in versions 27 to 29); a browser skips the rule.
    readabilityFailures.add(document.input);
    return '';
  } finally {
    dom?.window.close();
  }
}

/** The comparison table as lines of text, ready to print. */
export function extractionSpeedTable(pageSet: PageSet): string[] {
  const rows: string[][] = [];
  const measure = (
    label: string,
    pages: readonly BenchmarkPage[],
    extract: (page: RawDocument) => string,
  ) => {
    const { timing, outputs } = timeExtractor(pages, extract);
    const score = scoreFromPages(pages.map((page, index) => shingleMatch(page.expected, outputs[index]!)));
    rows.push([
      label,
      String(pages.length),
      timing.pagesPerSecond.toFixed(0),
      timing.medianMs.toFixed(2),
      timing.p95Ms.toFixed(2),
      score.f1.toFixed(3),
      score.precision.toFixed(3),
      score.recall.toFixed(3),
    ]);
    return timing;
  };
  const ours = measure('wiretrace extractArticle (html)', pageSet.html, wiretraceText);
  const theirs = measure('jsdom + @mozilla/readability (html)', pageSet.html, readabilityText);
  measure('wiretrace extractArticle (flattened text)', pageSet.text, wiretraceText);

  const header = ['extractor', 'pages', 'pages/s', 'median ms', 'p95 ms', 'F1', 'precision', 'recall'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const ratio = theirs.pagesPerSecond > 0 ? ours.pagesPerSecond / theirs.pagesPerSecond : 0;
  return [
    `HTML extraction, pages per second (one core): ${pageSet.source}, decoded before timing,`,
    `a warm-up pass, then at least ${MIN_TIMED_PAGES} pages timed per extractor; F1 on the benchmark's shingle metric`,
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(format),
    `wiretrace / Readability on jsdom: ${ratio.toFixed(1)}x the pages per second`,
    ...(readabilityFailures.size > 0
      ? [`jsdom or Readability threw on ${readabilityFailures.size} pages, scored as empty`]
      : []),
  ];
}
