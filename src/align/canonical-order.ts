import type { AnalysedArticle } from '../model/analysis.js';

/**
 * The order two texts are aligned and judged in: by content, never by argument order, so that
 * comparing B with A mirrors comparing A with B.
 */
export function isCanonicalOrder(a: AnalysedArticle, b: AnalysedArticle): boolean {
  return a.article.text <= b.article.text;
}
