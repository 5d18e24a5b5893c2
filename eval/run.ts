import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { alignArticles } from '../src/align/align.js';
import { relationFeatures } from '../src/classify/features.js';
import { createEngine } from '../src/engine/engine.js';
import type { RelationKind } from '../src/model/relation.js';
import { DERIVED_RELATIONS } from '../src/model/relation.js';
import { comparePair } from '../src/pipeline/compare.js';
import { analyseArticle } from '../src/text/analyse.js';
import { articleFromText } from '../src/text/plain-article.js';
import { loadClough, loadMsrp } from './datasets.js';
import { evaluateExtraction } from './extraction.js';
import { accuracy, confusionTable, f1Of, macroF1 } from './metrics.js';
import { evaluatePan } from './pan.js';
import { evaluateSuite as evaluateStories } from './stories.js';

const CLOUGH_CLASS: Record<RelationKind, string> = {
  identical: 'cut',
  copy: 'cut',
  'near-copy': 'light',
  spun: 'light',
  rewrite: 'heavy',
  'same-story': 'non',
  unrelated: 'non',
};

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

const datasets = argument('--datasets', join('..', 'shared', 'datasets'));
const SUITES = ['extraction', 'clough', 'msrp', 'pan', 'stories'];
// `npm run eval -- extraction` works as well as `-- --only extraction`.
const only = argument('--only', process.argv.slice(2).find((value) => SUITES.includes(value)) ?? 'all');
const verbose = process.argv.includes('--verbose');
const dumpPath = argument('--dump', '');
const dumped: string[] = [];

function dump(dataset: string, id: string, label: string, features: object): void {
  if (dumpPath !== '') dumped.push(JSON.stringify({ dataset, id, label, ...features }));
}
const engine = createEngine();
const lexicon = engine.lexicon;
const stages = engine.context();

function fixed(value: number): string {
  return value.toFixed(3);
}

function evaluateClough(directory: string): void {
  const items = loadClough(directory);
  const gold: string[] = [];
  const predicted: string[] = [];
  const directions = { right: 0, wrong: 0, undecided: 0 };
  for (const item of items) {
    const source = analyseArticle(articleFromText(`orig_task${item.task}`, item.source, 'en'));
    const answer = analyseArticle(articleFromText(item.file, item.text, 'en'));
    const result = comparePair(source, answer, stages, { changes: false });
    gold.push(item.category);
    predicted.push(CLOUGH_CLASS[result.relation]);
    if (item.category !== 'non' && DERIVED_RELATIONS.has(result.relation)) {
      const direction = result.direction.direction;
      if (direction === 'a->b') directions.right++;
      else if (direction === 'b->a') directions.wrong++;
      else directions.undecided++;
    }
    if (!verbose && dumpPath === '') continue;
    const features = relationFeatures(source, answer, alignArticles(source, answer, lexicon), lexicon);
    dump('clough', item.file, item.category, features);
    if (verbose) {
      const figures = Object.entries(features)
        .map(([name, value]) => `${name}=${typeof value === 'number' ? fixed(value) : value}`)
        .join(' ');
      console.log(`${item.file} gold=${item.category} got=${result.relation} ${figures}`);
    }
  }
  const binaryGold = gold.map((label) => (label === 'non' ? 'non' : 'derived'));
  const binaryPredicted = predicted.map((label) => (label === 'non' ? 'non' : 'derived'));
  console.log(
    `\nClough & Stevenson (2011) short-answer reuse (${basename(directory)}), ${items.length} answers vs their source`,
  );
  console.log('metric                  wiretrace   published anchor');
  console.log(`4-class accuracy        ${fixed(accuracy(gold, predicted))}       lexical baseline 0.70-0.76`);
  console.log(`4-class macro-F1        ${fixed(macroF1(gold, predicted))}`);
  console.log(`binary F1 (derived)     ${fixed(f1Of(binaryGold, binaryPredicted, 'derived'))}`);
  const decided = directions.right + directions.wrong;
  console.log(
    `direction (source→answer) ${fixed(decided > 0 ? directions.right / decided : 0)}     of ${decided} derived pairs found (${directions.undecided} undecided)`,
  );
  console.log(`\n${confusionTable(gold, predicted)}`);
}

