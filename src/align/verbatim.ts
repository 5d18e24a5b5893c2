import type { Token } from '../model/analysis.js';

/** Length in words of the shortest run that counts as copied verbatim. */
export const VERBATIM_RUN = 4;

/**
 * Marks the tokens of each side that lie inside a run of at least VERBATIM_RUN words that the
 * other side contains too (case, punctuation and quote style aside).
 */
export function sharedRuns(
  a: readonly Token[],
  b: readonly Token[],
  run = VERBATIM_RUN,
): { inA: Uint8Array; inB: Uint8Array } {
  const inA = new Uint8Array(a.length);
  const inB = new Uint8Array(b.length);
  if (a.length < run || b.length < run) return { inA, inB };
  // Words as small integers, each run of `run` words as one number (exact while it fits in a
  // double's integer range): no string is built per position.
  const ids = new Map<string, number>();
  const idsOf = (tokens: readonly Token[]): Int32Array => {
    const words = new Int32Array(tokens.length);
    for (let index = 0; index < tokens.length; index++) {
      const norm = tokens[index]!.norm;
      let id = ids.get(norm);
      if (id === undefined) {
        id = ids.size;
        ids.set(norm, id);
      }
      words[index] = id;
    }
    return words;
  };
  const wordsA = idsOf(a);
  const wordsB = idsOf(b);
  const base = ids.size;
  if (base ** run > Number.MAX_SAFE_INTEGER) return sharedRunsByText(a, b, run);
  const gramAt = (words: Int32Array, start: number): number => {
    let key = 0;
    for (let k = 0; k < run; k++) key = key * base + words[start + k]!;
    return key;
  };
  // Starts of each run of a: the first in the map, later ones chained through `nextStart`.
  const firstStart = new Map<number, number>();
  const nextStart = new Int32Array(a.length).fill(-1);
  for (let i = a.length - run; i >= 0; i--) {
    const key = gramAt(wordsA, i);
    const later = firstStart.get(key);
    if (later !== undefined) nextStart[i] = later;
    firstStart.set(key, i);
  }
  for (let j = 0; j + run <= b.length; j++) {
    let i = firstStart.get(gramAt(wordsB, j)) ?? -1;
    if (i < 0) continue;
    inB.fill(1, j, j + run);
    for (; i >= 0; i = nextStart[i]!) inA.fill(1, i, i + run);
  }
  return { inA, inB };
}

/** The same marks through runs spelt out as text, for vocabularies too large to number runs exactly. */
function sharedRunsByText(
  a: readonly Token[],
  b: readonly Token[],
  run: number,
): { inA: Uint8Array; inB: Uint8Array } {
  const inA = new Uint8Array(a.length);
  const inB = new Uint8Array(b.length);
  const gramsOfA = new Map<string, number[]>();
  for (let i = 0; i + run <= a.length; i++) {
    const key = gram(a, i, run);
    const starts = gramsOfA.get(key);
    if (starts === undefined) gramsOfA.set(key, [i]);
    else starts.push(i);
  }
  for (let j = 0; j + run <= b.length; j++) {
    const starts = gramsOfA.get(gram(b, j, run));
    if (starts === undefined) continue;
    inB.fill(1, j, j + run);
    for (const i of starts) inA.fill(1, i, i + run);
  }
  return { inA, inB };
}

function gram(tokens: readonly Token[], start: number, run: number): string {
  let key = tokens[start]!.norm;
  for (let k = 1; k < run; k++) key += ` ${tokens[start + k]!.norm}`;
  return key;
}

export function share(marks: Uint8Array): number {
  if (marks.length === 0) return 0;
  let count = 0;
  for (const mark of marks) count += mark;
  return count / marks.length;
}
