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