function evaluateMsrp(path: string): void {
  const pairs = loadMsrp(path);
  const gold: string[] = [];
  const predicted: string[] = [];
  const started = performance.now();
  for (const pair of pairs) {
    const a = analyseArticle(articleFromText(`${pair.id}#1`, pair.a, 'en'));
    const b = analyseArticle(articleFromText(`${pair.id}#2`, pair.b, 'en'));
    const result = comparePair(a, b, stages, { changes: false });
    if (dumpPath !== '')
      dump(
        'msrp',
        pair.id,
        pair.paraphrase ? '1' : '0',
        relationFeatures(a, b, alignArticles(a, b, lexicon), lexicon),
      );
    gold.push(pair.paraphrase ? 'paraphrase' : 'other');
    predicted.push(DERIVED_RELATIONS.has(result.relation) ? 'paraphrase' : 'other');
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nMicrosoft Research Paraphrase Corpus (${basename(path)}): ${pairs.length} sentence pairs (${fixed(seconds)} s)`,
  );
  console.log('metric                  wiretrace   published anchors');
  console.log(
    `accuracy                ${fixed(accuracy(gold, predicted))}       lexical 0.70-0.75, best non-neural 0.77-0.80`,
  );
  console.log(
    `F1 (paraphrase)         ${fixed(f1Of(gold, predicted, 'paraphrase'))}       lexical 0.80-0.83, best non-neural 0.84-0.86`,
  );
}

async function evaluateExtractionTracks(directory: string): Promise<void> {
  const html = await evaluateExtraction(directory, 'html');
  const text = await evaluateExtraction(directory, 'text');
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
  console.log('(pages/s: extraction alone on one core, one cold pass; `npm run bench` times it warmed up)');
  for (const [name, run] of [
    ['html pages', html],
    ['flattened page text', text],
  ] as const) {
    console.log(
      `${name}: F1 on even / odd pages ${fixed(run.halvesF1[0])} / ${fixed(run.halvesF1[1])}; pages with no text: ${run.empty}`,
    );
  }
}

/** Pages per second, right-aligned in the table's column. */
function speed(pagesPerSecond: number): string {
  return pagesPerSecond.toFixed(0).padStart(7);
}

/** Dataset folders by name prefix, so that other parts of a set (a held-out half) run the same way. */
function datasetFolders(prefix: string): string[] {
  if (!existsSync(datasets)) return [];
  return readdirSync(datasets, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => join(datasets, entry.name))
    .sort();
}

function paraphraseFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => /\.(txt|tsv)$/i.test(name))
    .sort()
    .map((name) => join(directory, name));
}

const suites: Array<{ name: string; prefix: string; run: (directory: string) => void | Promise<void> }> = [
  { name: 'extraction', prefix: 'aeb', run: evaluateExtractionTracks },
  { name: 'clough', prefix: 'clough', run: evaluateClough },
  { name: 'pan', prefix: 'aeb', run: (directory) => evaluatePan(directory, datasets) },
  { name: 'msrp', prefix: 'msrp', run: (directory) => paraphraseFiles(directory).forEach(evaluateMsrp) },
  { name: 'stories', prefix: 'aeb', run: evaluateStories },
];
for (const suite of suites) {
  if (only !== 'all' && only !== suite.name) continue;
  const folders = datasetFolders(suite.prefix);
  if (folders.length === 0) console.log(`skipped ${suite.name}: no ${suite.prefix}* folder in ${datasets}`);
  for (const folder of folders) await suite.run(folder);
}

if (dumpPath !== '') writeFileSync(dumpPath, `${dumped.join('\n')}\n`);
