import type { AnalysedArticle } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import { contentWeight } from './weights.js';

/** A document's content stems with their weights: a cheap first test of whether two documents can be related. */
export function vocabularyOf(article: AnalysedArticle, lexicon: Lexicon): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const token of article.tokens) {
    if (token.stop) continue;
    vocabulary.set(token.stem, Math.max(vocabulary.get(token.stem) ?? 0, contentWeight(token, lexicon)));
  }
  return vocabulary;
}

/** Weighted share of the smaller vocabulary found in the other. */
export function shareVocabulary(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  let total = 0;
  for (const [stem, weight] of small) {
    total += weight;
    if (large.has(stem)) shared += weight;
  }
  return total > 0 ? shared / total : 0;
}
