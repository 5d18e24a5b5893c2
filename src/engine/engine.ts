import { extractArticle } from '../extract/index.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DOCUMENT_VERSION, type ExtractedDocument, type SourceDocument } from '../model/document.js';
import type { PairResult } from '../model/relation.js';
import type { TraceResult } from '../model/story.js';
import { type CompareOptions, comparePair } from '../pipeline/compare.js';
import type { StageContext } from '../pipeline/context.js';
import { traceArticles } from '../pipeline/trace.js';
import { analyseArticle } from '../text/analyse.js';
import { type Lexicon, loadLexicon } from '../text/lexicon.js';
import { toRawDocument } from './documents.js';

export interface EngineOptions {
  /**
   * The lexicon: a loaded one (shared by several engines), or the URL of a lexicon folder.
   * Default: the package's own lexicon/, loaded on first use (never for --help).
   */
  lexicon?: Lexicon | URL;
  /** The clock in epoch milliseconds. Default: Date.now. Read once per compare or trace. */
  now?: () => number;
}

/**
 * Everything the pipeline needs that outlives one call: the lexicon (loaded once), the caches
 * and the clock. Stages stay pure functions of their inputs and the engine's StageContext; a
 * process may hold several engines (tests with a fixed clock, a server next to a CLI run).
 */
export interface Engine {
  /** The engine's lexicon, loaded on first use. */
  readonly lexicon: Lexicon;
  /** The stages' context for one call: the lexicon and the clock read now. */
  context(): StageContext;
  /** Finds the article in a document. Throws a WiretraceError (e.g. NO_ARTICLE) when there is none. */
  extract(document: SourceDocument): ExtractedDocument;
  /** Sentences, tokens and quotes of an article, cached for as long as the article is referenced. */
  analyse(article: Article): AnalysedArticle;
  /** Relation, score, direction, passages and changes of two articles. */
  compare(a: Article, b: Article, options?: CompareOptions): PairResult;
  /** Stories, derivation trees and changes of a set of articles. */
  trace(articles: readonly Article[]): TraceResult;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const clock = options.now ?? Date.now;
  let lexicon: Lexicon | undefined = options.lexicon instanceof URL ? undefined : options.lexicon;
  const lexiconFolder = options.lexicon instanceof URL ? options.lexicon : undefined;
  const analyses = new WeakMap<Article, AnalysedArticle>();

  const getLexicon = (): Lexicon => {
    lexicon ??= loadLexicon(lexiconFolder);
    return lexicon;
  };
  const context = (): StageContext => ({ lexicon: getLexicon(), now: clock() });
  const analyse = (article: Article): AnalysedArticle => {
    let analysed = analyses.get(article);
    if (analysed === undefined) {
      analysed = analyseArticle(article);
      analyses.set(article, analysed);
    }
    return analysed;
  };

  return {
    get lexicon() {
      return getLexicon();
    },
    context,
    extract(document) {
      return {
        version: DOCUMENT_VERSION,
        id: document.id,
        name: document.name,
        article: extractArticle(toRawDocument(document)),
      };
    },
    analyse,
    compare(a, b, compareOptions) {
      return comparePair(analyse(a), analyse(b), context(), compareOptions);
    },
    trace(articles) {
      return traceArticles(articles, context());
    },
  };
}
