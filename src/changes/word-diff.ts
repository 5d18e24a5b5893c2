import type { AnalysedArticle } from '../model/analysis.js';

/** A run of words that differ between two token sequences; either side may be empty. */
export interface WordDifference {
  source: number[];
  copy: number[];
}

/**
 * The differing runs of two token sequences, from their longest common subsequence of words
 * with the same stem (so "work"/"working" and case or quote style do not count as changes).
 */
export function wordDifferences(
  source: AnalysedArticle,
  sourceTokens: readonly number[],
  copy: AnalysedArticle,
  copyTokens: readonly number[],
): WordDifference[] {
  const rows = sourceTokens.length + 1;
  const columns = copyTokens.length + 1;
  const lengths = new Uint16Array(rows * columns);
  const same = (i: number, j: number): boolean => {
    const x = source.tokens[sourceTokens[i]!]!;
    const y = copy.tokens[copyTokens[j]!]!;
    return x.stem === y.stem || x.norm === y.norm;
  };
  for (let i = sourceTokens.length - 1; i >= 0; i--) {
    for (let j = copyTokens.length - 1; j >= 0; j--) {
      const cell = i * columns + j;
      lengths[cell] = same(i, j)
        ? lengths[cell + columns + 1]! + 1
        : Math.max(lengths[cell + columns]!, lengths[cell + 1]!);
    }
  }
  const differences: WordDifference[] = [];
  let current: WordDifference = { source: [], copy: [] };
  const flush = (): void => {
    if (current.source.length > 0 || current.copy.length > 0) differences.push(current);
    current = { source: [], copy: [] };
  };
  let i = 0;
  let j = 0;
  while (i < sourceTokens.length || j < copyTokens.length) {
    if (i < sourceTokens.length && j < copyTokens.length && same(i, j)) {
      flush();
      i++;
      j++;
    } else if (
      j >= copyTokens.length ||
      (i < sourceTokens.length && lengths[(i + 1) * columns + j]! >= lengths[i * columns + j + 1]!)
    ) {
      current.source.push(sourceTokens[i++]!);
    } else {
      current.copy.push(copyTokens[j++]!);
    }
  }
  flush();
  return withoutMovedWords(source, copy, differences);
}

/**
 * A word left out in one place and added in another was moved ("Ultimately, I think" → "I
 * think ultimately"): word order is not wording, so both sides of a move are dropped.
 */
function withoutMovedWords(
  source: AnalysedArticle,
  copy: AnalysedArticle,
  differences: readonly WordDifference[],
): WordDifference[] {
  const added = new Map<string, number[]>();
  for (const difference of differences) {
    for (const index of difference.copy) {
      const stem = copy.tokens[index]!.stem;
      const list = added.get(stem);
      if (list === undefined) added.set(stem, [index]);
      else list.push(index);
    }
  }
  const moved = new Set<number>();
  const movedCopy = new Set<number>();
  for (const difference of differences) {
    for (const index of difference.source) {
      const candidates = added.get(source.tokens[index]!.stem);
      const target = candidates?.shift();
      if (target === undefined) continue;
      moved.add(index);
      movedCopy.add(target);
    }
  }
  return differences
    .map((difference) => ({
      source: difference.source.filter((index) => !moved.has(index)),
      copy: difference.copy.filter((index) => !movedCopy.has(index)),
    }))
    .filter((difference) => difference.source.length > 0 || difference.copy.length > 0);
}
