import type { Alignment, Passage, PassageKind } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { RelationKind } from '../model/relation.js';

/**
 * A pair is a partial reuse when some passage of one text was put into the other (the passage
 * model of src/align took it for reuse, not a chance resemblance) while less than this share of
 * at least one text is reused: a few paragraphs of a longer text, a wire story inside a roundup.
 * The passage must keep the other's wording (verbatim, edited or spun): saying the same facts
 * in other words is what two independent texts on one topic do, and the relation model judges
 * a whole rewrite.
 */
export const PARTIAL_SHARE = 0.5;
/**
 * A passage with fewer words than this on either side (a heading, a stock phrase) shows no
 * reuse alone. Words inside direct quotes do not count: independent reports of one event share
 * a quote and little more, while a copied passage carries the reporting around its quotes too.
 */
const MIN_PASSAGE_TOKENS = 8;

export interface PartialReuse {
  partial: boolean;
  /** Share of each text's characters inside reused passages. */
  shareA: number;
  shareB: number;
  /** The relation the reused passages show, from the kind covering most of them. */
  relation: RelationKind;
}

const RELATION_OF_KIND: Record<Exclude<PassageKind, 'dropped' | 'added'>, RelationKind> = {
  verbatim: 'copy',
  edited: 'near-copy',
  spun: 'spun',
  reworded: 'rewrite',
};

/** Decides partial reuse from the alignment's reused passages (symmetric in a and b). */
export function partialReuse(a: AnalysedArticle, b: AnalysedArticle, alignment: Alignment): PartialReuse {
  const reused = alignment.passages.filter(
    (passage) =>
      passage.a !== null &&
      passage.b !== null &&
      passage.kind !== 'reworded' &&
      unquotedTokensIn(a, passage.sentencesA) >= MIN_PASSAGE_TOKENS &&
      unquotedTokensIn(b, passage.sentencesB) >= MIN_PASSAGE_TOKENS,
  );
  const shareA = coveredShare(a, reused, 'a');
  const shareB = coveredShare(b, reused, 'b');
  const weights = new Map<RelationKind, number>();
  for (const passage of reused) {
    const relation = RELATION_OF_KIND[passage.kind as keyof typeof RELATION_OF_KIND] ?? 'rewrite';
    weights.set(
      relation,
      (weights.get(relation) ?? 0) + passage.sentencesA.length + passage.sentencesB.length,
    );
  }
  const relation = (['copy', 'near-copy', 'spun', 'rewrite'] as const).reduce((best, candidate) =>
    (weights.get(candidate) ?? 0) > (weights.get(best) ?? 0) ? candidate : best,
  );
  return {
    partial: reused.length > 0 && Math.min(shareA, shareB) < PARTIAL_SHARE,
    shareA,
    shareB,
    relation,
  };
}

function coveredShare(article: AnalysedArticle, passages: readonly Passage[], side: 'a' | 'b'): number {
  const total = article.sentences.reduce((sum, sentence) => sum + sentence.end - sentence.start, 0);
  if (total === 0) return 0;
  const covered = new Set(
    passages.flatMap((passage) => (side === 'a' ? passage.sentencesA : passage.sentencesB)),
  );
  let inside = 0;
  for (const index of covered) {
    const sentence = article.sentences[index]!;
    inside += sentence.end - sentence.start;
  }
  return inside / total;
}

/** Words of the sentences outside direct quotes. */
function unquotedTokensIn(article: AnalysedArticle, sentences: readonly number[]): number {
  let count = 0;
  for (const index of sentences) {
    const sentence = article.sentences[index]!;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      if (!article.tokens[token]!.quoted) count++;
    }
  }
  return count;
}
