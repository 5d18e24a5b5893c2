import type { Passage } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';

/** Sentences on each side of a passage read as its context. */
const CONTEXT_SENTENCES = 2;

/**
 * Where a reused passage sits in one text. In its source it sits in its natural context: its
 * neighbours talk about the same things. In the text it was put into it is an insertion that
 * breaks the flow: its neighbours share little with it. A text that is the passage alone has
 * no context to judge.
 */
export interface PassagePlace {
  hasContext: boolean;
  /** Share of the neighbours' content words the passage also uses (0 without context). */
  cohesion: number;
}

export function passagePlace(article: AnalysedArticle, sentences: readonly number[]): PassagePlace {
  if (sentences.length === 0) return { hasContext: false, cohesion: 0 };
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const inside = contentStems(article, first, last + 1);
  const around = new Set([
    ...contentStems(article, Math.max(0, first - CONTEXT_SENTENCES), first),
    ...contentStems(article, last + 1, Math.min(article.sentences.length, last + 1 + CONTEXT_SENTENCES)),
  ]);
  if (around.size === 0 || inside.size === 0) return { hasContext: false, cohesion: 0 };
  let shared = 0;
  for (const stem of around) if (inside.has(stem)) shared++;
  return { hasContext: true, cohesion: shared / Math.min(around.size, inside.size) };
}

function contentStems(article: AnalysedArticle, from: number, to: number): Set<string> {
  const stems = new Set<string>();
  for (let index = from; index < to; index++) {
    const sentence = article.sentences[index]!;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      const { stop, stem } = article.tokens[token]!;
      if (!stop) stems.add(stem);
    }
  }
  return stems;
}

export const INSERTION_FEATURES = ['cohesion', 'context', 'relativeCohesion'] as const;

/** How cohesive a text's sentences usually are with their neighbours: the yardstick of a passage's. */
export function typicalCohesion(article: AnalysedArticle): number {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < article.sentences.length; index++) {
    const place = passagePlace(article, [index]);
    if (!place.hasContext) continue;
    sum += place.cohesion;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Direction features of a pair from its largest reused passage, antisymmetric (swapping a and
 * b negates them); positive: a is the source. cohesion: the passage's cohesion with its
 * neighbours in a minus in b; context: whether a gives it neighbours, minus whether b does;
 * relativeCohesion: the same cohesion measured against each text's usual cohesion.
 */
export function insertionEvidence(
  a: AnalysedArticle,
  b: AnalysedArticle,
  passage: Pick<Passage, 'sentencesA' | 'sentencesB'>,
): number[] {
  const placeA = passagePlace(a, passage.sentencesA);
  const placeB = passagePlace(b, passage.sentencesB);
  const relativeA = placeA.hasContext ? placeA.cohesion - typicalCohesion(a) : 0;
  const relativeB = placeB.hasContext ? placeB.cohesion - typicalCohesion(b) : 0;
  return [
    placeA.cohesion - placeB.cohesion,
    Number(placeA.hasContext) - Number(placeB.hasContext),
    relativeA - relativeB,
  ];
}

/** The reused passage covering the most sentences (the earliest on a tie), or null. */
export function largestReuse(passages: readonly Passage[]): Passage | null {
  let best: Passage | null = null;
  for (const passage of passages) {
    if (passage.a === null || passage.b === null) continue;
    const size = passage.sentencesA.length + passage.sentencesB.length;
    if (best === null || size > best.sentencesA.length + best.sentencesB.length) best = passage;
  }
  return best;
}
