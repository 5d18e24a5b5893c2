import type { AnalysedArticle } from '../model/analysis.js';
import type { Lexicon, WordEntry } from '../text/lexicon.js';
import { stratifiedFolds } from './cross-validation.js';

/**
 * Which words, when one text has them and the other does not, tell two sentences apart (a
 * supervised term weighting in the spirit of Ji & Eisenstein 2013): each word's log-odds of
 * "paraphrase" among the training pairs where it appears on one side only, against the prior,
 * smoothed towards 0. An added stock index or figure ("Nasdaq", "composite", a number) weighs
 * against a paraphrase; a dropped "said" or "yesterday" hardly counts.
 */
export interface WordWeights {
  /** Words seen on one side only in fewer training pairs than this get no weight. */
  minPairs: number;
  /** Pseudo-pairs that pull a word's log-odds towards the prior. */
  smoothing: number;
  weights: Record<string, number>;
}

export const WORD_WEIGHTING = { minPairs: 5, smoothing: 5 } as const;

/**
 * A side's own words count as differences only when it is at most this many times as long as
 * the other: what a whole article has beyond one sentence of it says nothing about that sentence.
 */
const MAX_LENGTH_RATIO = 2;

/**
 * Distinct stems (words and numbers) that one text has and the other does not, sorted; a word
 * whose synonym (WordNet or Moby, as the lexicon says) the other text uses is not a difference.
 */
export function differingWords(x: AnalysedArticle, y: AnalysedArticle, lexicon: Lexicon): string[] {
  const differing = new Set<string>();
  for (const [own, other] of [
    [x, y],
    [y, x],
  ] as const) {
    if (own.tokens.length > MAX_LENGTH_RATIO * other.tokens.length) continue;
    const otherStems = new Set(other.tokens.map((token) => token.stem));
    const otherEntries = [...new Set(other.tokens.map((token) => token.norm))].map((norm) =>
      lexicon.entry(norm),
    );
    for (const token of own.tokens) {
      if (otherStems.has(token.stem) || differing.has(token.stem)) continue;
      if (!hasSynonym(lexicon.entry(token.norm), otherEntries, lexicon)) differing.add(token.stem);
    }
  }
  return [...differing].sort();
}

function hasSynonym(entry: WordEntry, others: readonly WordEntry[], lexicon: Lexicon): boolean {
  return others.some((other) => lexicon.relationOf(entry, other) === 'synonym');
}

export interface WordRow {
  words: readonly string[];
  positive: boolean;
}

export function fitWordWeights(rows: readonly WordRow[]): WordWeights {
  const { minPairs, smoothing } = WORD_WEIGHTING;
  const counts = new Map<string, [number, number]>();
  let positives = 0;
  for (const row of rows) {
    if (row.positive) positives++;
    for (const word of row.words) {
      const count = counts.get(word) ?? [0, 0];
      count[row.positive ? 0 : 1]++;
      counts.set(word, count);
    }
  }
  const prior = Math.min(Math.max(positives / Math.max(1, rows.length), 0.01), 0.99);
  const priorLogOdds = Math.log(prior / (1 - prior));
  const weights: Record<string, number> = {};
  for (const word of [...counts.keys()].sort()) {
    const [positive, negative] = counts.get(word)!;
    if (positive + negative < minPairs) continue;
    const logOdds = Math.log((positive + smoothing * prior) / (negative + smoothing * (1 - prior)));
    weights[word] = Math.round((logOdds - priorLogOdds) * 1000) / 1000;
  }
  return { minPairs, smoothing, weights };
}

/** The pair's differing words read through the weights: their sum, and the one most against. */
export function differingScores(
  words: readonly string[],
  table: WordWeights | undefined,
): { sum: number; worst: number } {
  let sum = 0;
  let worst = 0;
  if (table === undefined) return { sum, worst };
  for (const word of words) {
    const weight = table.weights[word];
    if (weight === undefined) continue;
    sum += weight;
    worst = Math.min(worst, weight);
  }
  return { sum, worst };
}

/** Inner folds that give each training row its scores from weights fitted without it. */
const INNER_FOLDS = 5;
const INNER_SEED = 20130601;

/**
 * Scores for the training rows themselves, each from weights fitted on the other inner folds: a
 * row's own label never shapes the figure the learner sees for it (else the learner would trust
 * the weights far more than they deserve on new pairs).
 */
export function outOfFoldScores(rows: readonly WordRow[]): Array<{ sum: number; worst: number }> {
  const scores = new Array<{ sum: number; worst: number }>(rows.length);
  const folds = stratifiedFolds(
    rows.map((row) => (row.positive ? 'positive' : 'negative')),
    INNER_FOLDS,
    INNER_SEED,
  );
  for (const fold of folds) {
    const inFold = new Set(fold);
    const table = fitWordWeights(rows.filter((_, index) => !inFold.has(index)));
    for (const index of fold) scores[index] = differingScores(rows[index]!.words, table);
  }
  return scores;
}
