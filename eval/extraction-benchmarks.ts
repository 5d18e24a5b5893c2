import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ExtractedPage, extractPagesInParallel, type PageFile } from './extraction-pages.js';
import { storyPart } from './extraction-truths.js';
import { rougeLsum } from './rouge.js';

/**
 * The three page-extraction benchmarks beyond ScrapingHub's, each scored with its own
 * published protocol (see the datasets README): trafilatura's evaluation set (segments the
 * output must and must not contain), and L3S-GN1 and Dragnet (mean ROUGE-LSum F1 over pages).
 */

/** One set's figures: the main one, its halves, the baseline's, and what published extractors scored. */
export interface SetSummary {
  name: string;
  metric: string;
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  halvesF1: [even: number, odd: number];
  baselineF1: number;
  /**
   * The figure with what the page sets before the story: its title, and its header (the lines
   * from the headline down to the story; none when no headline is found). L3S-GN1 and Dragnet
   * annotate these lines as main content and are scored with them (their figure); ScrapingHub's
   * articleBody leaves them out, and trafilatura's segments do either (their figure is the story
   * alone): each set prints the other figures beside its own, so the convention's worth shows.
   */
  variants: Array<{ label: string; f1: number }>;
  /** Published figures; `ours` and `pages` when they are on the same pages (wiretrace's mean there). */
  published: Array<{ name: string; f1: number; ours?: number; pages?: number }>;
  /** Page by page against the best published extractor, where its page scores are given. */
  headToHead?: HeadToHead;
  noOutput: number;
  refusals: Map<string, number>;
  pagesPerSecond: number;
}

/**
 * wiretrace against one published extractor on the pages both have a score for: on how many
 * pages each is ahead (behind by up to SMALL_GAP or by more), and each one's mean precision and
 * recall there. Small, steady gaps on most pages are a convention of the truth (lines one side
 * keeps and the other does not); large gaps on a few pages are wrong boxes.
 */
export interface HeadToHead {
  name: string;
  pages: number;
  ahead: number;
  behindSlightly: number;
  behindMore: number;
  theirs: { precision: number; recall: number };
  ours: { precision: number; recall: number };
}

const SMALL_GAP = 0.05;

/** The head-to-head of `ours` (one score per id) against `theirs` ([P, R, F1] by id). */
export function headToHead(
  name: string,
  ids: readonly string[],
  ours: readonly { precision: number; recall: number; f1: number }[],
  theirs: Readonly<Record<string, readonly number[]>>,
): HeadToHead {
  const both = ids.flatMap((id, index) =>
    theirs[id] === undefined ? [] : [[ours[index]!, theirs[id]!] as const],
  );
  const gaps = both.map(([our, their]) => (their[2] ?? 0) - our.f1);
  return {
    name,
    pages: both.length,
    ahead: gaps.filter((gap) => gap < 0).length,
    behindSlightly: gaps.filter((gap) => gap > 0 && gap <= SMALL_GAP).length,
    behindMore: gaps.filter((gap) => gap > SMALL_GAP).length,
    theirs: {
      precision: mean(both.map(([, their]) => their[0] ?? 0)),
      recall: mean(both.map(([, their]) => their[1] ?? 0)),
    },
    ours: {
      precision: mean(both.map(([our]) => our.precision)),
      recall: mean(both.map(([our]) => our.recall)),
    },
  };
}

/** What the eval of one set keeps per page, for `--dump-pages` and error analysis. */
export interface ScoredPage {
  set: string;
  id: string;
  precision: number;
  recall: number;
  f1: number;
  truthWords: number;
  predictedWords: number;
  refusal: string | null;
  layout: ExtractedPage['layout'];
}

/** The reader-comment marker of Dragnet's ground truth: comments follow it. */

/** Published F1 of trafilatura's evaluation on all 990 pages (trafilatura's docs). */
const TRAFILATURA_PUBLISHED = [
  { name: 'trafilatura 2.2', f1: 0.924 },
  { name: 'magic-html', f1: 0.889 },
  { name: 'justext', f1: 0.862 },
  { name: 'readability-lxml', f1: 0.826 },
];

interface SegmentTruth {
  with: string[];
  without: string[];
}

