import type { Alignment } from './alignment.js';
import type { Change } from './change.js';

/**
 * The relation of two documents. Stable vocabulary, from most to least derived:
 * identical, copy (verbatim, possibly trimmed or re-wrapped), near-copy (light edits),
 * spun (synonym substitution), rewrite (heavily reworded or translated, still derived),
 * same-story (independent reporting of the same event or topic), unrelated.
 */
export type RelationKind =
  | 'identical'
  | 'copy'
  | 'near-copy'
  | 'spun'
  | 'rewrite'
  | 'same-story'
  | 'unrelated';

export const DERIVED_RELATIONS: ReadonlySet<RelationKind> = new Set([
  'identical',
  'copy',
  'near-copy',
  'spun',
  'rewrite',
]);

/** One signal that pushed the direction decision, e.g. a quote kept intact on one side only. */
export interface DirectionSignal {
  name: string;
  /** Positive: a is the source of b; negative: b is the source of a. Magnitude = strength. */
  vote: number;
  detail: string;
}

export interface Direction {
  /** 'a->b': a is the source and b the copy. null when undecided or not derived. */
  direction: 'a->b' | 'b->a' | null;
  confidence: number;
  signals: DirectionSignal[];
}

/**
 * Why a relation was decided: the learned model that decided it ('document': how a text was
 * made from another; 'sentence': whether two single sentences are paraphrases), its class and
 * class probabilities, the feature values it read and each feature's pull towards that class.
 */
export interface RelationEvidence {
  model: 'identical' | 'document' | 'sentence';
  /** The model's own class: cut, light, heavy or non (document); paraphrase or other (sentence). */
  label: string;
  probabilities: Record<string, number>;
  features: Record<string, number>;
  /** Log-odds pull of each feature towards the chosen class, against the average class. */
  contributions: Record<string, number>;
}

/** The full comparison of a pair of documents. */
export interface PairResult {
  relation: RelationKind;
  /** How strongly the two documents are related, in [0, 1]. */
  score: number;
  /** What decided the relation (absent only in results built by hand). */
  evidence?: RelationEvidence;
  direction: Direction;
  /** Alignment with the decided source as `a` side when a direction is known, else a = first input. */
  alignment: Alignment;
  /** Changes of the copy against its source (empty when not derived). */
  changes: Change[];
  /**
   * A passage of one text was put into the other while most of at least one of them is not
   * reused (a few paragraphs of a longer text, a wire story inside a roundup): derived all
   * the same, the relation saying how the passage was reused.
   */
  partial?: boolean;
  /** Share of the source's text inside reused passages (of a when undirected). */
  sourceShare?: number;
  /** Share of the copy's text inside reused passages (of b when undirected). */
  copyShare?: number;
}

/**
 * A pair's result without its alignment and changes: what a trace keeps of every compared pair
 * to plan its stories. The alignment is the bulk of a result (every token's edit); the pairs
 * that become tree edges are aligned again when they are oriented, which gives the same
 * alignment (alignment does not depend on the order of the two texts).
 */
export type PairVerdict = Omit<PairResult, 'alignment' | 'changes'>;

export function verdictOf(result: PairResult): PairVerdict {
  const { alignment: _alignment, changes: _changes, ...verdict } = result;
  return verdict;
}
