import type { Passage, PassagePart, SentencePair } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Span } from '../model/span.js';
import type { LogisticModel } from './logistic.js';
import { paragraphBlocks } from './paragraph-blocks.js';
import { PASSAGE_MODEL, passageEvidence, reuseProbability } from './passage-evidence.js';

/**
 * Aligned sentences this many sentences apart on a side still belong to one reuse: a sentence
 * or two inserted, dropped or reworded beyond recognition inside a reused passage.
 */
export const MAX_SENTENCE_GAP = 2;

/** Where two neighbouring pairs of one reuse may lie, sentence indices and text blocks. */
export interface PairPlace {
  a: number;
  b: number;
}

/**
 * Two aligned sentence pairs belong to one reuse when they are close on both sides, inside one
 * block of contiguous text on each side (a passage span never covers text the extractor
 * removed between two paragraphs), and, beyond a swap of neighbours, in the same order.
 */
export function areNeighbours(
  p: PairPlace,
  q: PairPlace,
  blocksA: ArrayLike<number>,
  blocksB: ArrayLike<number>,
): boolean {
  const stepA = q.a - p.a;
  const stepB = q.b - p.b;
  if (Math.abs(stepA) > 1 + MAX_SENTENCE_GAP || Math.abs(stepB) > 1 + MAX_SENTENCE_GAP) return false;
  if (blocksA[p.a] !== blocksA[q.a] || blocksB[p.b] !== blocksB[q.b]) return false;
  return (Math.abs(stepA) <= 1 && Math.abs(stepB) <= 1) || stepA * stepB >= 0;
}

/**
 * Groups of pairs (indices into `pairs`) joined by chains of neighbours, each sorted, the groups
 * in order of their first pair. `pairs` must be sorted by a, then b.
 */
