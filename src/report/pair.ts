import type { Alignment, Passage, PassageKind } from '../model/alignment.js';
import type { Article } from '../model/article.js';
import type { DirectionSignal, PairResult } from '../model/relation.js';
import type { Span } from '../model/span.js';
import { spanToSource } from '../text/offsets.js';
import { MATCHED_KINDS, type MatchedKind, PASSAGE_KINDS } from './labels.js';

/**
 * A compared pair seen as source and copy: `source` is the article on the alignment's side a.
 * PairResult puts the decided source on side a, so for a "b->a" comparison the sides swap.
 */
export interface OrientedPair {
  source: Article;
  copy: Article;
  /** True when the alignment's side a is the compare's document b. */
  swapped: boolean;
}

export function orientCompare(a: Article, b: Article, result: PairResult): OrientedPair {
  const swapped = result.direction.direction === 'b->a';
  return swapped ? { source: b, copy: a, swapped } : { source: a, copy: b, swapped };
}

/** Articles by input name. */
export function indexArticles(articles: readonly Article[]): Map<string, Article> {
  return new Map(articles.map((article) => [article.input, article]));
}

/** The article of an input; a missing one means the TraceResult is inconsistent, a programming error. */
export function requireArticle(index: ReadonlyMap<string, Article>, input: string): Article {
  const article = index.get(input);
  if (article === undefined) throw new Error(`report: no article for input "${input}"`);
  return article;
}

/** A span of Article.text mapped to offsets into the decoded input (Article.content). */
export function toInputSpan(article: Article, span: Span): Span {
  return spanToSource(article.origin, span.start, span.end);
}

/** The story text of a span. */
export function spanText(article: Article, span: Span): string {
  return article.text.slice(span.start, span.end);
}

/** What share of the copy reuses the source and how, in sentences. */
export interface ReuseSummary {
  /** Share of the copy's content found in the source, in [0, 1]. */
  coverage: number;
  /** Aligned sentence pairs by kind. */
  sentences: Record<MatchedKind, number>;
  /** Source sentences with no counterpart in the copy. */
  dropped: number;
  /** Copy sentences with no counterpart in the source. */
  added: number;
}

export function summariseReuse(alignment: Alignment): ReuseSummary {
  let dropped = 0;
  let added = 0;
  for (const passage of alignment.passages) {
    // A passage always covers at least one sentence, even if the aligner left the list empty.
    if (passage.kind === 'dropped') dropped += Math.max(1, passage.sentencesA.length);
    if (passage.kind === 'added') added += Math.max(1, passage.sentencesB.length);
  }
  return { coverage: alignment.stats.coverageB, sentences: { ...alignment.stats.pairs }, dropped, added };
}

/** Number of passages of each kind, in the fixed kind order, kinds absent left out. */
export function countPassages(passages: readonly Passage[]): Array<{ kind: PassageKind; count: number }> {
  const counts = new Map<PassageKind, number>();
  for (const passage of passages) counts.set(passage.kind, (counts.get(passage.kind) ?? 0) + 1);
  return PASSAGE_KINDS.flatMap((kind) => {
    const count = counts.get(kind);
    return count === undefined ? [] : [{ kind, count }];
  });
}

function strength(passage: Passage): number {
  if (passage.a === null || passage.b === null) return 0;
  const shorter = Math.min(passage.a.end - passage.a.start, passage.b.end - passage.b.start);
  return passage.similarity * shorter;
}

/**
 * The most convincing example of each kind of reuse present (long and similar), in kind order,
 * so a reader can check one passage of every kind the verdict rests on.
 */
export function strongestPassages(passages: readonly Passage[]): Passage[] {
  const best = new Map<PassageKind, Passage>();
  for (const passage of passages) {
    if (passage.a === null || passage.b === null) continue;
    const current = best.get(passage.kind);
    // Strict comparison keeps the earliest passage on ties: deterministic.
    if (current === undefined || strength(passage) > strength(current)) best.set(passage.kind, passage);
  }
  return MATCHED_KINDS.flatMap((kind) => {
    const passage = best.get(kind);
    return passage === undefined ? [] : [passage];
  });
}

/**
 * Direction signals of a derivation edge with votes re-signed so that a positive vote supports
 * "source → copy". Signals vote on the pair as it was compared; when that comparison decided
 * "b->a", its side a is the edge's copy.
 */
export function edgeSignals(result: PairResult): DirectionSignal[] {
  const sign = result.direction.direction === 'b->a' ? -1 : 1;
  return result.direction.signals.map((signal) => ({ ...signal, vote: signal.vote * sign }));
}

/** Signals by decreasing strength (ties in detector order). */
export function strongestSignals(signals: readonly DirectionSignal[], limit: number): DirectionSignal[] {
  return signals
    .map((signal, index) => ({ signal, index }))
    .sort(
      (left, right) => Math.abs(right.signal.vote) - Math.abs(left.signal.vote) || left.index - right.index,
    )
    .slice(0, limit)
    .map((entry) => entry.signal);
}
