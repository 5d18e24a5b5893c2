import type { AnalysedArticle } from '../model/analysis.js';

/** Index of the sentence holding token `token` (binary search over sentence token ranges). */
export function sentenceOfToken(document: AnalysedArticle, token: number): number {
  const sentences = document.sentences;
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sentences[middle]!.tokenStart <= token) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Indices of the tokens inside text[start, end), searching from the given sentence on. */
export function tokensWithin(
  document: AnalysedArticle,
  start: number,
  end: number,
  fromSentence: number,
): number[] {
  const indices: number[] = [];
  const first = document.sentences[fromSentence]?.tokenStart ?? 0;
  for (let index = first; index < document.tokens.length; index++) {
    const token = document.tokens[index]!;
    if (token.start >= end) break;
    if (token.start >= start && token.end <= end) indices.push(index);
  }
  return indices;
}
