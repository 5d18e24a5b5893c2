import { alignArticles } from '../align/align.js';
import { swapAlignment } from '../align/swap.js';
import { detectChanges } from '../changes/detect.js';
import { relationFeatures } from '../classify/features.js';
import { decideRelation } from '../classify/relation.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { DERIVED_RELATIONS, type Direction, type PairResult } from '../model/relation.js';
import { decideDirection } from '../provenance/direction.js';
import type { Lexicon } from '../text/lexicon.js';

export interface CompareOptions {
  /** Also list what the copy changed (costs a little time; trace only needs it on tree edges). */
  changes?: boolean;
  /**
   * Take a as the source whatever the pair's own signals say: a story tree decides direction
   * from all its documents together. The signals are still reported.
   */
  sourceIsA?: boolean;
}

const UNDIRECTED: Direction = { direction: null, confidence: 0, signals: [] };

/**
 * Compares two analysed articles: relation, score, direction with its signals, the alignment
 * (oriented source → copy when the direction is known) and the copy's changes.
 */
export function comparePair(
  a: AnalysedArticle,
  b: AnalysedArticle,
  lexicon: Lexicon,
  options: CompareOptions = {},
): PairResult {
  const alignment = alignArticles(a, b, lexicon);
  const decision = decideRelation(relationFeatures(a, b, alignment, lexicon));
  const derived = DERIVED_RELATIONS.has(decision.relation);
  const direction = derived
    ? decideDirection(a, b, alignment, lexicon, options.sourceIsA === true)
    : UNDIRECTED;
  const result: PairResult = {
    relation: decision.relation,
    score: Math.round(decision.score * 1000) / 1000,
    direction,
    alignment: direction.direction === 'b->a' ? swapAlignment(alignment) : alignment,
    changes: [],
  };
  if (derived && options.changes !== false) {
    const [source, copy] = direction.direction === 'b->a' ? [b, a] : [a, b];
    result.changes = detectChanges(source, copy, result.alignment, lexicon);
  }
  return result;
}
