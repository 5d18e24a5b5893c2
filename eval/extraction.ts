import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { joined } from './extraction-benchmarks.js';
import { extractPagesInParallel } from './extraction-pages.js';
import { fMeasure } from './metrics.js';

/**
 * Article-extraction accuracy on the ScrapingHub article-extraction-benchmark layout
 * (github.com/scrapinghub/article-extraction-benchmark, MIT): `html/<id>.html.gz` or
 * `text/<id>.txt` plus `ground-truth.json`, scored with the benchmark's own protocol.
 */
export interface ExtractionScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A track's score and its speed: pages per second of extraction alone (reading and decoding not timed). */
export interface ExtractionRun extends ExtractionScore {
  pagesPerSecond: number;
  /**
   * F1 on the pages at even and at odd positions (ids sorted): a gain that holds on both halves
   * is not carried by a few pages.
   */
  halvesF1: [even: number, odd: number];
  /** Pages that gave no text at all (unreadable, or judged to hold no article). */
  empty: number;
  /** F1 of the baseline: the page's visible text (the flattened text as it is). */
  baselineF1: number;
  /** F1 with the article's title set before its text (the benchmark's articleBody leaves the headline out). */
  withTitleF1: number;
  /** F1 with the article's header set before its text. */
  withHeaderF1: number;
}

/** One page's extracted text, its match against the ground truth and the time extraction took. */
export interface PageResult {
  id: string;
  predicted: string;
  match: PageMatch;
  baseline: PageMatch;
  /** The match with the article's title set before its text. */
  withTitle: PageMatch;
  /** The match with the article's header set before its text. */
  withHeader: PageMatch;
  milliseconds: number;
}

/** Per-page shingle counts, normalised to sum to 1. */
export interface PageMatch {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export async function evaluateExtraction(
  datasetDir: string,
  track: 'html' | 'text',
  jobs = 1,
): Promise<ExtractionRun> {
  const pages = await evaluateExtractionPages(datasetDir, track, jobs);
  const milliseconds = pages.reduce((sum, page) => sum + page.milliseconds, 0);
  const matches = pages.map((page) => page.match);
  return {
    ...scoreFromPages(matches),
    pagesPerSecond: milliseconds > 0 ? (pages.length * 1000) / milliseconds : 0,
    halvesF1: [
      scoreFromPages(matches.filter((_, index) => index % 2 === 0)).f1,
      scoreFromPages(matches.filter((_, index) => index % 2 === 1)).f1,
    ],
    empty: pages.filter((page) => page.predicted === '').length,
    baselineF1: scoreFromPages(pages.map((page) => page.baseline)).f1,
    withTitleF1: scoreFromPages(pages.map((page) => page.withTitle)).f1,
    withHeaderF1: scoreFromPages(pages.map((page) => page.withHeader)).f1,
  };
}

/** Every page's extracted text and match against the ground truth, for inspecting failures. */
export async function evaluateExtractionPages(
  datasetDir: string,
  track: 'html' | 'text',
  jobs = 1,
): Promise<PageResult[]> {
  const truth = JSON.parse(await readFile(join(datasetDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const files = Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      path:
        track === 'html' ? join(datasetDir, 'html', `${id}.html.gz`) : join(datasetDir, 'text', `${id}.txt`),
    }));
  const pages = await extractPagesInParallel(files, jobs);
  return pages.map((page) => {
    const expected = truth[page.id]?.articleBody ?? '';
    return {
      id: page.id,
      predicted: page.text,
      match: shingleMatch(expected, page.text),
      baseline: shingleMatch(expected, page.visibleText),
      withTitle: shingleMatch(expected, joined(page.title, page.text)),
      withHeader: shingleMatch(expected, joined(page.header, page.text)),
      milliseconds: page.milliseconds,
    };
  });
}

/** Python's `\w+` on str patterns: letters, digits (any script) and underscore; case kept. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

/** Counts of 4-token shingles; a text shorter than 4 tokens is one shingle of all of them. */
export function shingleCounts(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let index = 0; index < last; index++) {
    const shingle = tokens.slice(index, index + SHINGLE_SIZE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** True/false positives and false negatives of shingles with repeats, normalised to sum to 1. */
export function shingleMatch(expected: string, predicted: string): PageMatch {
  const gold = shingleCounts(expected);
  const guess = shingleCounts(predicted);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const key of new Set([...gold.keys(), ...guess.keys()])) {
    const goldCount = gold.get(key) ?? 0;
    const guessCount = guess.get(key) ?? 0;
    truePositive += Math.min(goldCount, guessCount);
    falsePositive += Math.max(0, guessCount - goldCount);
    falseNegative += Math.max(0, goldCount - guessCount);
  }
  const total = truePositive + falsePositive + falseNegative;
  if (total === 0) return { truePositive, falsePositive, falseNegative };
  return {
    truePositive: truePositive / total,
    falsePositive: falsePositive / total,
    falseNegative: falseNegative / total,
  };
}

/** One page's F1 of shingles, the per-page figure behind the benchmark's means (0 when nothing matches). */
export function shingleF1(expected: string, predicted: string): number {
  const { truePositive, falsePositive, falseNegative } = shingleMatch(expected, predicted);
  if (truePositive === 0) return falsePositive === 0 && falseNegative === 0 ? 1 : 0;
  const precision = truePositive / (truePositive + falsePositive);
  const recall = truePositive / (truePositive + falseNegative);
  return fMeasure(precision, recall);
}

/** Mean precision over pages with a prediction, mean recall over pages with a truth, their F1. */
export function scoreFromPages(pages: readonly PageMatch[]): ExtractionScore {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const { truePositive: tp, falsePositive: fp, falseNegative: fn } of pages) {
    if (tp + fp > 0) precisions.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) recalls.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
  }
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = fMeasure(precision, recall);
  return { pages: pages.length, precision, recall, f1 };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
