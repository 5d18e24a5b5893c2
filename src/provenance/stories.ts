import { PARTIAL_SHARE } from '../classify/partial-reuse.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { DERIVED_RELATIONS, type PairResult } from '../model/relation.js';
import model from './story-model.json' with { type: 'json' };

/**
 * How documents are grouped into stories, as `npm run train:stories` chose it on public data
 * (story-model.json): derived families join whole, and two groups merge when the average
 * TF-IDF cosine over all their cross pairs reaches `threshold`.
 */
export const STORY_MODEL: { readonly threshold: number } = model;

/**
 * Whether a pair's relation puts both documents in one story by itself: a derived pair does,
 * unless it is a partial reuse where each text is mostly its own (a few sentences of one put
 * into the other): a shared passage is copying, not one event, and such documents join only when
 * they are close as a whole, like any others.
 */
export function joinsStory(
  result: Pick<PairResult, 'relation' | 'partial' | 'sourceShare' | 'copyShare'>,
): boolean {
  if (!DERIVED_RELATIONS.has(result.relation)) return false;
  if (result.partial !== true) return true;
  return Math.max(result.sourceShare ?? 0, result.copyShare ?? 0) >= PARTIAL_SHARE;
}

/** A document's words weighed by TF-IDF over the traced set, with unit length. */
export type TermVector = ReadonlyMap<string, number>;

/** The similarity of documents i < j; pairs that share no weighed word are left out (0). */
export interface PairSimilarity {
  i: number;
  j: number;
  similarity: number;
}

/** How often each content stem (stopwords aside, numbers kept) occurs in a document. */
export function termCounts(document: AnalysedArticle): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of document.tokens) {
    if (!token.stop) terms.set(token.stem, (terms.get(token.stem) ?? 0) + 1);
  }
  return terms;
}

/**
 * TF-IDF vectors of the documents' content words (their term counts): sublinear term
 * frequency, smoothed inverse document frequency over the set itself (1 + ln((1 + N) / (1 + df))),
 * so words every page of the set carries (its site's chrome, everyday news words) weigh least,
 * in any language.
 */
