import { alignArticles } from '../align/align.js';
import { swapAlignment } from '../align/swap.js';
import { detectChanges } from '../changes/detect.js';
import { featureVector } from '../classify/feature-vector.js';
import { relationFeatures } from '../classify/features.js';
import { type PartialReuse, partialReuse } from '../classify/partial-reuse.js';
import { decideRelation } from '../classify/relation.js';
import type { Alignment } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import {
  DERIVED_RELATIONS,
  type Direction,
  type PairResult,
  type PairVerdict,
  type RelationKind,
} from '../model/relation.js';
import { decideDirection } from '../provenance/direction.js';
import type { StageContext } from './context.js';

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
  context: StageContext,
  options: CompareOptions = {},
): PairResult {
  const { lexicon } = context;
  const alignment = alignArticles(a, b, lexicon);
  const features = relationFeatures(a, b, alignment, lexicon);
  let decision = decideRelation(
    features,
    featureVector(a, b, features, alignment.stats, lexicon, features.sentences <= 1 ? 'all' : 'document'),
  );
  const reuse = partialReuse(a, b, alignment, lexicon);
  // A passage put into a longer text is derivation too, whatever the whole texts' figures say.
  if (reuse.partial && !DERIVED_RELATIONS.has(decision.relation))
    decision = { ...decision, relation: reuse.relation };
  const derived = DERIVED_RELATIONS.has(decision.relation);
  const score = Math.round(decision.score * 1000) / 1000;
  if (derived && options.sourceIsA === true) {
    const result = withSource(decision.relation, score, a, b, alignment, context, options.changes !== false);
    return { ...result, evidence: decision.evidence };
  }
  const direction = derived ? decideDirection(a, b, alignment, lexicon, context.now) : UNDIRECTED;
  const bIsSource = direction.direction === 'b->a';
  const oriented = bIsSource ? swapAlignment(alignment) : alignment;
  const [source, copy] = bIsSource ? [b, a] : [a, b];
  const changes = derived && options.changes !== false ? detectChanges(source, copy, oriented, lexicon) : [];
  return {
    relation: decision.relation,
    score,
    evidence: decision.evidence,
    direction,
    alignment: oriented,
    changes,
    ...reuseShares(reuse, bIsSource),
  };
}

/**
 * A derived pair's result with `source` taken as the source (a story tree decides direction
 * from all its documents together): the pair aligned again (a trace keeps only verdicts), the
 * direction signals worded for it and the copy's changes; relation, score and evidence are the
 * verdict's.
 */
export function orientPair(
  result: PairVerdict,
  first: AnalysedArticle,
  second: AnalysedArticle,
  source: AnalysedArticle,
  context: StageContext,
): PairResult {
  // Aligned again: the same alignment the comparison of first with second made.
  const inInputOrder = alignArticles(first, second, context.lexicon);
  const sourceIsFirst = source === first;
  const alignment = sourceIsFirst ? inInputOrder : swapAlignment(inInputOrder);
  const [from, to] = sourceIsFirst ? [first, second] : [second, first];
  const oriented = withSource(result.relation, result.score, from, to, alignment, context, true);
  return result.evidence === undefined ? oriented : { ...oriented, evidence: result.evidence };
}

function withSource(
  relation: RelationKind,
  score: number,
  source: AnalysedArticle,
  copy: AnalysedArticle,
  alignment: Alignment,
  context: StageContext,
  changes: boolean,
): PairResult {
  return {
    relation,
    score,
    direction: decideDirection(source, copy, alignment, context.lexicon, context.now, true),
    alignment,
    changes: changes ? detectChanges(source, copy, alignment, context.lexicon) : [],
    ...reuseShares(partialReuse(source, copy, alignment, context.lexicon), false),
  };
}

function reuseShares(
  reuse: PartialReuse,
  bIsSource: boolean,
): Pick<PairResult, 'partial' | 'sourceShare' | 'copyShare'> {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    partial: reuse.partial,
    sourceShare: round(bIsSource ? reuse.shareB : reuse.shareA),
    copyShare: round(bIsSource ? reuse.shareA : reuse.shareB),
  };
}
