import { seededRandom } from '../seeded-random.js';
/**
 * Folds for cross-validation. Grouped folds hold out whole groups (every answer to one question),
 * so nothing of a held-out group is seen in training; k folds are stratified by label and
 * shuffled with a seeded generator, so the same data always gives the same folds.
 */

/** One fold per distinct group, in sorted group order: each fold's indices share its group. */
export function groupedFolds(groups: readonly string[]): number[][] {
  const distinct = [...new Set(groups)].sort();
  return distinct.map((group) => groups.flatMap((value, index) => (value === group ? [index] : [])));
}

/** k folds of about equal size, each with about the same share of every label. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const label of [...new Set(labels)].sort()) {
    const members = labels.flatMap((value, index) => (value === label ? [index] : []));
    shuffle(members, random);
    for (const index of members) {
      folds[next % k]!.push(index);
      next++;
    }
  }
  return folds.map((fold) => fold.sort((x, y) => x - y));
}

/** The indices outside one fold: the training part when that fold is held out. */
export function complement(fold: readonly number[], size: number): number[] {
  const held = new Set(fold);
  return Array.from({ length: size }, (_, index) => index).filter((index) => !held.has(index));
}

function shuffle(items: number[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
