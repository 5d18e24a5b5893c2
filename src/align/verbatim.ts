import type { Token } from '../model/analysis.js';
import { normHashes, runKey, sameWords } from '../text/word-keys.js';

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
  // Each run of `run` words as a 32-bit key; starts with one key are told apart by their words.
  const wordsA = normHashes(a);
  const wordsB = normHashes(b);
  // Starts of each key in a: the first in the map, later ones chained through `nextStart`.
  const firstStart = new Map<number, number>();
  const nextStart = new Int32Array(a.length).fill(-1);
  for (let i = a.length - run; i >= 0; i--) {
    const key = runKey(wordsA, i, run);
    const later = firstStart.get(key);
    if (later !== undefined) nextStart[i] = later;
    firstStart.set(key, i);
  }
  for (let j = 0; j + run <= b.length; j++) {
    for (let i = firstStart.get(runKey(wordsB, j, run)) ?? -1; i >= 0; i = nextStart[i]!) {
      if (!sameWords(wordsA, i, wordsB, j, run)) continue;
      inB.fill(1, j, j + run);
      inA.fill(1, i, i + run);
    }
  }
  return { inA, inB };
}

export function share(marks: Uint8Array): number {
  if (marks.length === 0) return 0;
  let count = 0;
  for (const mark of marks) count += mark;
  return count / marks.length;
}
