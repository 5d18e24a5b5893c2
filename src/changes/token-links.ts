import type { Alignment, SentencePair, TokenOp } from '../model/alignment.js';

/** How a token was carried to the other side (inserts and deletes carry nothing). */
export type CarryOp = Exclude<TokenOp, 'insert' | 'delete'>;

/** The token a token was carried to, how, and in which sentence pair. */
export interface TokenLink {
  other: number;
  op: CarryOp;
  pair: SentencePair;
}

/** One-to-one token correspondences of an alignment, looked up from either side. */
export interface TokenLinks {
  fromSource: ReadonlyMap<number, TokenLink>;
  fromCopy: ReadonlyMap<number, TokenLink>;
}

/** Closer carries win when a token is aligned in several pairs (a sentence split in two). */
const OP_RANK: Record<CarryOp, number> = { equal: 0, spelling: 1, synonym: 2, related: 3, substitute: 4 };

/**
 * Resolves the edits of the sentence pairs into one link per token. A sentence linked to two
 * sentences of the other side appears in two pairs, aligned in one and deleted in the other;
 * the closest carry wins, then the more similar pair, so each token yields at most one change.
 */
export function resolveTokenLinks(pairs: readonly SentencePair[]): TokenLinks {
  const candidates: Array<{ a: number; b: number; op: CarryOp; pair: SentencePair; order: number }> = [];
  pairs.forEach((pair, order) => {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null || edit.op === 'insert' || edit.op === 'delete') continue;
      candidates.push({ a: edit.a, b: edit.b, op: edit.op, pair, order });
    }
  });
  candidates.sort(
    (x, y) =>
      OP_RANK[x.op] - OP_RANK[y.op] ||
      y.pair.similarity - x.pair.similarity ||
      x.order - y.order ||
      x.a - y.a ||
      x.b - y.b,
  );
  const fromSource = new Map<number, TokenLink>();
  const fromCopy = new Map<number, TokenLink>();
  for (const { a, b, op, pair } of candidates) {
    if (fromSource.has(a) || fromCopy.has(b)) continue;
    fromSource.set(a, { other: b, op, pair });
    fromCopy.set(b, { other: a, op, pair });
  }
  return { fromSource, fromCopy };
}

/** For each sentence, the sentences of the other side it is aligned with. */
export interface SentenceLinks {
  fromSource: ReadonlyMap<number, readonly number[]>;
  fromCopy: ReadonlyMap<number, readonly number[]>;
}

export function resolveSentenceLinks(pairs: readonly SentencePair[]): SentenceLinks {
  const fromSource = new Map<number, number[]>();
  const fromCopy = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, value: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  };
  for (const pair of pairs) {
    add(fromSource, pair.a, pair.b);
    add(fromCopy, pair.b, pair.a);
  }
  return { fromSource, fromCopy };
}

/** A reworded pair sharing this few exact words… */
const WEAK_EXACT = 0.25;
/** …when one of its sentences has a pair this much more similar. */
const WEAK_MARGIN = 0.15;

/**
 * The pairs that carry text over. The aligner keeps each sentence's best link even when it is
 * a poor one (a leftover sentence linked by shared names to a sentence that already has a far
 * better partner); such reworded links with few exact words are left out, so their word
 * "edits" are not reported as changes and their sentence counts as dropped or added.
 */
export function carryingPairs(alignment: Alignment): SentencePair[] {
  const bestA = new Map<number, number>();
  const bestB = new Map<number, number>();
  for (const pair of alignment.pairs) {
    bestA.set(pair.a, Math.max(bestA.get(pair.a) ?? 0, pair.similarity));
    bestB.set(pair.b, Math.max(bestB.get(pair.b) ?? 0, pair.similarity));
  }
  return alignment.pairs.filter((pair) => {
    if (pair.kind !== 'reworded' || pair.exact >= WEAK_EXACT) return true;
    const better = Math.max(bestA.get(pair.a)!, bestB.get(pair.b)!);
    return better - pair.similarity < WEAK_MARGIN;
  });
}
