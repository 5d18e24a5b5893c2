import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMsrp } from '../eval/datasets.js';
import { createEngine } from '../src/engine/engine.js';
import { WiretraceError } from '../src/errors.js';
import { extractArticle } from '../src/extract/index.js';
import type { Article, RawDocument } from '../src/model/article.js';
import { comparePair } from '../src/pipeline/compare.js';
import { traceArticles } from '../src/pipeline/trace.js';
import { analyseArticle } from '../src/text/analyse.js';
import { loadLexicon } from '../src/text/lexicon.js';
import { articleFromText } from '../src/text/plain-article.js';
import { runCorpusBench } from './corpus.js';
import { extractionSpeedTable, loadPageSet } from './extraction-speed.js';
import { runFilterBench } from './filters.js';
import {
  bioRunPage,
  deeplyNestedPage,
  largePage,
  nestedChromePage,
  unclosedMarkupPage,
} from './stress-pages.js';
import { runTraceBench } from './trace-bench.js';

// `npm run bench -- corpus [...]`: the corpus benchmark alone (see bench/corpus.ts).
if (process.argv[2] === 'corpus') {
  await runCorpusBench(process.argv.slice(3));
  process.exit(0);
}
// `npm run bench -- filters [--keys N,...]`: the bucket runs' filter beside the Bloom filter it replaced.
if (process.argv[2] === 'filters') {
  runFilterBench(process.argv.slice(3));
  process.exit(0);
}

/**
 * Speed and memory of the main stages, printed as a table, then HTML extraction beside
 * Readability on jsdom, then pages at the edges (huge, deep, broken). Uses the shipped example and, when present, the public datasets
 * (--datasets DIR, default ../shared/datasets); without them the extraction table runs on the
 * golden extraction cases.
 */
const datasetsIndex = process.argv.indexOf('--datasets');
const datasets = datasetsIndex >= 0 ? process.argv[datasetsIndex + 1]! : join('..', 'shared', 'datasets');
const sizeIndex = process.argv.indexOf('--size');
const traceOptions = {
  ...(sizeIndex >= 0 ? { size: Number(process.argv[sizeIndex + 1]) } : {}),
  baseline: !process.argv.includes('--no-baseline'),
};
// `npm run bench -- trace` runs only the trace-at-scale part.
if (process.argv.slice(2).includes('trace')) {
  await runTraceBench(datasets, traceOptions);
  process.exit(0);
}
type Row = [string, string, string, string];
const rows: Row[] = [];
/** Pages at the edges, timed after the extraction table so their garbage does not slow it. */
const edgeRows: Row[] = [];
let peakRss = process.memoryUsage().rss;

function measure<T>(label: string, units: number, unitName: string, work: () => T, into = rows): T {
  const started = performance.now();
  const value = work();
  const milliseconds = performance.now() - started;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const perUnit = milliseconds / units;
  into.push([
    label,
    `${units} ${unitName}`,
    `${milliseconds.toFixed(1)} ms`,
    `${perUnit.toFixed(2)} ms/${unitName}`,
  ]);
  return value;
}

const lexicon = measure('load lexicon', 1, 'load', () =>
  loadLexicon(new URL('../../lexicon/', import.meta.url)),
);
const stages = createEngine({ lexicon }).context();

const exampleDirectory = new URL('../../examples/nato-russia/', import.meta.url);
const examples = readdirSync(exampleDirectory)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ input: name, content: readFileSync(new URL(name, exampleDirectory), 'utf8') }));
const articles = measure('extract example pages (text)', examples.length * 20, 'page', () => {
  let extracted: Article[] = [];
  for (let round = 0; round < 20; round++) {
    extracted = examples.map((page) => extractArticle({ ...page, format: 'text', encoding: 'utf-8' }));
  }
  return extracted;
});
const analysed = articles.map((article) => analyseArticle(article));
measure('compare example pairs (with changes)', 30, 'pair', () => {
  for (let round = 0; round < 10; round++) {
    comparePair(analysed[1]!, analysed[0]!, stages);
    comparePair(analysed[1]!, analysed[2]!, stages);
    comparePair(analysed[0]!, analysed[2]!, stages);
  }
});
measure('trace the example story', 10, 'trace', () => {
  for (let round = 0; round < 10; round++) traceArticles(articles, stages);
});

