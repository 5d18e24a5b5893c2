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
  if (sameForms(left, right)) return identicalMatch(left, right);
  // Candidate pairs in parallel arrays, not one object each: this runs for every sentence pair.
  const lefts: number[] = [];
  const rights: number[] = [];
  const matches: WordMatch[] = [];
  const values: number[] = [];
  for (let l = 0; l < left.length; l++) {
    const form = left[l]!.form;
    for (let r = 0; r < right.length; r++) {
      const match = matcher.matchForms(form, right[r]!.form);
      if (match.score < MIN_WORD_SCORE) continue;
      lefts.push(l);
      rights.push(r);
      matches.push(match);
      values.push(match.score * Math.min(left[l]!.weight, right[r]!.weight));
    }
  }
  const order = matches.map((_, index) => index);
  order.sort(
    (x, y) =>
      matches[y]!.score - matches[x]!.score ||
      values[y]! - values[x]! ||
      lefts[x]! - lefts[y]! ||
      rights[x]! - rights[y]!,
  );
  const leftUsed = new Uint8Array(left.length);
  const rightUsed = new Uint8Array(right.length);
  const links: SoftMatch['links'] = [];
  let leftGain = 0;
  let rightGain = 0;
  let leftStrictGain = 0;
  let rightStrictGain = 0;
  for (const candidate of order) {
    const l = lefts[candidate]!;
    const r = rights[candidate]!;
    if (leftUsed[l] || rightUsed[r]) continue;
    leftUsed[l] = 1;
    rightUsed[r] = 1;
    const match = matches[candidate]!;
    const leftToken = left[l]!;
    const rightToken = right[r]!;
    leftGain += leftToken.weight * match.score;
    rightGain += rightToken.weight * match.score;
    if (STRICT_OPS.has(match.op)) {
      leftStrictGain += leftToken.weight * match.score;
      rightStrictGain += rightToken.weight * match.score;
    }
    links.push({ left: leftToken.index, right: rightToken.index, match });
  }
  const leftTotal = totalWeight(left);
  const rightTotal = totalWeight(right);
  return {
    leftCovered: ratio(leftGain, leftTotal),
    rightCovered: ratio(rightGain, rightTotal),
    leftStrict: ratio(leftStrictGain, leftTotal),
    rightStrict: ratio(rightStrictGain, rightTotal),
    links,
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
function identicalMatch(left: readonly WeightedToken[], right: readonly WeightedToken[]): SoftMatch {
  // The same forms weigh the same on both sides.
  const order = left.map((_, index) => index).sort((x, y) => left[y]!.weight - left[x]!.weight || x - y);
  let gain = 0;
  const links: SoftMatch['links'] = [];
  for (const index of order) {
    gain += left[index]!.weight;
    links.push({ left: left[index]!.index, right: right[index]!.index, match: EQUAL_MATCH });
  }
  const covered = ratio(gain, totalWeight(left));
  return { leftCovered: covered, rightCovered: covered, leftStrict: covered, rightStrict: covered, links };
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
