import type { Alignment, Passage } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';

/**
 * How the words of a reused passage were carried over, read on its aligned sentence pairs:
 * a writer working from a source keeps part of each sentence and drops the rest (clauses,
 * asides, figures), far more often than padding it out, so the source side of a passage
 * holds more content words left unmatched. In (-1, 1), positive when a leaves more of its
 * words unmatched than b (a is the source); 0 when nothing is aligned.
 */
export function compression(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  passage: Pick<Passage, 'sentencesA' | 'sentencesB'>,
): number {
  const inA = new Set(passage.sentencesA);
  const inB = new Set(passage.sentencesB);
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();
  const sentencesA = new Set<number>();
  const sentencesB = new Set<number>();
  for (const pair of alignment.pairs) {
    if (!inA.has(pair.a) || !inB.has(pair.b)) continue;
    sentencesA.add(pair.a);
    sentencesB.add(pair.b);
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null) continue;
      matchedA.add(edit.a);
      matchedB.add(edit.b);
    }
  }
  const left = (article: AnalysedArticle, sentences: Set<number>, matched: Set<number>) => {
    let content = 0;
    let unmatched = 0;
    for (const index of sentences) {
      const sentence = article.sentences[index]!;
      for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
        if (article.tokens[token]!.stop) continue;
        content++;
        if (!matched.has(token)) unmatched++;
      }
    }
    return { content, unmatched };
  };
  const sideA = left(a, sentencesA, matchedA);
  const sideB = left(b, sentencesB, matchedB);
  const total = sideA.content + sideB.content;
  return total > 0 ? (sideA.unmatched - sideB.unmatched) / total : 0;
}

/**
 * Share of the names in a passage (capitalised content words) that its text has already
 * mentioned before it: a source introduces a person or a place before referring to it, a text
 * a passage was put into meets its names for the first time there. 0 without names.
 */
export function namesIntroduced(article: AnalysedArticle, sentences: readonly number[]): number {
  if (sentences.length === 0) return 0;
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const before = new Set<string>();
  for (let token = 0; token < article.sentences[first]!.tokenStart; token++) {
    const word = article.tokens[token]!;
    if (!word.stop) before.add(word.stem);
  }
  let names = 0;
  let introduced = 0;
  for (let token = article.sentences[first]!.tokenStart; token < article.sentences[last]!.tokenEnd; token++) {
    const word = article.tokens[token]!;
    if (word.stop || !word.capitalized) continue;
    names++;
    if (before.has(word.stem)) introduced++;
  }
  return names > 0 ? introduced / names : 0;
}

/**
 * Share of the sentences inside a passage's span that it leaves out: a writer working from a
 * source skips sentences of it and writes the rest together, so the source's side of a passage
 * has the gaps. 0 for a passage of one sentence.
 */
export function skippedShare(sentences: readonly number[]): number {
  if (sentences.length < 2) return 0;
  const span = Math.max(...sentences) - Math.min(...sentences) + 1;
  return (span - new Set(sentences).size) / span;
}
