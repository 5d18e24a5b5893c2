import type { AnalysedArticle } from '../model/analysis.js';
import model from './story-model.json' with { type: 'json' };

/**
 * How documents are grouped into stories, as `npm run train:stories` chose it on public data
 * (story-model.json): derived families join whole, and two groups merge when the average
 * TF-IDF cosine over all their cross pairs reaches `threshold`.
 */
export const STORY_MODEL: { readonly threshold: number } = model;

/** A document's words weighed by TF-IDF over the traced set, with unit length. */
export type TermVector = ReadonlyMap<string, number>;

/** The similarity of documents i < j; pairs that share no weighed word are left out (0). */
export interface PairSimilarity {
  i: number;
  j: number;
  similarity: number;
}

/**
 * TF-IDF vectors of the documents' content words (stems, numbers kept): sublinear term
 * frequency, smoothed inverse document frequency over the set itself (1 + ln((1 + N) / (1 + df))),
 * so words every page of the set carries (its site's chrome, everyday news words) weigh least,
 * in any language.
 */
export function storyVectors(documents: readonly AnalysedArticle[]): TermVector[] {
  const counts = documents.map((document) => {
    const terms = new Map<string, number>();
    for (const token of document.tokens) {
      if (!token.stop) terms.set(token.stem, (terms.get(token.stem) ?? 0) + 1);
    }
    return terms;
  });
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) {
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.length;
  return counts.map((terms) => {
    const vector = new Map<string, number>();
    let squares = 0;
    for (const [term, count] of [...terms].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const idf = 1 + Math.log((1 + total) / (1 + documentFrequency.get(term)!));
      const weight = (1 + Math.log(count)) * idf;
      vector.set(term, weight);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares);
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Cosine of every pair of vectors that share a word, through an inverted index (i < j, sorted). */
export function storySimilarities(vectors: readonly TermVector[]): PairSimilarity[] {
  const postings = new Map<string, Array<{ document: number; weight: number }>>();
  vectors.forEach((vector, document) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [{ document, weight }]);
      else list.push({ document, weight });
    }
  });
  const similarities: PairSimilarity[] = [];
  for (let i = 0; i < vectors.length; i++) {
    // Summed in term order (vectors are built sorted), so the figure never depends on input order.
    const dot = new Map<number, number>();
    for (const [term, weight] of vectors[i]!) {
      for (const posting of postings.get(term)!) {
        if (posting.document > i)
          dot.set(posting.document, (dot.get(posting.document) ?? 0) + weight * posting.weight);
      }
    }
    for (const j of [...dot.keys()].sort((x, y) => x - y))
      similarities.push({ i, j, similarity: dot.get(j)! });
  }
  return similarities;
}

/**
 * Stories: derived families first (a copy belongs with what it copies, however it changed the
 * wording), then average-linkage merging: the two groups whose cross pairs are most similar on
 * average merge while that average reaches the threshold. A document joins a story by being
 * close to all of it, not through one neighbour, so unrelated pages cannot chain into one story.
 * Groups are returned with sorted members, ordered by their first member; indices are the
 * caller's (canonical) order, which alone breaks ties.
 */
export function groupStories(
  count: number,
  derivedLinks: ReadonlyArray<readonly [number, number]>,
  similarities: readonly PairSimilarity[],
  threshold: number,
): number[][] {
  const groups = derivedFamilies(count, derivedLinks);
  const groupOf = new Int32Array(count);
  groups.forEach((members, group) => {
    for (const member of members) groupOf[member] = group;
  });
  // Summed similarity between every two groups that share a weighed word, keyed by the lower group.
  const sums = new Map<number, Map<number, number>>();
  const addSum = (x: number, y: number, value: number): void => {
    const [low, high] = x < y ? [x, y] : [y, x];
    const row = sums.get(low) ?? new Map<number, number>();
    row.set(high, (row.get(high) ?? 0) + value);
    sums.set(low, row);
  };
  for (const { i, j, similarity } of similarities) {
    const [x, y] = [groupOf[i]!, groupOf[j]!];
    if (x !== y) addSum(x, y, similarity);
  }
  const alive: Array<number[] | null> = groups.map((members) => [...members]);
  for (;;) {
    let best: { low: number; high: number; average: number } | null = null;
    for (const [low, row] of sums) {
      for (const [high, sum] of row) {
        const average = sum / (alive[low]!.length * alive[high]!.length);
        if (best === null || isBetter(average, low, high, best)) best = { low, high, average };
      }
    }
    if (best === null || best.average < threshold) break;
    mergeGroups(best.low, best.high, alive, sums, addSum);
  }
  return alive
    .filter((members): members is number[] => members !== null)
    .map((members) => members.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

/** Higher average first; on a tie, the pair of lower group numbers (Map order is never used). */
function isBetter(
  average: number,
  low: number,
  high: number,
  best: { low: number; high: number; average: number },
) {
  if (average !== best.average) return average > best.average;
  return low !== best.low ? low < best.low : high < best.high;
}

/** Folds group `high` into `low`, adding up the similarity sums each had with every other group. */
function mergeGroups(
  low: number,
  high: number,
  alive: Array<number[] | null>,
  sums: Map<number, Map<number, number>>,
  addSum: (x: number, y: number, value: number) => void,
): void {
  alive[low] = [...alive[low]!, ...alive[high]!];
  alive[high] = null;
  sums.get(low)?.delete(high);
  const moved: Array<[number, number]> = [...(sums.get(high) ?? [])];
  sums.delete(high);
  for (const [other, row] of sums) {
    const sum = row.get(high);
    if (sum === undefined) continue;
    row.delete(high);
    moved.push([other, sum]);
  }
  for (const [other, sum] of moved.sort(([x], [y]) => x - y)) addSum(low, other, sum);
  for (const [key, row] of [...sums]) if (row.size === 0) sums.delete(key);
}

/** Connected components of the derived links, each sorted, ordered by first member. */
export function derivedFamilies(count: number, links: ReadonlyArray<readonly [number, number]>): number[][] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const find = (node: number): number => {
    let current = node;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  for (const [i, j] of links) {
    const [x, y] = [find(i), find(j)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const families = new Map<number, number[]>();
  for (let node = 0; node < count; node++) {
    const root = find(node);
    const family = families.get(root);
    if (family === undefined) families.set(root, [node]);
    else family.push(node);
  }
  return [...families.values()].sort((x, y) => x[0]! - y[0]!);
}
