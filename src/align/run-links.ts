import type { AnalysedArticle } from '../model/analysis.js';
import { normHashes, runKey, sameWords } from '../text/word-keys.js';
import { VERBATIM_RUN } from './verbatim.js';

/** A run of words both texts hold in the same order: its start in each and its length. */
export interface SharedRun {
  a: number;
  b: number;
  length: number;
}

/**
 * The maximal runs of at least VERBATIM_RUN words the two texts share (case, punctuation and
 * quote style aside), as PAN's word n-gram seed-and-extend finds them: every shared n-gram is a
 * seed, extended forward as long as both texts agree; a seed inside a run already found is
 * skipped.
 */
export function sharedVerbatimRuns(a: AnalysedArticle, b: AnalysedArticle): SharedRun[] {
  const runs: SharedRun[] = [];
  const seed = VERBATIM_RUN;
  if (a.tokens.length < seed || b.tokens.length < seed) return runs;
  const wordsA = normHashes(a.tokens);
  const wordsB = normHashes(b.tokens);
  const firstStart = new Map<number, number>();
  const nextStart = new Int32Array(a.tokens.length).fill(-1);
  for (let i = a.tokens.length - seed; i >= 0; i--) {
    const key = runKey(wordsA, i, seed);
    const later = firstStart.get(key);
    if (later !== undefined) nextStart[i] = later;
    firstStart.set(key, i);
  }
  for (let j = 0; j + seed <= b.tokens.length; j++) {
    for (let i = firstStart.get(runKey(wordsB, j, seed)) ?? -1; i >= 0; i = nextStart[i]!) {
      // Not the start of a run: the words before agree too.
      if (i > 0 && j > 0 && sameWords(wordsA, i - 1, wordsB, j - 1, 1)) continue;
      if (!sameWords(wordsA, i, wordsB, j, seed)) continue;
      let length = seed;
      while (
        i + length < a.tokens.length &&
        j + length < b.tokens.length &&
        sameWords(wordsA, i + length, wordsB, j + length, 1)
      )
        length++;
      runs.push({ a: i, b: j, length });
    }
  }
  return runs;
}

/**
 * Pairs [sentence of a, sentence of b] joined by a shared run that goes over a sentence end in
 * at least one text and holds `minContent` content words: each sentence wholly inside the run
 * is linked to the sentences its words fall in on the other side. Several short lines copied
 * together (headings, list lines, a dateline) are found this way even when each line alone is
 * too short to count, or when the lines are split into sentences differently in the two texts.
 */
export function runSentencePairs(
  a: AnalysedArticle,
  b: AnalysedArticle,
  runs: readonly SharedRun[],
  minContent: number,
): Array<[number, number]> {
  const sentenceOfA = sentenceOfToken(a);
  const sentenceOfB = sentenceOfToken(b);
  const pairs: Array<[number, number]> = [];
  for (const run of runs) {
    const lastA = run.a + run.length - 1;
    const lastB = run.b + run.length - 1;
    const crosses = sentenceOfA[run.a] !== sentenceOfA[lastA] || sentenceOfB[run.b] !== sentenceOfB[lastB];
    if (!crosses) continue;
    let content = 0;
    for (let k = 0; k < run.length; k++) if (!a.tokens[run.a + k]!.stop) content++;
    if (content < minContent) continue;
    addWhole(a, sentenceOfA, sentenceOfB, run.a, run.b, run.length, false, pairs);
    addWhole(b, sentenceOfB, sentenceOfA, run.b, run.a, run.length, true, pairs);
  }
  return pairs;
}

/** Links each sentence of `inner` wholly inside the run to the sentences of the other side its words fall in. */
function addWhole(
  inner: AnalysedArticle,
  sentenceOfInner: Int32Array,
  sentenceOfOuter: Int32Array,
  innerStart: number,
  outerStart: number,
  length: number,
  innerIsB: boolean,
  pairs: Array<[number, number]>,
): void {
  for (
    let sentence = sentenceOfInner[innerStart]!;
    sentence <= sentenceOfInner[innerStart + length - 1]!;
    sentence++
  ) {
    if (sentence < 0) continue;
    const { tokenStart, tokenEnd } = inner.sentences[sentence]!;
    if (tokenStart < innerStart || tokenEnd > innerStart + length || tokenEnd === tokenStart) continue;
    const first = sentenceOfOuter[outerStart + tokenStart - innerStart]!;
    const last = sentenceOfOuter[outerStart + tokenEnd - 1 - innerStart]!;
    if (first < 0 || last < 0) continue;
    for (let other = first; other <= last; other++)
      pairs.push(innerIsB ? [other, sentence] : [sentence, other]);
  }
}

/** The sentence each token lies in (-1 outside every sentence). */
function sentenceOfToken(article: AnalysedArticle): Int32Array {
  const sentences = new Int32Array(article.tokens.length).fill(-1);
  for (const sentence of article.sentences)
    sentences.fill(sentence.index, sentence.tokenStart, sentence.tokenEnd);
  return sentences;
}
