import { cached } from '../memo.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import { WordMatcher } from './word-match.js';

/** Rank given to words the embeddings vocabulary does not know: rare names, typos. */
const UNKNOWN_RANK = 400_000;
const LOG_UNKNOWN_RANK = Math.log(UNKNOWN_RANK);

/**
 * How much a token says about the content, in [0, 1]: an IDF proxy from the word's frequency
 * rank in a large corpus ("said" ≈ 0.2, "Russia" ≈ 0.6, "Stoltenberg" ≈ 0.9). Function words
 * weigh nothing; numbers weigh fully because they anchor facts.
 */
export function contentWeight(token: Token, lexicon: Lexicon): number {
  if (token.stop) return 0;
  if (token.kind === 'number') return 1;
  const rank = Math.min(lexicon.frequencyRank(token.norm), UNKNOWN_RANK);
  return Math.max(0.15, Math.log(rank + 1) / LOG_UNKNOWN_RANK);
}

/**
 * Every token's weight, worked out once per article and lexicon: a trace compares each
 * article with many others.
 */
const WEIGHTS = new WeakMap<Lexicon, WeakMap<AnalysedArticle, Float64Array>>();

export function tokenWeights(article: AnalysedArticle, lexicon: Lexicon): Float64Array {
  const byArticle = cached(WEIGHTS, lexicon, () => new WeakMap());
  return cached(byArticle, article, () => WordMatcher.for(lexicon).weightsOf(article));
}
