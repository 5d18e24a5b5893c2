import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Console, loadDocuments } from '../src/cli/io.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import { extractArticle } from '../src/extract/index.js';
import type { Article } from '../src/model/article.js';
import type { TraceResult } from '../src/model/story.js';
import { traceArticles } from '../src/pipeline/trace.js';
import { derivedFamilies, STORY_MODEL } from '../src/provenance/stories.js';
import { traceDocuments } from '../src/service/trace.js';
import { loadClough } from './datasets.js';
import {
  addScores,
  averageLinkage,
  chooseThreshold,
  eventFolds,
  type GroupingScore,
  mixingTail,
  type PageSubset,
  pairEvidence,
  precisionRecallF1,
  scoreGrouping,
  scoreHeldOut,
  singleLinkage,
  subsetOf,
} from './story-fit.js';

/**
 * Story grouping on pages labelled by event (`events.json`: page id → event; same label, same
 * happening): pairwise precision, recall and F1 over same-event page pairs, and the stories
 * that mix events (target 0). Pages go through the CLI's reading and extraction and the trace
 * service, as `wiretrace trace` runs them (held-out folds through `traceArticles`, the same steps
 * in one thread, with their own threshold). The model's threshold is chosen again on each
 * training part of a grouped cross-validation that holds out whole events, and scored on the
 * held-out pages; beside it, today's grouping (connected components of related links) and
 * single linkage over the same similarity, its threshold chosen the same way.
 */
export async function evaluateSuite(directory: string): Promise<void> {
  const eventsPath = join(directory, 'events.json');
  const textDirectory = join(directory, 'text');
  if (!existsSync(eventsPath) || !existsSync(textDirectory)) {
    console.log(`\nskipped stories on ${basename(directory)}: no events.json or text/`);
    return;
  }
  const labels = JSON.parse(readFileSync(eventsPath, 'utf8')) as Record<string, string>;
  const files = readdirSync(textDirectory)
    .filter((name) => name.endsWith('.txt') && labels[name.slice(0, -4)] !== undefined)
    .sort()
    .map((name) => join(textDirectory, name));
  const engine = createEngine();
  const io: Console = { out: () => {}, err: (text) => process.stderr.write(text), isTTY: false };
  const { documents } = await loadDocuments(engine, files, io);
  const articles = documents.map((document) => document.article);
  const events = articles.map((article) => labels[basename(article.input).slice(0, -4)]!);
  const started = performance.now();
  // The committed model through the service `wiretrace trace` calls.
  const modelRun = scoreResult((await traceDocuments(engine, documents)).result, articles, events);
  const seconds = (performance.now() - started) / 1000;
  const cv = crossValidate(engine, articles, events, FOLDS);
  console.log(
    `\nStories on ${basename(directory)}: ${articles.length} pages, ${new Set(events).size} events, ` +
      `${pairsOf(events)} same-event pairs (trace ${seconds.toFixed(1)} s)`,
  );
  console.log(HEADER);
  console.log(row(`wiretrace, committed model (θ ${STORY_MODEL.threshold}), all pages`, modelRun));
  console.log(row('baseline: related-link components, all pages', cv.componentsAllPages));
  console.log(
    `held-out events, ${FOLDS}-fold CV (θ chosen on the other folds: ${cv.thresholds.join(' ')}; ` +
      `least θ by their cross-event tail: ${cv.floors.map((floor) => floor.toFixed(3)).join(' ')}):`,
  );
  for (const [label, scores] of [
    ['wiretrace', cv.model],
    ['baseline: related-link components', cv.components],
    ['baseline: TF-IDF single linkage', cv.single],
  ] as const) {
    console.log(row(`  ${label}, folds alone`, scores.alone));
    console.log(row(`  ${label}, among all pages`, scores.amongAll));
  }
  console.log(
    '(all pages: resubstitution, θ was chosen on them; mixing among all pages counts a story once per fold it holds)',
  );
  const clough = join(directory, '..', 'clough-stevenson-dev');
  if (existsSync(join(clough, 'labels.csv'))) evaluateCloughTasks(engine, clough);
}

const FOLDS = 6;

/** Pages traced in this thread with a given threshold (a held-out fold, with the one chosen without it). */
function scoreTrace(
  engine: Engine,
  articles: readonly Article[],
  events: readonly string[],
  threshold = STORY_MODEL.threshold,
): GroupingScore {
  const result = traceArticles(articles, engine.context(), undefined, { storyThreshold: threshold });
  return scoreResult(result, articles, events);
}

/** A trace's stories scored against the pages' events; a story's pages are looked up by input name. */
function scoreResult(
  result: TraceResult,
  articles: readonly Article[],
  events: readonly string[],
): GroupingScore {
  const index = new Map(articles.map((article, position) => [article.input, position]));
  const groups = result.stories.map((story) => story.documents.map((input) => index.get(input)!));
  return scoreGrouping(groups, events);
}

/** A method's pooled held-out score, its folds traced alone and among all the pages. */
interface HeldOutScores {
  alone: GroupingScore;
  amongAll: GroupingScore;
}

interface CrossValidation {
  model: HeldOutScores;
  single: HeldOutScores;
  components: HeldOutScores;
  /** Today's grouping on all the pages (nothing fitted). */
  componentsAllPages: GroupingScore;
  thresholds: number[];
  /** Each fold's least threshold by the tail of its training pages' cross-event similarities. */
  floors: number[];
}