/** Two parts of an output, either of which may be empty, as paragraphs. */
export function joined(first: string, second: string): string {
  return first === '' ? second : second === '' ? first : `${first}\n\n${second}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function pageFiles(directory: string, ids: readonly string[]): PageFile[] {
  return ids.map((id) => ({ id, path: join(directory, 'html', `${id}.html.gz`) }));
}

function pagesPerSecond(pages: readonly ExtractedPage[]): number {
  const milliseconds = pages.reduce((sum, page) => sum + page.milliseconds, 0);
  return milliseconds > 0 ? (pages.length * 1000) / milliseconds : 0;
}

function refusals(pages: readonly ExtractedPage[]): Map<string, number> {
  const reasons = new Map<string, number>();
  for (const page of pages) {
    if (page.refusal === null) continue;
    const reason = page.refusal.replace(/\d+/g, 'N');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return reasons;
}

function words(text: string): number {
  return text.split(/\s+/).filter((token) => token !== '').length;
}

/** Segment counts of one page (trafilatura's eval_common.py), whitespace collapsed. */
export function segmentCounts(truth: SegmentTruth, output: string): { tp: number; fp: number; fn: number } {
  const text = collapse(output);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const segment of truth.with) {
    if (text.includes(collapse(segment))) tp++;
    else fn++;
  }
  for (const segment of truth.without) if (text.includes(collapse(segment))) fp++;
  return { tp, fp, fn };
}

function segmentScore(counts: ReadonlyArray<{ tp: number; fp: number; fn: number }>): {
  precision: number;
  recall: number;
  f1: number;
} {
  const tp = counts.reduce((sum, count) => sum + count.tp, 0);
  const fp = counts.reduce((sum, count) => sum + count.fp, 0);
  const fn = counts.reduce((sum, count) => sum + count.fn, 0);
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: tp + fn > 0 ? tp / (tp + fn) : 0,
    f1: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}

/** trafilatura's evaluation set: segment P/R/F1 summed over pages. */
export async function evaluateTrafilaturaSet(
  directory: string,
  jobs: number,
): Promise<{ summary: SetSummary; scored: ScoredPage[] }> {
  const truth = JSON.parse(readFileSync(join(directory, 'evaldata.json'), 'utf8')) as Record<
    string,
    SegmentTruth
  >;
  const ids = Object.keys(truth).sort();
  const pages = await extractPagesInParallel(pageFiles(directory, ids), jobs);
  const counts = pages.map((page) => segmentCounts(truth[page.id]!, page.text));
  const variantF1 = (before: (page: ExtractedPage) => string): number =>
    segmentScore(pages.map((page) => segmentCounts(truth[page.id]!, joined(before(page), page.text)))).f1;
  const baseline = segmentScore(pages.map((page) => segmentCounts(truth[page.id]!, page.visibleText)));
  const score = segmentScore(counts);
  const name = basename(directory);
  const scored = pages.map((page, index): ScoredPage => {
    const one = segmentScore([counts[index]!]);
    return {
      set: name,
      id: page.id,
      ...one,
      ...counts[index]!,
      truthWords: truth[page.id]!.with.reduce((sum, segment) => sum + words(segment), 0),
      predictedWords: words(page.text),
      refusal: page.refusal,
      layout: page.layout,
    };
  });
  return {
    summary: {
      name,
      metric: 'segment F1',
      pages: pages.length,
      ...score,
      halvesF1: [
        segmentScore(counts.filter((_, index) => index % 2 === 0)).f1,
        segmentScore(counts.filter((_, index) => index % 2 === 1)).f1,
      ],
      baselineF1: baseline.f1,
      variants: [
        { label: 'title set before the story', f1: variantF1((page) => page.title) },
        { label: 'header set before the story', f1: variantF1((page) => page.header) },
      ],
      published: TRAFILATURA_PUBLISHED,
      noOutput: pages.filter((page) => page.text.trim() === '').length,
      refusals: refusals(pages),
      pagesPerSecond: pagesPerSecond(pages),
    },
    scored,
  };
}

/** Published extractors to show beside a ROUGE figure: the best few and three well-known ones. */
const ALWAYS_SHOWN = ['readability', 'trafilatura', 'boilerpipe'];
const BEST_SHOWN = 3;

/**
 * L3S-GN1 or Dragnet: mean ROUGE-LSum F1 over pages, of the article as these benchmarks annotate
 * main content: the lines the page sets from its headline down to the story (the article's
 * header, empty when the page shows no headline above the story), then the story. Dragnet's
 * truth holds reader comments after its marker line on some pages: `withComments` scores against
 * all of it (as the benchmark does) with the comments extraction kept apart appended to the
 * story; without, against the story part only.
 */
export async function evaluateRougeSet(
  directory: string,
  jobs: number,
  pagesCache: Map<string, ExtractedPage[]>,
  withComments: boolean | null,
): Promise<{ summary: SetSummary; scored: ScoredPage[] }> {
  const truth = JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { plaintext: string }
  >;
  const ids = Object.keys(truth).sort();
  let pages = pagesCache.get(directory);
  if (pages === undefined) {
    pages = await extractPagesInParallel(pageFiles(directory, ids), jobs);
    pagesCache.set(directory, pages);
  }
  const expected = (id: string): string => {
    const text = truth[id]!.plaintext;
    return withComments === false ? storyPart(text) : text;
  };
  // The story with its comments (when scored with them), and what the page sets before it.
  const story = (page: ExtractedPage): string =>
    withComments === true ? joined(page.text, page.comments) : page.text;
  const output = (page: ExtractedPage): string => joined(page.header, story(page));
  const scores = pages.map((page) => rougeLsum(expected(page.id), output(page)));
  const variantF1 = (before: (page: ExtractedPage) => string): number =>
    mean(pages.map((page) => rougeLsum(expected(page.id), joined(before(page), story(page))).f1));
  const baseline = pages.map((page) => rougeLsum(expected(page.id), page.visibleText).f1);
  const published = publishedMeans(directory, ids);
  const best = published[0];
  const pageScores = best === undefined ? undefined : publishedPageScores(directory)?.[best.name];
  const suffix = withComments === null ? '' : withComments ? ' (with comments)' : ' (without comments)';
  const name = `${basename(directory)}${suffix}`;
  const f1s = scores.map((score) => score.f1);
  return {
    summary: {
      name,
      metric: 'ROUGE-LSum F1 of header and story',
      pages: pages.length,
      precision: mean(scores.map((score) => score.precision)),
      recall: mean(scores.map((score) => score.recall)),
      f1: mean(f1s),
      halvesF1: [
        mean(f1s.filter((_, index) => index % 2 === 0)),
        mean(f1s.filter((_, index) => index % 2 === 1)),
      ],
      baselineF1: mean(baseline),
      variants: [
        { label: 'story alone', f1: variantF1(() => '') },
        { label: 'title set before the story', f1: variantF1((page) => page.title) },
      ],
      published: published.map(({ name: extractor, f1, ids: covered }) => ({
        name: extractor,
        f1,
        ours: mean(covered.map((id) => f1s[ids.indexOf(id)]!)),
        pages: covered.length,
      })),
      ...(best !== undefined && pageScores !== undefined
        ? { headToHead: headToHead(best.name, ids, scores, pageScores) }
        : {}),
      noOutput: pages.filter((page) => story(page).trim() === '').length,
      refusals: refusals(pages),
      pagesPerSecond: pagesPerSecond(pages),
    },
    scored: pages.map((page, index) => ({
      set: name,
      id: page.id,
      ...scores[index]!,
      truthWords: words(expected(page.id)),
      predictedWords: words(output(page)),
      refusal: page.refusal,
      layout: page.layout,
    })),
  };
}

/** Each published extractor's mean F1 over the pages it has a score for, best first. */
function publishedMeans(
  directory: string,
  ids: readonly string[],
): Array<{ name: string; f1: number; ids: string[] }> {
  const scores = publishedPageScores(directory);
  if (scores === undefined) return [];
  const means = Object.entries(scores)
    .map(([name, pages]) => {
      const covered = ids.filter((id) => pages[id] !== undefined);
      return { name, f1: mean(covered.map((id) => pages[id]![2] ?? 0)), ids: covered };
    })
    .sort((a, b) => b.f1 - a.f1 || a.name.localeCompare(b.name));
  return means.filter((entry, index) => index < BEST_SHOWN || ALWAYS_SHOWN.includes(entry.name));
}

/** The benchmark's own page scores of each published extractor, [P, R, F1] by page id. */
function publishedPageScores(directory: string): Record<string, Record<string, number[]>> | undefined {
  const path = join(directory, 'published-page-scores.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, number[]>>;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function fixed(value: number): string {
  return value.toFixed(3);
}

/** Prints one set's figures: wiretrace, the baseline, the published extractors, refusals. */
export function printSet(summary: SetSummary): void {
  console.log(`\n${summary.name}: ${summary.pages} pages, ${summary.metric}`);
  console.log('                         precision  recall   F1     F1 even/odd    no output  pages/s');
  console.log(
    `wiretrace                ${fixed(summary.precision)}      ${fixed(summary.recall)}    ${fixed(summary.f1)}  ${fixed(summary.halvesF1[0])} / ${fixed(summary.halvesF1[1])}  ${percent(summary.noOutput, summary.pages)}  ${summary.pagesPerSecond.toFixed(0).padStart(7)}`,
  );
  console.log(`all visible text (baseline)                 ${fixed(summary.baselineF1)}`);
  for (const variant of summary.variants) console.log(`${variant.label.padEnd(44)}${fixed(variant.f1)}`);
  const published = summary.published;
  if (published.length > 0) {
    const onSame = published[0]?.pages !== undefined;
    console.log(
      onSame
        ? 'published on the same pages (mean F1; wiretrace on the pages each has):'
        : 'published (all pages of the full set, not these alone):',
    );
    console.log(
      published
        .map((entry) =>
          entry.ours === undefined
            ? `  ${entry.name} ${fixed(entry.f1)}`
            : `  ${entry.name} ${fixed(entry.f1)} (wiretrace ${fixed(entry.ours)}, ${entry.pages} pages)`,
        )
        .join('\n'),
    );
  }
  const duel = summary.headToHead;
  if (duel !== undefined) {
    console.log(
      `page by page against ${duel.name} (${duel.pages} pages): wiretrace ahead on ${duel.ahead}, behind by up to ${SMALL_GAP} on ${duel.behindSlightly}, by more on ${duel.behindMore}; mean P / R ${fixed(duel.theirs.precision)} / ${fixed(duel.theirs.recall)} against wiretrace's ${fixed(duel.ours.precision)} / ${fixed(duel.ours.recall)}`,
    );
  }
  const reasons = [...summary.refusals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const refused = reasons.reduce((sum, [, count]) => sum + count, 0);
  console.log(
    `refused as no article: ${refused}${reasons.length > 0 ? ` (${reasons.map(([reason, count]) => `${count}× ${reason}`).join('; ')})` : ''}`,
  );
}

