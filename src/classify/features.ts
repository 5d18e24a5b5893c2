import type { Alignment } from '../model/alignment.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
import { canonicalText } from '../text/normalize.js';

/** The figures a relation is decided from, all in [0, 1] except the flag. */
export interface RelationFeatures {
  identical: boolean;
  /** Sentences in the shorter document: single sentences are judged as paraphrases. */
  sentences: number;
  /** Content of the more-contained side rendered by the other (meaning-aware). */
  coverage: number;
  /** The same for the other side: low when one document is a trimmed part of the other. */
  coverageOther: number;
  /** Coverage counting only exact words, respellings and synonyms. */
  strict: number;
  strictOther: number;
  /** Share of the more-contained side inside verbatim runs shared with the other. */
  verbatim: number;
  /** Share of the more-contained side's word pairs (bigrams) found in the other. */
  bigrams: number;
  /** Share of aligned content words swapped for synonyms or related words. */
  spin: number;
  /** Share of aligned content words kept exactly. */
  kept: number;
  /** Share of aligned sentence pairs whose numbers disagree. */
  numberConflicts: number;
  /** Vocabulary overlap, alignment aside. */
  topical: number;
}

export function relationFeatures(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
): RelationFeatures {
  const stats = alignment.stats;
  const bIsContained = stats.coverageB >= stats.coverageA;
  const [contained, other] = bIsContained ? [b, a] : [a, b];
  const words = stats.words;
  const aligned = words.equal + words.synonym + words.related + words.spelling + words.substitute;
  return {
    identical: canonicalText(a.article.text) === canonicalText(b.article.text),
    sentences: Math.min(a.sentences.length, b.sentences.length),
    coverage: bIsContained ? stats.coverageB : stats.coverageA,
    coverageOther: bIsContained ? stats.coverageA : stats.coverageB,
    strict: bIsContained ? stats.strictB : stats.strictA,
    strictOther: bIsContained ? stats.strictA : stats.strictB,
    verbatim: bIsContained ? stats.verbatimB : stats.verbatimA,
    bigrams: bigramContainment(contained.tokens, other.tokens),
    spin: aligned > 0 ? (words.synonym + words.related) / aligned : 0,
    kept: aligned > 0 ? words.equal / aligned : 0,
    numberConflicts: numberConflicts(a, b, alignment),
    topical: stats.topical,
  };
}

/** Bigrams of two function words ("of the") say nothing about reuse and are skipped. */
function bigramContainment(tokens: readonly Token[], other: readonly Token[]): number {
  const bigrams = (list: readonly Token[]): string[] => {
    const keys: string[] = [];
    for (let index = 1; index < list.length; index++) {
      const first = list[index - 1]!;
      const second = list[index]!;
      if (!first.stop || !second.stop) keys.push(`${first.stem} ${second.stem}`);
    }
    return keys;
  };
  const own = bigrams(tokens);
  if (own.length === 0) return 0;
  const theirs = new Set(bigrams(other));
  return own.filter((key) => theirs.has(key)).length / own.length;
}

function numberConflicts(a: AnalysedArticle, b: AnalysedArticle, alignment: Alignment): number {
  if (alignment.pairs.length === 0) return 0;
  const numbersOf = (article: AnalysedArticle, sentence: number): Set<string> => {
    const { tokenStart, tokenEnd } = article.sentences[sentence]!;
    const numbers = new Set<string>();
    for (let index = tokenStart; index < tokenEnd; index++) {
      const token = article.tokens[index]!;
      if (token.kind === 'number') numbers.add(token.stem);
    }
    return numbers;
  };
  let conflicts = 0;
  for (const pair of alignment.pairs) {
    const numbersA = numbersOf(a, pair.a);
    const numbersB = numbersOf(b, pair.b);
    if (numbersA.size === 0 || numbersB.size === 0) continue;
    const [smaller, larger] = numbersA.size <= numbersB.size ? [numbersA, numbersB] : [numbersB, numbersA];
    if ([...smaller].some((number) => !larger.has(number))) conflicts++;
  }
  return conflicts / alignment.pairs.length;
}
