/**
 * wiretrace: trace news stories through their copies.
 *
 *   const articles = [extractArticle(raw1), extractArticle(raw2)];
 *   const result = trace(articles);          // stories, derivation trees, changes
 *   const pair = compare(articles[0], articles[1]);
 */
import type { Article } from './model/article.js';
import type { PairResult } from './model/relation.js';
import type { TraceResult } from './model/story.js';
import { comparePair } from './pipeline/compare.js';
import { traceArticles } from './pipeline/trace.js';
import { analyseArticle } from './text/analyse.js';
import { getLexicon } from './text/lexicon.js';

export { type ErrorCode, isWiretraceError, WiretraceError } from './errors.js';
export { extractArticle } from './extract/index.js';
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
  PublishedSource,
  RawDocument,
} from './model/article.js';
export { CHANGE_TYPES, type Change, type ChangeType, type Citation } from './model/change.js';
export {
  DERIVED_RELATIONS,
  type Direction,
  type DirectionSignal,
  type PairResult,
  type RelationKind,
} from './model/relation.js';
export type { Story, StoryEdge, TraceResult } from './model/story.js';
export * from './report/index.js';
export { articleFromText } from './text/plain-article.js';

/** Compares two articles: relation, score, direction with its signals, reused passages, changes. */
export function compare(a: Article, b: Article): PairResult {
  return comparePair(analyseArticle(a), analyseArticle(b), getLexicon());
}

/** Groups articles into stories and builds each story's derivation tree, with every copy's changes. */
export function trace(articles: readonly Article[]): TraceResult {
  return traceArticles(articles, getLexicon());
}