function percent(count: number, total: number): string {
  return `${count} (${((100 * count) / Math.max(1, total)).toFixed(1)}%)`.padEnd(11);
}

/** One line per set: the figure, its halves, the best published one, the baseline, no output, speed. */
export function printSummary(summaries: readonly SetSummary[]): void {
  console.log('\nExtraction summary (each set with its own metric)');
  console.log(
    'set                                   F1     even   odd    best published        baseline  no output  pages/s',
  );
  for (const summary of summaries) {
    const best = summary.published[0];
    const bestText = best === undefined ? ''.padEnd(20) : `${best.name} ${fixed(best.f1)}`.padEnd(20);
    console.log(
      `${summary.name.padEnd(36)}  ${fixed(summary.f1)}  ${fixed(summary.halvesF1[0])}  ${fixed(summary.halvesF1[1])}  ${bestText}  ${fixed(summary.baselineF1)}     ${percent(summary.noOutput, summary.pages)}${summary.pagesPerSecond.toFixed(0).padStart(7)}`,
    );
  }
}

/** Writes every scored page as one JSON line (for error analysis in aggregate). */
export function dumpPages(path: string, pages: readonly ScoredPage[]): void {
  writeFileSync(path, `${pages.map((page) => JSON.stringify(page)).join('\n')}\n`);
}
