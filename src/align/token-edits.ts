import type { TokenEdit } from '../model/alignment.js';
import type { Token } from '../model/analysis.js';
import { MIN_WORD_SCORE, softMatch, type WeightedToken } from './soft-match.js';
import type { WordMatch, WordMatcher } from './word-match.js';

export interface SentenceTokens {
  /** First token index of the sentence in its article. */
  offset: number;
  tokens: readonly Token[];
  weights: readonly number[];
}

/**
 * Aligns the words of two sentences: an order-preserving alignment first (dynamic programming
 * over word match scores), then words that moved, then words replaced in place. The result
 * lists every token of both sentences exactly once, in source order.
 */
export function alignTokens(a: SentenceTokens, b: SentenceTokens, matcher: WordMatcher): TokenEdit[] {
  const monotone = monotoneAlignment(a.tokens, b.tokens, matcher);
  const matchedA = new Map<number, { b: number; match: WordMatch }>();
  const matchedB = new Set<number>();
  for (const link of monotone) {
    matchedA.set(link.a, { b: link.b, match: link.match });
    matchedB.add(link.b);
  }
  for (const link of movedWords(a, b, matchedA, matchedB, matcher)) {
    matchedA.set(link.a, { b: link.b, match: link.match });
    matchedB.add(link.b);
  }
  const substitutions = inPlaceSubstitutions(a.tokens, b.tokens, monotone, matchedA, matchedB);
  for (const [indexA, indexB] of substitutions) {
    matchedA.set(indexA, { b: indexB, match: { score: 0, op: 'substitute' } });
    matchedB.add(indexB);
  }
  const edits: TokenEdit[] = [];
  let nextB = 0;
  for (let indexA = 0; indexA < a.tokens.length; indexA++) {
    const link = matchedA.get(indexA);
    if (link !== undefined && link.b >= nextB) {
      // Words of the copy that come before this match and match nothing are insertions.
      for (; nextB < link.b; nextB++) {
        if (!matchedB.has(nextB)) edits.push({ op: 'insert', a: null, b: b.offset + nextB });
      }
      nextB = link.b + 1;
    }
    edits.push(
      link === undefined
        ? { op: 'delete', a: a.offset + indexA, b: null }
        : { op: link.match.op, a: a.offset + indexA, b: b.offset + link.b },
    );
  }
  for (; nextB < b.tokens.length; nextB++) {
    if (!matchedB.has(nextB)) edits.push({ op: 'insert', a: null, b: b.offset + nextB });
  }
  return edits;
}

interface Link {
  a: number;
  b: number;
  match: WordMatch;
}

function monotoneAlignment(a: readonly Token[], b: readonly Token[], matcher: WordMatcher): Link[] {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const score = new Float64Array(rows * columns);
  const matches: Array<WordMatch | undefined> = new Array(rows * columns);
  const formsB = b.map((token) => matcher.formOf(token));
  for (let i = 1; i < rows; i++) {
    const formA = matcher.formOf(a[i - 1]!);
    for (let j = 1; j < columns; j++) {
      const match = matcher.matchForms(formA, formsB[j - 1]!);
      const cell = i * columns + j;
      let best = Math.max(score[cell - columns]!, score[cell - 1]!);
      if (match.score >= MIN_WORD_SCORE) {
        matches[cell] = match;
        best = Math.max(best, score[cell - columns - 1]! + gain(match));
      }
      score[cell] = best;
    }
  }
  const links: Link[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    const cell = i * columns + j;
    const match = matches[cell];
    if (match !== undefined && score[cell] === score[cell - columns - 1]! + gain(match)) {
      links.push({ a: i - 1, b: j - 1, match });
      i--;
      j--;
    } else if (score[cell] === score[cell - columns]) {
      i--;
    } else {
      j--;
    }
  }
  return links.reverse();
}

/**
 * What a match is worth to the order-preserving alignment: cubed, so that one word kept as it
 * was outweighs two loose matches around it (met→risks plus risks→interest must not beat
 * risks→risks).
 */
function gain(match: WordMatch): number {
  return match.score ** 3;
}

function movedWords(
  a: SentenceTokens,
  b: SentenceTokens,
  matchedA: ReadonlyMap<number, unknown>,
  matchedB: ReadonlySet<number>,
  matcher: WordMatcher,
): Link[] {
  const leftovers = (side: SentenceTokens, used: (index: number) => boolean): WeightedToken[] =>
    side.tokens.flatMap((token, index) =>
      used(index) || token.stop
        ? []
        : [{ index, token, weight: side.weights[index] ?? 0, form: matcher.formOf(token) }],
    );
  const left = leftovers(a, (index) => matchedA.has(index));
  const right = leftovers(b, (index) => matchedB.has(index));
  if (left.length === 0 || right.length === 0) return [];
  return softMatch(left, right, matcher).links.map((link) => ({
    a: link.left,
    b: link.right,
    match: link.match,
  }));
}

/**
 * Between two order-preserving matches, content words left unmatched on both sides in equal
 * number were replaced one for one ("deterrence" → "containment").
 */
function inPlaceSubstitutions(
  a: readonly Token[],
  b: readonly Token[],
  monotone: readonly Link[],
  matchedA: ReadonlyMap<number, unknown>,
  matchedB: ReadonlySet<number>,
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const anchors = [{ a: -1, b: -1 }, ...monotone, { a: a.length, b: b.length }];
  for (let k = 1; k < anchors.length; k++) {
    const from = anchors[k - 1]!;
    const to = anchors[k]!;
    const gapA = range(from.a + 1, to.a).filter((index) => !matchedA.has(index) && !a[index]!.stop);
    const gapB = range(from.b + 1, to.b).filter((index) => !matchedB.has(index) && !b[index]!.stop);
    if (gapA.length === 0 || gapA.length !== gapB.length || gapA.length > 3) continue;
    gapA.forEach((indexA, position) => {
      pairs.push([indexA, gapB[position]!]);
    });
  }
  return pairs;
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let value = from; value < to; value++) values.push(value);
  return values;
}
