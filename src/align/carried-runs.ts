import type { SentencePair, TokenEdit, TokenOp } from '../model/alignment.js';

/** Token steps that carry a word of the source over into the copy (not a substitute, insert or delete). */
const KEPT_OPS: ReadonlySet<TokenOp> = new Set(['equal', 'synonym', 'related', 'spelling']);

/** Room for each side's token index in one numeric key (articles hold far fewer tokens). */
const KEY_SIDE = 2 ** 26;

export interface CarriedRuns {
  /** Longest run of words copied exactly, both sides advancing one token at a time. */
  exact: number;
  /** The same with words swapped for a synonym, a related word or a respelling kept in the run. */
  kept: number;
}

/**
 * The longest runs of words carried over in order across the sentence pairs of one reuse: a
 * run goes on from one sentence into the next when both texts go on there too, as a word
 * n-gram seed extended along the text would. A passage of several short lines copied word for
 * word makes one long run, where each line alone is short; spinning keeps the run going word
 * by word where two texts that only share a topic break it. Edits `skip` refuses end a run.
 */
export function carriedRuns(
  pairs: readonly SentencePair[],
  skip: (edit: TokenEdit) => boolean = () => false,
): CarriedRuns {
  const steps: Array<{ a: number; b: number; exact: boolean }> = [];
  for (const pair of pairs) {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null || !KEPT_OPS.has(edit.op) || skip(edit)) continue;
      steps.push({ a: edit.a, b: edit.b, exact: edit.op === 'equal' });
    }
  }
  // In source order, so each step finds the run ending just before it already measured.
  steps.sort((x, y) => x.a - y.a || x.b - y.b);
  const exactRuns = new Map<number, number>();
  const keptRuns = new Map<number, number>();
  let exact = 0;
  let kept = 0;
  for (const step of steps) {
    const key = step.a * KEY_SIDE + step.b;
    const before = (step.a - 1) * KEY_SIDE + (step.b - 1);
    const keptRun = (keptRuns.get(before) ?? 0) + 1;
    keptRuns.set(key, Math.max(keptRuns.get(key) ?? 0, keptRun));
    kept = Math.max(kept, keptRun);
    if (!step.exact) continue;
    const exactRun = (exactRuns.get(before) ?? 0) + 1;
    exactRuns.set(key, Math.max(exactRuns.get(key) ?? 0, exactRun));
    exact = Math.max(exact, exactRun);
  }
  return { exact, kept };
}