const EMPTY: GroupingScore = {
  truePositives: 0,
  falsePositives: 0,
  falseNegatives: 0,
  mixedStories: 0,
  stories: 0,
};

function add(total: HeldOutScores, alone: GroupingScore, amongAll: GroupingScore): HeldOutScores {
  return { alone: addScores(total.alone, alone), amongAll: addScores(total.amongAll, amongAll) };
}

/**
 * Each fold's threshold (and its floor, from the tail of their cross-event similarities) is
 * chosen on the other folds' pages alone; the held-out pages are then
 * grouped alone (traced as `wiretrace trace` would) and among all the pages (as when the whole
 * collection is traced at once, where chaining has the most pages to chain through).
 */
function crossValidate(
  engine: Engine,
  articles: readonly Article[],
  events: readonly string[],
  folds: number,
): CrossValidation {
  const evidence = pairEvidence(articles, engine.context());
  const result: CrossValidation = {
    model: { alone: EMPTY, amongAll: EMPTY },
    single: { alone: EMPTY, amongAll: EMPTY },
    components: { alone: EMPTY, amongAll: EMPTY },
    componentsAllPages: EMPTY,
    thresholds: [],
    floors: [],
  };
  const all = articles.map((_, page) => page);
  const allSubset = subsetOf(evidence, all);
  const allComponents = components(all.length, allSubset);
  result.componentsAllPages = scoreGrouping(allComponents, events);
  for (const heldOut of eventFolds(events, folds)) {
    const held = new Set(heldOut);
    const training = all.filter((page) => !held.has(page));
    const trainingSubset = subsetOf(evidence, training);
    const trainingEvents = training.map((page) => events[page]!);
    const heldEvents = heldOut.map((page) => events[page]!);
    const heldSubset = subsetOf(evidence, heldOut);
    const { floor } = mixingTail(trainingSubset, trainingEvents);
    const threshold = chooseThreshold(averageLinkage(training.length, trainingSubset), trainingEvents, floor);
    result.thresholds.push(threshold);
    result.floors.push(floor);
    const heldArticles = heldOut.map((page) => articles[page]!);
    result.model = add(
      result.model,
      scoreTrace(engine, heldArticles, heldEvents, threshold),
      scoreHeldOut(averageLinkage(all.length, allSubset)(threshold), events, heldOut),
    );
    const singleThreshold = chooseThreshold(
      singleLinkage(training.length, trainingSubset),
      trainingEvents,
      floor,
    );
    result.single = add(
      result.single,
      scoreGrouping(singleLinkage(heldOut.length, heldSubset)(singleThreshold), heldEvents),
      scoreHeldOut(singleLinkage(all.length, allSubset)(singleThreshold), events, heldOut),
    );
    result.components = add(
      result.components,
      scoreGrouping(components(heldOut.length, heldSubset), heldEvents),
      scoreHeldOut(allComponents, events, heldOut),
    );
  }
  return result;
}

/** Today's grouping: connected components of derived and same-story links. */
function components(count: number, subset: PageSubset): number[][] {
  return derivedFamilies(count, subset.related);
}

/**
 * A synthetic check on Clough & Stevenson: every answer and the five sources traced together;
 * the answers of one question (copied, edited, or written independently) and its source are one
 * story, and no story should hold two questions. The committed model, no fitting.
 */
function evaluateCloughTasks(engine: Engine, directory: string): void {
  const items = loadClough(directory);
  const articles: Article[] = [];
  const tasks: string[] = [];
  const sources = new Set<string>();
  for (const item of items) {
    articles.push(plainArticle(item.file, item.text));
    tasks.push(item.task);
    if (sources.has(item.task)) continue;
    sources.add(item.task);
    articles.push(plainArticle(`orig_task${item.task}.txt`, item.source));
    tasks.push(item.task);
  }
  const score = scoreTrace(engine, articles, tasks);
  const evidence = pairEvidence(articles, engine.context());
  const all = articles.map((_, page) => page);
  const baseline = scoreGrouping(components(all.length, subsetOf(evidence, all)), tasks);
  console.log(
    `\nStories on ${basename(directory)}: ${articles.length} texts (answers and sources), ${sources.size} questions as events`,
  );
  console.log(HEADER);
  console.log(row('wiretrace, committed model', score));
  console.log(row('baseline: related-link components', baseline));
}

/** Through extraction as a text file, like an input file given to the CLI. */
function plainArticle(name: string, text: string): Article {
  return extractArticle({ input: name, format: 'text', content: text, encoding: 'utf-8' });
}

const LABEL_WIDTH = 54;
const HEADER = `${'grouping'.padEnd(LABEL_WIDTH)}precision  recall   F1     stories  mixing events`;

function row(label: string, score: GroupingScore): string {
  const [precision, recall, f1] = precisionRecallF1(score);
  return (
    `${label.padEnd(LABEL_WIDTH)}${precision.toFixed(3).padEnd(11)}${recall.toFixed(3).padEnd(9)}${f1.toFixed(3).padEnd(7)}` +
    `${String(score.stories).padEnd(9)}${score.mixedStories}`
  );
}

function pairsOf(events: readonly string[]): number {
  const sizes = new Map<string, number>();
  for (const event of events) sizes.set(event, (sizes.get(event) ?? 0) + 1);
  return [...sizes.values()].reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
}
