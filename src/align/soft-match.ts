import type { Token } from '../model/analysis.js';
import { EQUAL_MATCH, type WordMatch, type WordMatcher } from './word-match.js';

/** A content token with its weight, as alignment sees it. */
export interface WeightedToken {
  index: number;
  token: Token;
  weight: number;
  /** The token's form id in the matcher (see WordMatcher.formOf). */
  form: number;
}

export interface SoftMatch {
  /** Share of the left side's content weight rendered by the right side, in [0, 1]. */
  leftCovered: number;
  rightCovered: number;
  /** The same counting only exact words, respellings and synonyms: what a spinner keeps. */
  leftStrict: number;
  rightStrict: number;
  /** Matched pairs (left token index, right token index, match). */
  links: Array<{ left: number; right: number; match: WordMatch }>;
}

const STRICT_OPS: ReadonlySet<WordMatch['op']> = new Set(['equal', 'spelling', 'synonym']);

/** Word pairs scoring below this do not count as the same content. */
export const MIN_WORD_SCORE = 0.5;

/**
 * Matches content words one-to-one, best pairs first (order-free, so moved clauses still
 * count), and reports how much of each side's content weight the other side renders.
 */
export function softMatch(
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
  matcher: WordMatcher,
): SoftMatch {
  const links: SoftMatch['links'] = [];
  if (sameForms(left, right)) {
    const figures = identicalMatch(left, right, (l, r) =>
      links.push({ left: l, right: r, match: EQUAL_MATCH }),
    );
    return { ...figures, links };
  }
  const sums = greedyMatch(left, right, matcher, (l, r, match) =>
    links.push({ left: left[l]!.index, right: right[r]!.index, match }),
  );
  return { ...coverages(sums, left, right), links };
}

/**
 * softMatch's coverages and the number of its links, without listing the links: sentence
 * linking scores every candidate pair of sentences this way, and keeps only the figures.
 */
export function softCoverage(
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
  matcher: WordMatcher,
): Omit<SoftMatch, 'links'> & { linkCount: number } {
  // A sentence copied as it is: every word is linked to itself.
  if (sameForms(left, right)) return { ...identicalMatch(left, right), linkCount: left.length };
  const sums = greedyMatch(left, right, matcher);
  return { ...coverages(sums, left, right), linkCount: sums.links };
}

interface GreedySums {
  leftGain: number;
  rightGain: number;
  leftStrictGain: number;
  rightStrictGain: number;
  links: number;
}

/**
 * The greedy one-to-one matching: candidate word pairs scoring at least MIN_WORD_SCORE, taken
 * best first (score, then weight, then position) while both words are free. Works in the
 * matcher's scratch arrays, so the millions of sentence pairs of a trace allocate nothing here.
 */
function greedyMatch(
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
  matcher: WordMatcher,
  onLink?: (left: number, right: number, match: WordMatch) => void,
): GreedySums {
  const scratch = matcher.matchScratch.reserve(left.length, right.length);
  let count = 0;
  try {
    for (let l = 0; l < left.length; l++) {
      const form = left[l]!.form;
      const leftWeight = left[l]!.weight;
      for (let r = 0; r < right.length; r++) {
        const match = matcher.matchForms(form, right[r]!.form);
        if (match.score < MIN_WORD_SCORE) continue;
        scratch.add(count++, l, r, match, match.score * Math.min(leftWeight, right[r]!.weight));
      }
    }
    const order = scratch.sortedOrder(count);
    const sums: GreedySums = { leftGain: 0, rightGain: 0, leftStrictGain: 0, rightStrictGain: 0, links: 0 };
    const { leftUsed, rightUsed, lefts, rights, matches } = scratch;
    for (let position = 0; position < count; position++) {
      const candidate = order[position]!;
      const l = lefts[candidate]!;
      const r = rights[candidate]!;
      if (leftUsed[l] || rightUsed[r]) continue;
      leftUsed[l] = 1;
      rightUsed[r] = 1;
      const match = matches[candidate]!;
      sums.leftGain += left[l]!.weight * match.score;
      sums.rightGain += right[r]!.weight * match.score;
      if (STRICT_OPS.has(match.op)) {
        sums.leftStrictGain += left[l]!.weight * match.score;
        sums.rightStrictGain += right[r]!.weight * match.score;
      }
      sums.links++;
      onLink?.(l, r, match);
    }
    return sums;
  } finally {
    // Whatever happened, the next call finds the flags clear.
    scratch.release(count, left.length, right.length);
  }
}

/** The shares of each side's content weight that the matching renders, overall and strictly. */
function coverages(
  sums: GreedySums,
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
): Omit<SoftMatch, 'links'> {
  const leftTotal = totalWeight(left);
  const rightTotal = totalWeight(right);
  return {
    leftCovered: ratio(sums.leftGain, leftTotal),
    rightCovered: ratio(sums.rightGain, rightTotal),
    leftStrict: ratio(sums.leftStrictGain, leftTotal),
    rightStrict: ratio(sums.rightStrictGain, rightTotal),
  };
}

function sameForms(left: readonly WeightedToken[], right: readonly WeightedToken[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++)
    if (left[index]!.form !== right[index]!.form) return false;
  return true;
}

/**
 * softMatch of two sides with the same words in the same order (a sentence copied as it is),
 * without comparing every pair: each word matches itself. The links and sums come in the
 * order softMatch's greedy pass takes them (heaviest first, then by position), so the result
 * is the same to the last bit.
 */
function identicalMatch(
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
  onLink?: (left: number, right: number) => void,
): Omit<SoftMatch, 'links'> {
  // The same forms weigh the same on both sides.
  const order = left.map((_, index) => index).sort((x, y) => left[y]!.weight - left[x]!.weight || x - y);
  let gain = 0;
  for (const index of order) {
    gain += left[index]!.weight;
    onLink?.(left[index]!.index, right[index]!.index);
  }
  const covered = ratio(gain, totalWeight(left));
  return { leftCovered: covered, rightCovered: covered, leftStrict: covered, rightStrict: covered };
}

export function totalWeight(tokens: readonly WeightedToken[]): number {
  let total = 0;
  for (const token of tokens) total += token.weight;
  return total;
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}

/** Harmonic mean of the two coverages: high only when each side renders the other. */
export function harmonic(x: number, y: number): number {
  return x + y > 0 ? (2 * x * y) / (x + y) : 0;
}