export function reuseGroups(
  pairs: readonly PairPlace[],
  blocksA: ArrayLike<number>,
  blocksB: ArrayLike<number>,
): number[][] {
  const parent = pairs.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  for (let i = 0; i < pairs.length; i++) {
    // Sorted by a: only the next few source sentences can hold a neighbour.
    for (let j = i + 1; j < pairs.length && pairs[j]!.a - pairs[i]!.a <= 1 + MAX_SENTENCE_GAP; j++) {
      if (!areNeighbours(pairs[i]!, pairs[j]!, blocksA, blocksB)) continue;
      const [x, y] = [root(i), root(j)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  const groups = new Map<number, number[]>();
  pairs.forEach((_, index) => {
    const key = root(index);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  return [...groups.values()];
}

const KIND_ORDER: ReadonlyArray<PassagePart['kind']> = ['verbatim', 'edited', 'spun', 'reworded'];

/**
 * Groups aligned sentence pairs into passages, one per reuse (see areNeighbours), each with the
 * runs of one kind it is made of; and sentences aligned to nothing into dropped (source only)
 * and added (copy only) passages, one per run of neighbouring sentences in a paragraph.
 */
export function buildPassages(
  a: AnalysedArticle,
  b: AnalysedArticle,
  pairs: readonly SentencePair[],
  weightsA: ArrayLike<number>,
  weightsB: ArrayLike<number>,
  model: LogisticModel = PASSAGE_MODEL,
): Passage[] {
  // A group of links the passage model does not take for reuse (a few shared names) is no
  // passage: its sentences count as dropped and added.
  const groups = oneReusePerSentence(reuseCandidates(a, b, pairs), (group) =>
    reuseProbability(model, passageEvidence(group, a, weightsA, weightsB)),
  )
    .filter(({ likelihood }) => likelihood >= model.threshold)
    .map(({ group }) => group);
  const passages: Passage[] = groups.map((group) => reusePassage(a, b, group));
  const kept = groups.flat();
  passages.push(...unaligned(a, new Set(kept.map((pair) => pair.a)), 'dropped'));
  passages.push(...unaligned(b, new Set(kept.map((pair) => pair.b)), 'added'));
  return passages.sort(
    (x, y) =>
      (x.a?.start ?? Number.MAX_SAFE_INTEGER) - (y.a?.start ?? Number.MAX_SAFE_INTEGER) ||
      (x.b?.start ?? Number.MAX_SAFE_INTEGER) - (y.b?.start ?? Number.MAX_SAFE_INTEGER),
  );
}

/**
 * Each sentence is reused from one place: a sentence that two candidate groups share (a copied
 * sentence linked both to its origin and to another sentence of the same article, which shares
 * its topic and names) stays in the group more likely a reuse, and the other group keeps only
 * its other pairs. Groups are taken most likely first (on a tie, in order); the groups kept are
 * returned in their order.
 */
export function oneReusePerSentence(
  groups: readonly SentencePair[][],
  likelihood: (group: readonly SentencePair[]) => number,
): Array<{ group: SentencePair[]; likelihood: number }> {
  const scores = groups.map((group) => likelihood(group));
  const order = groups.map((_, index) => index).sort((x, y) => scores[y]! - scores[x]! || x - y);
  const claimedA = new Set<number>();
  const claimedB = new Set<number>();
  const kept: Array<{ group: SentencePair[]; likelihood: number } | null> = groups.map(() => null);
  for (const index of order) {
    const group = groups[index]!;
    const rest = group.filter((pair) => !claimedA.has(pair.a) && !claimedB.has(pair.b));
    if (rest.length === 0) continue;
    // A group that lost pairs is judged again on the pairs it keeps.
    kept[index] = {
      group: rest,
      likelihood: rest.length === group.length ? scores[index]! : likelihood(rest),
    };
    for (const pair of rest) {
      claimedA.add(pair.a);
      claimedB.add(pair.b);
    }
  }
  return kept.filter((entry): entry is { group: SentencePair[]; likelihood: number } => entry !== null);
}

/** The aligned sentence pairs grouped into candidate reuses (see areNeighbours), each sorted by a, then b. */
export function reuseCandidates(
  a: AnalysedArticle,
  b: AnalysedArticle,
  pairs: readonly SentencePair[],
): SentencePair[][] {
  const sorted = [...pairs].sort((x, y) => x.a - y.a || x.b - y.b);
  return reuseGroups(sorted, sentenceBlocks(a), sentenceBlocks(b)).map((group) =>
    group.map((index) => sorted[index]!),
  );
}

/** The input block (see paragraphBlocks) of each sentence. */
function sentenceBlocks(article: AnalysedArticle): Int32Array {
  const blocks = paragraphBlocks(article.article);
  return Int32Array.from(article.sentences, (sentence) => blocks[sentence.paragraph] ?? 0);
}

/** One reuse: its spans on both sides, its parts, its dominant kind and weighted similarity. */
function reusePassage(a: AnalysedArticle, b: AnalysedArticle, group: readonly SentencePair[]): Passage {
  const parts: PassagePart[] = [];
  let current: PassagePart | null = null;
  let lastPair: SentencePair | null = null;
  for (const pair of group) {
    const continues =
      current !== null &&
      lastPair !== null &&
      current.kind === pair.kind &&
      pair.a - lastPair.a <= 1 &&
      pair.b - lastPair.b <= 1 &&
      pair.b >= lastPair.b;
    if (current !== null && continues) {
      extend(current, a, b, pair);
    } else {
      current = {
        kind: pair.kind,
        a: sentenceSpan(a, pair.a),
        b: sentenceSpan(b, pair.b),
        sentencesA: [pair.a],
        sentencesB: [pair.b],
        similarity: pair.similarity,
      };
      parts.push(current);
    }
    lastPair = pair;
  }
  parts.sort((x, y) => x.b.start - y.b.start || x.a.start - y.a.start);
  const sentencesA = [...new Set(group.map((pair) => pair.a))].sort((x, y) => x - y);
  const sentencesB = [...new Set(group.map((pair) => pair.b))].sort((x, y) => x - y);
  const weight = new Map<PassagePart['kind'], number>();
  let similarity = 0;
  let total = 0;
  for (const part of parts) {
    weight.set(part.kind, (weight.get(part.kind) ?? 0) + part.sentencesB.length);
    similarity += part.similarity * part.sentencesB.length;
    total += part.sentencesB.length;
  }
  // The kind covering most copy sentences; on a tie the more changed one.
  const kind = KIND_ORDER.reduce((best, candidate) =>
    (weight.get(candidate) ?? 0) >= (weight.get(best) ?? 0) ? candidate : best,
  );
  return {
    kind,
    a: carriedSpan(a, sentencesA, group, 'a'),
    b: carriedSpan(b, sentencesB, group, 'b'),
    sentencesA,
    sentencesB,
    similarity: total > 0 ? similarity / total : 0,
    parts,
  };
}

/**
 * The passage's span on one side: its first sentence to its last, less the words before the
 * first word and after the last word aligned with the other text in those two sentences when
 * they are most of that sentence (a short line copied into a sentence of other text, or lines
 * split into sentences differently, do not bring the rest of that sentence into the passage).
 */
function carriedSpan(
  article: AnalysedArticle,
  sentences: readonly number[],
  group: readonly SentencePair[],
  side: 'a' | 'b',
): Span {
  const first = article.sentences[sentences[0]!]!;
  const last = article.sentences[sentences[sentences.length - 1]!]!;
  let firstToken = Number.MAX_SAFE_INTEGER;
  let lastToken = -1;
  for (const pair of group) {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null) continue;
      const token = side === 'a' ? edit.a : edit.b;
      firstToken = Math.min(firstToken, token);
      lastToken = Math.max(lastToken, token);
    }
  }
  // Cut only where most of the sentence lies outside: a paraphrase adds a few words at its ends.
  const before = firstToken - first.tokenStart;
  const after = last.tokenEnd - 1 - lastToken;
  const start =
    firstToken < first.tokenEnd && before > first.tokenEnd - firstToken
      ? article.tokens[firstToken]!.start
      : first.start;
  const end =
    lastToken >= last.tokenStart && after > lastToken + 1 - last.tokenStart
      ? article.tokens[lastToken]!.end
      : last.end;
  return { start, end };
}

function extend(part: PassagePart, a: AnalysedArticle, b: AnalysedArticle, pair: SentencePair): void {
  if (!part.sentencesA.includes(pair.a)) part.sentencesA.push(pair.a);
  if (!part.sentencesB.includes(pair.b)) part.sentencesB.push(pair.b);
  const spanA = sentenceSpan(a, pair.a);
  const spanB = sentenceSpan(b, pair.b);
  part.a = { start: Math.min(part.a.start, spanA.start), end: Math.max(part.a.end, spanA.end) };
  part.b = { start: Math.min(part.b.start, spanB.start), end: Math.max(part.b.end, spanB.end) };
  part.similarity = Math.min(part.similarity, pair.similarity);
}

function sentenceSpan(article: AnalysedArticle, index: number): Span {
  const sentence = article.sentences[index]!;
  return { start: sentence.start, end: sentence.end };
}

function unaligned(
  article: AnalysedArticle,
  aligned: ReadonlySet<number>,
  kind: 'dropped' | 'added',
): Passage[] {
  const passages: Passage[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = article.sentences[run[0]!]!;
    const last = article.sentences[run[run.length - 1]!]!;
    const span = { start: first.start, end: last.end };
    passages.push({
      kind,
      a: kind === 'dropped' ? span : null,
      b: kind === 'added' ? span : null,
      sentencesA: kind === 'dropped' ? run : [],
      sentencesB: kind === 'added' ? run : [],
      similarity: 0,
    });
    run = [];
  };
  for (const sentence of article.sentences) {
    const previous = run.length > 0 ? article.sentences[run[run.length - 1]!]! : null;
    if (aligned.has(sentence.index) || (previous !== null && previous.paragraph !== sentence.paragraph))
      flush();
    if (!aligned.has(sentence.index)) run.push(sentence.index);
  }
  flush();
  return passages;
}
