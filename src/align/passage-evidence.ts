import type { SentencePair } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { carriedRuns } from './carried-runs.js';
import { type LogisticModel, probability, readModel } from './logistic.js';

/**
 * What tells a reused passage from sentences that merely share some names: how many sentences
 * it spans, how similar and how exactly worded they are, how much rare content they share, the
 * longest run of words kept in order inside one sentence, and the longest runs across its
 * sentences (copied exactly, and kept with synonyms): a few short lines copied word for word are
 * one long run, as a word n-gram seed extended along the text finds them.
 */
export const PASSAGE_FEATURES = [
  'sentences',
  'similarity',
  'exact',
  'exactWords',
  'matchedWeight',
  'longestRun',
  'carriedExactRun',
  'carriedKeptRun',
] as const;

/** The features of one group of neighbouring sentence pairs, in PASSAGE_FEATURES order. */
export function passageEvidence(
  group: readonly SentencePair[],
  a: AnalysedArticle,
  weightsA: ArrayLike<number>,
  weightsB: ArrayLike<number>,
): number[] {
  const sentences = new Set(group.map((pair) => pair.b)).size;
  let similarity = 0;
  let exact = 0;
  let exactWords = 0;
  let matchedWeight = 0;
  let longestRun = 0;
  for (const pair of group) {
    similarity += pair.similarity;
    exact += pair.exact;
    let run = 0;
    let previous: { a: number; b: number } | null = null;
    for (const edit of pair.edits) {
      const isEqual = edit.op === 'equal' && edit.a !== null && edit.b !== null;
      const follows = isEqual && previous !== null && edit.a === previous.a + 1 && edit.b === previous.b + 1;
      run = isEqual ? (follows ? run + 1 : 1) : 0;
      previous = isEqual ? { a: edit.a!, b: edit.b! } : null;
      longestRun = Math.max(longestRun, run);
      if (edit.b === null || edit.a === null || edit.op === 'substitute') continue;
      if (a.tokens[edit.a]!.stop) continue;
      // Both sides' weights: the evidence is the same whichever text is called a.
      matchedWeight += ((weightsA[edit.a] ?? 0) + (weightsB[edit.b] ?? 0)) / 2;
      if (edit.op === 'equal') exactWords++;
    }
  }
  const carried = carriedRuns(group);
  return [
    Math.log1p(sentences),
    similarity / group.length,
    exact / group.length,
    Math.log1p(exactWords),
    Math.log1p(matchedWeight),
    Math.log1p(longestRun),
    Math.log1p(carried.exact),
    Math.log1p(carried.kept),
  ];
}

/** The committed passage model (models/passage-reuse.json), trained by `npm run train:pan`. */
export const PASSAGE_MODEL: LogisticModel = readModel('passage-reuse');

/** Probability that the group is a reuse rather than a chance resemblance. */
export function reuseProbability(model: LogisticModel, evidence: readonly number[]): number {
  return probability(model, evidence);
}
