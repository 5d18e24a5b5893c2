import { cached } from '../memo.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import { tokenWeights } from './weights.js';

/** vocabularyOf per lexicon and article: an article meets many others in a trace. */
const VOCABULARIES = new WeakMap<Lexicon, WeakMap<AnalysedArticle, ReadonlyMap<string, number>>>();

/** A document's content stems with their weights: a cheap first test of whether two documents can be related. */
export function vocabularyOf(article: AnalysedArticle, lexicon: Lexicon): ReadonlyMap<string, number> {
  const byArticle = cached(VOCABULARIES, lexicon, () => new WeakMap());
  return cached(byArticle, article, () => buildVocabulary(article, lexicon));
}

function buildVocabulary(article: AnalysedArticle, lexicon: Lexicon): Map<string, number> {
  const weights = tokenWeights(article, lexicon);
  const vocabulary = new Map<string, number>();
  article.tokens.forEach((token, index) => {
    if (token.stop) return;
    vocabulary.set(token.stem, Math.max(vocabulary.get(token.stem) ?? 0, weights[index]!));
  });
  return vocabulary;
}

/**
 * Words at least this rare (weight ≥ 0.5: ranks beyond about the 600 commonest words) carry
 * what a text is about; everyday words shared by any two news pages do not.
 */
export const TOPICAL_WEIGHT = 0.5;

/** Weighted share of the smaller vocabulary's topical words found in the other. */
export function shareVocabulary(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  const [small, large] = topicalSize(x) <= topicalSize(y) ? [x, y] : [y, x];
  let shared = 0;
  let total = 0;
  for (const [stem, weight] of small) {
    if (weight < TOPICAL_WEIGHT) continue;
    total += weight;
    if (large.has(stem)) shared += weight;
  }
  return total > 0 ? shared / total : 0;
}

function topicalSize(vocabulary: ReadonlyMap<string, number>): number {
  let size = 0;
  for (const weight of vocabulary.values()) if (weight >= TOPICAL_WEIGHT) size++;
  return size;
}
