import type { Span } from './span.js';

/**
 * How a passage of the copy relates to the source. Stable vocabulary:
 * - verbatim: the same words (case, whitespace and quote style aside);
 * - edited: mostly the same words with light edits (a few words inserted, deleted or changed);
 * - spun: the same sentence structure with words swapped for synonyms;
 * - reworded: the same facts in different wording (heavy rewrite, translation);
 * - dropped: only in the source; added: only in the copy.
 */
export type PassageKind = 'verbatim' | 'edited' | 'spun' | 'reworded' | 'dropped' | 'added';

/** How one token of a sentence pair was carried over. */
export type TokenOp = 'equal' | 'synonym' | 'related' | 'spelling' | 'substitute' | 'insert' | 'delete';

/** One step of a token-level alignment between two aligned sentences. */
export interface TokenEdit {
  op: TokenOp;
  /** Token index in the source article (null for inserts). */
  a: number | null;
  /** Token index in the copy article (null for deletes). */
  b: number | null;
}

/** A sentence of the source aligned with a sentence of the copy. */
export interface SentencePair {
  a: number;
  b: number;
  /** Soft similarity in [0, 1]: content words matched exactly, as synonyms or by meaning. */
  similarity: number;
  /** Share of content tokens matched exactly, in [0, 1]. */
  exact: number;
  kind: Exclude<PassageKind, 'dropped' | 'added'>;
  edits: TokenEdit[];
}

/** A run of neighbouring sentence pairs of one kind inside a reused passage. */
export interface PassagePart {
  kind: Exclude<PassageKind, 'dropped' | 'added'>;
  a: Span;
  b: Span;
  sentencesA: number[];
  sentencesB: number[];
  similarity: number;
}

/**
 * A run of text in the source and/or the copy, with how it was reused. Spans into Article.text.
 * One reuse is one passage: neighbouring aligned sentences join whatever their kind, and
 * `parts` says how each run of them was carried over; `kind` is the kind covering most of it.
 */
export interface Passage {
  kind: PassageKind;
  a: Span | null;
  b: Span | null;
  /** Sentence indices covered on each side. */
  sentencesA: number[];
  sentencesB: number[];
  /** Mean similarity of its sentence pairs, weighted by the sentences they cover. */
  similarity: number;
  /** Reused passages: the runs of one kind it is made of, in copy order. Absent on dropped and added. */
  parts?: PassagePart[];
}

/** Summary figures of an alignment; every relation decision is made from these. */
export interface AlignmentStats {
  /** Share of each side's content weight found in the other side (soft, meaning-aware). */
  coverageA: number;
  coverageB: number;
  /** The same counting only exact words, respellings and synonyms. */
  strictA: number;
  strictB: number;
  /** Share of each side's content tokens inside verbatim runs shared with the other side. */
  verbatimA: number;
  verbatimB: number;
  /** Counts of aligned sentence pairs by kind. */
  pairs: Record<Exclude<PassageKind, 'dropped' | 'added'>, number>;
  /** Share of shared vocabulary/entities independent of alignment (topic overlap). */
  topical: number;
  /** Word-level carry-over inside aligned sentences: how many content words were kept as they
   * were, swapped for a synonym, for a related word, respelt, or replaced. */
  words: { equal: number; synonym: number; related: number; spelling: number; substitute: number };
}

/** The alignment of a source (a) and a copy (b). */
export interface Alignment {
  pairs: SentencePair[];
  passages: Passage[];
  stats: AlignmentStats;
}
