import type { Alignment, Passage, PassageKind } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { RelationKind } from '../model/relation.js';
import type { Lexicon } from '../text/lexicon.js';
import { PARTIAL_MODEL, partialEvidence, showsReuse } from './partial-evidence.js';

/**
 * A pair is a partial reuse when some passage of one text was put into the other (the passage
 * model of src/align took it for reuse, not a chance resemblance) while less than this share of
 * at least one text is reused: a few paragraphs of a longer text, a wire story inside a roundup.
 * Every passage found in both texts is a candidate, reworded ones too: a sentence with a few
 * words shuffled, swapped or put in from the host (PAN's random obfuscation) no longer reads as
 * edited, yet it was put there. Whether one passage is enough is learned
 * (src/classify/partial-evidence.ts), and it weighs rewording against reuse: saying the same
 * facts in other words is also what two independent texts on one topic do.
 */
export const PARTIAL_SHARE = 0.5;
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
export function partialReuse(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
): PartialReuse {
  const reused = sharedPassages(alignment).filter((passage) =>
    showsReuse(PARTIAL_MODEL, partialEvidence(a, b, alignment, passage, lexicon)),
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

/** Passages found in both texts, whatever their wording: the candidates for partial reuse. */
export function sharedPassages(alignment: Alignment): Passage[] {
  return alignment.passages.filter((passage) => passage.a !== null && passage.b !== null);
}