// The benchmark pages (or the golden cases), read and decoded once for the trace and the extraction table.
const pageSet = await loadPageSet(join(datasets, 'aeb-dev'));
if (pageSet.html.length > 0) {
  const extracted = pageSet.html.map((page) => extractArticle(page.document));
  measure(`trace ${extracted.length} unrelated news pages`, extracted.length, 'doc', () =>
    traceArticles(extracted, stages),
  );
}

/** The article, or null for a page judged to hold none: the verdict is part of the work. */
function extractOrNoArticle(document: RawDocument): Article | null {
  try {
    return extractArticle(document);
  } catch (error) {
    if (error instanceof WiretraceError && error.code === 'NO_ARTICLE') return null;
    throw error;
  }
}

const msrpPath = join(datasets, 'msrp-train', 'msr_paraphrase_train.txt');
if (existsSync(msrpPath)) {
  const pairs = loadMsrp(msrpPath).slice(0, 1000);
  measure('compare sentence pairs (MSRP)', pairs.length, 'pair', () => {
    for (const pair of pairs) {
      comparePair(
        analyseArticle(articleFromText('a', pair.a)),
        analyseArticle(articleFromText('b', pair.b)),
        stages,
        { changes: false },
      );
    }
  });
}

function printTable(header: Row, body: readonly Row[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((row) => row[column]!.length)),
  );
  const format = (row: readonly string[]): string =>
    row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(format(row));
}

printTable(['stage', 'work', 'total', 'per unit'], rows);
console.log(
  `\npeak resident memory of these stages: ${(peakRss / 1048576).toFixed(0)} MB (node ${process.version})`,
);

// Last, so that jsdom's memory does not count in the figure above.
console.log(`\n${extractionSpeedTable(pageSet).join('\n')}`);

const large = largePage();
measure(
  `extract a ${(large.length / 1e6).toFixed(1)} MB page (html)`,
  1,
  'page',
  () => extractArticle({ input: 'large.html', format: 'html', content: large, encoding: 'utf-8' }),
  edgeRows,
);
const nested = deeplyNestedPage(50_000, false);
measure(
  'extract a page nested 50,000 divs deep',
  1,
  'page',
  () => extractArticle({ input: 'nested.html', format: 'html', content: nested, encoding: 'utf-8' }),
  edgeRows,
);
for (const opening of ['comment', 'script', 'link'] as const) {
  const unclosed = unclosedMarkupPage(opening, 1_000_000);
  measure(
    `extract 1 MB of markup with every ${opening} left open`,
    1,
    'page',
    () =>
      extractOrNoArticle({ input: 'unclosed.html', format: 'html', content: unclosed, encoding: 'utf-8' }),
    edgeRows,
  );
}
const nestedChrome = nestedChromePage(20_000);
measure(
  'extract a story in 20,000 nested chrome-classed divs',
  1,
  'page',
  () => extractArticle({ input: 'sidebars.html', format: 'html', content: nestedChrome, encoding: 'utf-8' }),
  edgeRows,
);

for (const format of ['html', 'text'] as const) {
  const bios = bioRunPage(format, 32_000);
  measure(
    `extract a story followed by 64,000 bio lines (${format})`,
    1,
    'page',
    () => extractOrNoArticle({ input: `bios.${format}`, format, content: bios, encoding: 'utf-8' }),
    edgeRows,
  );
}

console.log('\nPages at the edges (one run each)');
printTable(['page', 'work', 'total', 'per unit'], edgeRows);

await runTraceBench(datasets, traceOptions);
