/**
 * wiretrace: trace news stories through their copies.
 *
 *   const articles = [extractArticle(raw1), extractArticle(raw2)];
 *   const result = trace(articles);          // stories, derivation trees, changes
 *   const pair = compare(articles[0], articles[1]);
 *
 * Both load the lexicon for the call; pass `{ engine: createEngine() }` to load it once for
 * many calls. The service functions (extractDocuments, compareDocuments, traceDocuments) go
 * from raw documents to results and their JSON shapes.
 */
import { createEngine, type Engine } from './engine/engine.js';
import type { Article } from './model/article.js';
import type { PairResult } from './model/relation.js';
import type { TraceResult } from './model/story.js';

export {
  type AddOptions,
  type AddSummary,
  Corpus,
  type CorpusMatch,
  type CorpusOptions,
  type CorpusStory,
  openCorpus,
  readCorpusInputs,
} from './corpus/index.js';
export {
  contentId,
  createEngine,
  type Engine,
  type EngineOptions,
  toSourceDocument,
} from './engine/index.js';
export { type ErrorCode, isWiretraceError, WiretraceError } from './errors.js';
export { type ArticleParts, type ExtractOptions, extractArticle, withExtraParts } from './extract/index.js';
export {
  decodeBytes,
  type InputFailure,
  isInputFailure,
  type ReadInputsOptions,
  readInputs,
} from './ingest/index.js';
export type { Alignment, AlignmentStats, Passage, PassageKind, SentencePair } from './model/alignment.js';
export type {
  Article,
  BoilerplateBlock,
  BoilerplateKind,
  HeaderLine,
  HeaderLineKind,
  PublishedSource,
  RawDocument,
  ReaderComment,
} from './model/article.js';
export { CHANGE_TYPES, type Change, type ChangeType, type Citation } from './model/change.js';
export {
  DOCUMENT_VERSION,
  type DocumentFailure,
  type ExtractedDocument,
  type SourceDocument,
} from './model/document.js';
export {
  DERIVED_RELATIONS,
  type Direction,
  type DirectionSignal,
  type PairResult,
  type PairVerdict,
  type RelationKind,
} from './model/relation.js';
export type { Story, StoryEdge, TraceResult } from './model/story.js';
export * from './report/index.js';
export {
  type CompareOutcome,
  compareDocuments,
  type ExtractOutcome,
  extractDocuments,
  type TraceOutcome,
  traceDocuments,
} from './service/index.js';
export { loadLexicon } from './text/lexicon.js';
export { type OffsetMap, spanToSource, toSource, toText } from './text/offsets.js';
export { articleFromText } from './text/plain-article.js';

/** Options of the one-call API. */
export interface CallOptions {
  /** The engine to run on; default: a new engine (which loads the lexicon) for this call. */
  engine?: Engine;
}

/** Compares two articles: relation, score, direction with its signals, reused passages, changes. */
export function compare(a: Article, b: Article, options: CallOptions = {}): PairResult {
  return (options.engine ?? createEngine()).compare(a, b);
}

/** Groups articles into stories and builds each story's derivation tree, with every copy's changes. */
export function trace(articles: readonly Article[], options: CallOptions = {}): TraceResult {
  return (options.engine ?? createEngine()).trace(articles);
}