export function storyVectors(counts: ReadonlyArray<ReadonlyMap<string, number>>): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) {
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = counts.length;
  return counts.map((terms) => {
    const vector = new Map<string, number>();
    let squares = 0;
    // Default sort: by UTF-16 code units, the same on every machine.
    for (const term of [...terms.keys()].sort()) {
      const count = terms.get(term)!;
      if (count === 0) continue;
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

/**
 * Cosine of every pair of vectors that share a word, through an inverted index (i < j, sorted).
 * The index is flat typed arrays (term ids, postings in document order), and document i reads
 * each of its terms' postings only past its own place in them: a set of thousands of pages
 * shares everyday words across nearly every pair, so this loop is most of a trace's story work.
 */
export function storySimilarities(vectors: readonly TermVector[]): PairSimilarity[] {
  const index = invertedIndex(vectors);
  const similarities: PairSimilarity[] = [];
  const dot = new Float64Array(vectors.length);
  for (let i = 0; i < vectors.length; i++) {
    // Summed in term order (vectors are built sorted), so the figure never depends on input order.
    for (let entry = index.entryStarts[i]!; entry < index.entryStarts[i + 1]!; entry++) {
      const weight = index.postingWeights[index.entryPostings[entry]!]!;
      const end = index.postingEnds[entry]!;
      for (let posting = index.entryPostings[entry]! + 1; posting < end; posting++) {
        dot[index.postingDocuments[posting]!]! += weight * index.postingWeights[posting]!;
      }
    }
    for (let j = i + 1; j < vectors.length; j++) {
      if (dot[j]! > 0) similarities.push({ i, j, similarity: dot[j]! });
      dot[j] = 0;
    }
  }
  return similarities;
}

/**
 * The vectors' entries in document order, each pointing at its own posting in its term's list
 * (the lists laid end to end, documents in order) and at the end of that list.
 */
interface InvertedIndex {
  /** Document i's entries are entryStarts[i] .. entryStarts[i + 1]. */
  entryStarts: Int32Array;
  entryPostings: Int32Array;
  postingEnds: Int32Array;
  postingDocuments: Int32Array;
  postingWeights: Float64Array;
}

function invertedIndex(vectors: readonly TermVector[]): InvertedIndex {
  const termIds = new Map<string, number>();
  const listLengths: number[] = [];
  let entries = 0;
  for (const vector of vectors) {
    for (const term of vector.keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = listLengths.length;
        termIds.set(term, id);
        listLengths.push(0);
      }
      listLengths[id]!++;
      entries++;
    }
  }
  const listStarts = new Int32Array(listLengths.length + 1);
  listLengths.forEach((length, id) => {
    listStarts[id + 1] = listStarts[id]! + length;
  });
  const filled = listStarts.slice(0, -1);
  const index: InvertedIndex = {
    entryStarts: new Int32Array(vectors.length + 1),
    entryPostings: new Int32Array(entries),
    postingEnds: new Int32Array(entries),
    postingDocuments: new Int32Array(entries),
    postingWeights: new Float64Array(entries),
  };
  let entry = 0;
  vectors.forEach((vector, document) => {
    for (const [term, weight] of vector) {
      const id = termIds.get(term)!;
      const posting = filled[id]!++;
      index.postingDocuments[posting] = document;
      index.postingWeights[posting] = weight;
      index.entryPostings[entry] = posting;
      index.postingEnds[entry] = listStarts[id + 1]!;
      entry++;
    }
    index.entryStarts[document + 1] = entry;
  });
  return index;
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
  const groups: Array<number[] | null> = derivedFamilies(count, derivedLinks);
  const groupOf = new Int32Array(count);
  groups.forEach((members, group) => {
    for (const member of members!) groupOf[member] = group;
  });
  // Summed similarity between groups, both ways round; pairs that share no word sum to 0.
  const sums = groups.map(() => new Map<number, number>());
  for (const { i, j, similarity } of similarities) {
    const [x, y] = [groupOf[i]!, groupOf[j]!];
    if (x === y) continue;
    sums[x]!.set(y, (sums[x]!.get(y) ?? 0) + similarity);
    sums[y]!.set(x, (sums[y]!.get(x) ?? 0) + similarity);
  }
  const average = (x: number, y: number): number =>
    (sums[x]!.get(y) ?? 0) / (groups[x]!.length * groups[y]!.length);
  // Pairs of groups close enough to merge. A merged group's average with a third lies between its
  // parts' averages, so only pairs already in here, or new ones of a merged group, can qualify.
  let ready: Array<[number, number]> = [];
  sums.forEach((row, x) => {
    for (const y of row.keys()) if (x < y && average(x, y) >= threshold) ready.push([x, y]);
  });
  while (ready.length > 0) {
    const [low, high] = ready.reduce((best, next) => (isBetter(next, best, average) ? next : best));
    groups[low] = [...groups[low]!, ...groups[high]!];
    groups[high] = null;
    for (const [other, sum] of sums[high]!) {
      sums[other]!.delete(high);
      if (other === low) continue;
      const merged = (sums[low]!.get(other) ?? 0) + sum;
      sums[low]!.set(other, merged);
      sums[other]!.set(low, merged);
    }
    sums[low]!.delete(high);
    sums[high]!.clear();
    ready = ready.filter(([x, y]) => x !== low && y !== low && x !== high && y !== high);
    for (const other of sums[low]!.keys()) {
      if (average(low, other) >= threshold) ready.push(low < other ? [low, other] : [other, low]);
    }
  }
  return groups
    .filter((members): members is number[] => members !== null)
    .map((members) => members.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

/** Higher average first; on a tie, the pair of lower group numbers. */
function isBetter(
  next: readonly [number, number],
  best: readonly [number, number],
  average: (x: number, y: number) => number,
): boolean {
  const [nextAverage, bestAverage] = [average(...next), average(...best)];
  if (nextAverage !== bestAverage) return nextAverage > bestAverage;
  return next[0] !== best[0] ? next[0] < best[0] : next[1] < best[1];
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
