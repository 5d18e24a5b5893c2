import { availableParallelism } from 'node:os';
import { type ArticleParts, extractArticle } from '../extract/index.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DOCUMENT_VERSION, type ExtractedDocument, type SourceDocument } from '../model/document.js';
import type { PairResult } from '../model/relation.js';
import type { TraceResult } from '../model/story.js';
import { type CompareOptions, comparePair } from '../pipeline/compare.js';
import type { StageContext } from '../pipeline/context.js';
import { traceArticles } from '../pipeline/trace.js';
import { analyseArticle } from '../text/analyse.js';
import {
  type Lexicon,
  type LexiconBytes,
  lexiconFromBytes,
  loadLexicon,
  readLexiconBytes,
} from '../text/lexicon.js';
import type { WordForm } from '../text/tokenize.js';
import type { Task, TaskOutput } from '../workers/tasks.js';
import { BoundedCache } from './bounded-cache.js';
import { toRawDocument } from './documents.js';
import { createTaskPool, TASKS_PER_THREAD_AT_ONCE, type TaskPool } from './pool.js';
import { SharedRunner } from './shared-runner.js';

/** Distinct spellings whose normal form and stem an engine keeps (per generation). */
const WORD_FORMS_CACHED = 100_000;
/**
 * Analysed articles kept by key (per generation): a trace meets each article in many pairs,
 * spread over tasks; one analysis weighs a few hundred kilobytes.
 */
const ANALYSES_CACHED = 1024;

export interface EngineOptions {
  /**
   * The lexicon: a loaded one (shared by several engines), or the URL of a lexicon folder.
   * Default: the package's own lexicon/, loaded on first use (never for --help).
   */
  lexicon?: Lexicon | URL;
  /**
   * The lexicon files already read into shared memory (readLexiconBytes): how a pool thread
   * gets the lexicon its parent read, without reading its own copy. Takes the place of `lexicon`.
   */
  lexiconBytes?: LexiconBytes;
  /** The clock in epoch milliseconds. Default: Date.now. Read once per compare or trace. */
  now?: () => number;
  /**
   * Threads for extraction, analysis and pair comparison. Default: the machine's cores. 1 runs
   * everything in this thread (no pool). The pool's threads share one copy of the lexicon
   * files, read once by this engine. A lexicon
   * given as a loaded object cannot be shared with threads: the engine then runs in this thread.
   */
  workers?: number;
}

/**
 * Everything the pipeline needs that outlives one call: the lexicon (loaded once), the caches,
 * the clock and the worker pool. Stages stay pure functions of their inputs and the engine's
 * StageContext; a process may hold several engines (tests with a fixed clock, a server).
 */
export interface Engine {
  /** The engine's lexicon, loaded on first use. */
  readonly lexicon: Lexicon;
  /** Threads the engine runs tasks on (1: this thread only). */
  readonly workers: number;
  /** The engine's clock, epoch milliseconds. */
  now(): number;
  /** The stages' context for one call: the lexicon and the clock read now. */
  context(): StageContext;
  /**
   * Finds the article in a document, with the parts asked for beside its story (reader comments,
   * header). Throws a WiretraceError (e.g. NO_ARTICLE) when there is none.
   */
  extract(document: SourceDocument, parts?: ArticleParts): ExtractedDocument;
  /** Sentences, tokens and quotes of an article, cached for as long as the article is referenced. */
  analyse(article: Article): AnalysedArticle;
  /**
   * The same, cached by a key that stands for the article's text and paragraphs (bounded
   * cache); the result refers to the article given.
   */
  analyseKeyed(key: string, article: Article): AnalysedArticle;
  /**
   * The cached analysis of the key, whichever article object it was made from: a comparison
   * that lists no changes reads only what the key fixes (text, paragraphs, metadata), and one
   * object per key lets per-article work (weights, word ids, n-grams) serve every task.
   */
  analyseByKey(key: string, article: Article): AnalysedArticle;
  /** Relation, score, direction, passages and changes of two articles, in this thread. */
  compare(a: Article, b: Article, options?: CompareOptions): PairResult;
  /** Stories, derivation trees and changes of a set of articles, in this thread. */
  trace(articles: readonly Article[]): TraceResult;
  /** Runs tasks on the pool (in this thread when workers is 1), results in task order. */
  run<T extends Task>(tasks: readonly T[]): Promise<Array<TaskOutput<T>>>;
  /** Stops the pool's threads. The engine still works afterwards, in this thread. */
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const clock = options.now ?? Date.now;
  let lexicon: Lexicon | undefined = options.lexicon instanceof URL ? undefined : options.lexicon;
  const lexiconFolder = options.lexicon instanceof URL ? options.lexicon : undefined;
  const shareable = lexicon === undefined;
  const workers = shareable ? Math.max(1, Math.floor(options.workers ?? availableParallelism())) : 1;
  const analyses = new WeakMap<Article, AnalysedArticle>();
  const keyedAnalyses = new BoundedCache<string, AnalysedArticle>(ANALYSES_CACHED);
  const forms = new BoundedCache<string, WordForm>(WORD_FORMS_CACHED);
  let pool: TaskPool | undefined;
  let runner: SharedRunner | undefined;
  let lexiconBytes = options.lexiconBytes;

  /** The lexicon files in shared memory, read once for this engine and its pool's threads. */
  const sharedLexiconBytes = (): LexiconBytes => {
    lexiconBytes ??= readLexiconBytes(lexiconFolder);
    return lexiconBytes;
  };
  const getLexicon = (): Lexicon => {
    lexicon ??=
      lexiconBytes !== undefined || workers > 1
        ? lexiconFromBytes(sharedLexiconBytes())
        : loadLexicon(lexiconFolder);
    return lexicon;
  };
  const context = (): StageContext => ({ lexicon: getLexicon(), now: clock(), forms });
  const analyse = (article: Article): AnalysedArticle => {
    let analysed = analyses.get(article);
    if (analysed === undefined) {
      analysed = analyseArticle(article, { forms });
      analyses.set(article, analysed);
    }
    return analysed;
  };

  const engine: Engine = {
    get lexicon() {
      return getLexicon();
    },
    workers,
    now: clock,
    context,
    extract(document, parts = {}) {
      return {
        version: DOCUMENT_VERSION,
        id: document.id,
        name: document.name,
        article: extractArticle(toRawDocument(document), parts),
      };
    },
    analyse,
    analyseKeyed(key, article) {
      const analysed = engine.analyseByKey(key, article);
      // The same text sent without its input (to compare) and with it (to list changes).
      return analysed.article === article ? analysed : { ...analysed, article };
    },
    analyseByKey(key, article) {
      return keyedAnalyses.getOrCompute(key, () => analyseArticle(article, { forms }));
    },
    compare(a, b, compareOptions) {
      return comparePair(analyse(a), analyse(b), context(), compareOptions);
    },
    trace(articles) {
      return traceArticles(articles, context(), analyse);
    },
    async run(tasks) {
      const { runTask } = await import('../workers/tasks.js');
      if (workers === 1 || tasks.length === 0) return tasks.map((task) => runTask(engine, task));
      if (runner === undefined) {
        // This thread works as one of the engine's `workers` threads.
        pool = createTaskPool(workers - 1, sharedLexiconBytes());
        runner = new SharedRunner(pool, (workers - 1) * TASKS_PER_THREAD_AT_ONCE, (task) =>
          runTask(engine, task),
        );
      }
      const shared = runner;
      return Promise.all(tasks.map((task) => shared.run(task)));
    },
    async close() {
      const running = pool;
      pool = undefined;
      runner = undefined;
      await running?.close();
    },
  };
  return engine;
}
