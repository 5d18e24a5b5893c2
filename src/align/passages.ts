import type { Passage, SentencePair } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Span } from '../model/span.js';

/**
 * Groups aligned sentence pairs into passages (runs of neighbouring pairs of one kind), and
 * sentences aligned to nothing into dropped (source only) and added (copy only) passages,
 * one per run of neighbouring sentences in a paragraph.
 */
export function buildPassages(
  a: AnalysedArticle,
  b: AnalysedArticle,
  pairs: readonly SentencePair[],
): Passage[] {
  const passages: Passage[] = [];
  let current: Passage | null = null;
  let lastPair: SentencePair | null = null;
  for (const pair of pairs) {
    // A passage stays inside one paragraph on each side, so that its span never covers page
    // chrome the extractor removed between two paragraphs.
    const continues =
      current !== null &&
      lastPair !== null &&
      current.kind === pair.kind &&
      pair.a - lastPair.a <= 1 &&
      pair.a >= lastPair.a &&
      pair.b - lastPair.b <= 1 &&
      pair.b >= lastPair.b &&
      a.sentences[pair.a]!.paragraph === a.sentences[lastPair.a]!.paragraph &&
      b.sentences[pair.b]!.paragraph === b.sentences[lastPair.b]!.paragraph;
    if (current !== null && continues) {
      addSentence(current, 'a', pair.a, a);
      addSentence(current, 'b', pair.b, b);
      current.similarity = Math.min(current.similarity, pair.similarity);
    } else {
      current = {
        kind: pair.kind,
        a: sentenceSpan(a, pair.a),
        b: sentenceSpan(b, pair.b),
        sentencesA: [pair.a],
        sentencesB: [pair.b],
        similarity: pair.similarity,
      };
      passages.push(current);
    }
    lastPair = pair;
  }
  passages.push(...unaligned(a, new Set(pairs.map((pair) => pair.a)), 'dropped'));
  passages.push(...unaligned(b, new Set(pairs.map((pair) => pair.b)), 'added'));
  return passages.sort(
    (x, y) =>
      (x.a?.start ?? Number.MAX_SAFE_INTEGER) - (y.a?.start ?? Number.MAX_SAFE_INTEGER) ||
      (x.b?.start ?? Number.MAX_SAFE_INTEGER) - (y.b?.start ?? Number.MAX_SAFE_INTEGER),
  );
}

function sentenceSpan(article: AnalysedArticle, index: number): Span {
  const sentence = article.sentences[index]!;
  return { start: sentence.start, end: sentence.end };
}

function addSentence(passage: Passage, side: 'a' | 'b', index: number, article: AnalysedArticle): void {
  const list = side === 'a' ? passage.sentencesA : passage.sentencesB;
  if (!list.includes(index)) list.push(index);
  const span = sentenceSpan(article, index);
  const current = passage[side]!;
  passage[side] = { start: Math.min(current.start, span.start), end: Math.max(current.end, span.end) };
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
