import { share, sharedRuns } from '../align/verbatim.js';
import { contentWeight } from '../align/weights.js';
import { cached } from '../memo.js';
import type { Alignment } from '../model/alignment.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
import { lowerBound } from '../sorted-search.js';
import type { Lexicon } from '../text/lexicon.js';
import { canonicalText } from '../text/normalize.js';
import { pickHashes, runKey53, stemHashes, type WordHashes } from '../text/word-keys.js';

/** The figures a relation is decided from, all in [0, 1] except the flag. */
export interface RelationFeatures {
  identical: boolean;
  /** The side more contained in the other (the candidate copy); ties go to the shorter text. */
  contained: 'a' | 'b';
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
  /**
   * The same two shares leaving out what independent reports of one event share anyway: the
   * words of direct quotes and names ("Secretary General Jens Stoltenberg").
   */
  ownBigrams: number;
  ownVerbatim: number;
  /** Share of aligned content words swapped for synonyms or related words. */
  spin: number;
  /** Share of aligned content words kept exactly. */
  kept: number;
  /** Share of aligned sentence pairs whose numbers disagree. */
  numberConflicts: number;
  /** Vocabulary overlap, alignment aside. */
  topical: number;
  /** Sentence pairs the alignment found. */
  alignedPairs: number;
  /** Distinct rare names both documents mention. */
  sharedNames: number;
}

export function relationFeatures(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
): RelationFeatures {
  const stats = alignment.stats;
  const bIsContained = isBContained(a, b, stats.coverageA, stats.coverageB);
  const [contained, other] = bIsContained ? [b, a] : [a, b];
  const words = stats.words;
  const aligned = words.equal + words.synonym + words.related + words.spelling + words.substitute;
  return {
    identical: canonicalTextOf(a) === canonicalTextOf(b),
    contained: bIsContained ? 'b' : 'a',
    sentences: Math.min(a.sentences.length, b.sentences.length),
    coverage: bIsContained ? stats.coverageB : stats.coverageA,
    coverageOther: bIsContained ? stats.coverageA : stats.coverageB,
    strict: bIsContained ? stats.strictB : stats.strictA,
    strictOther: bIsContained ? stats.strictA : stats.strictB,
    verbatim: bIsContained ? stats.verbatimB : stats.verbatimA,
    bigrams: bigramContainment(wordsOf(contained).bigrams, wordsOf(other).bigrams),
    ownBigrams: bigramContainment(wordsOf(contained).ownBigrams, wordsOf(other).ownBigrams),
    ownVerbatim: share(sharedRuns(wordsOf(contained).own, wordsOf(other).own).inA),
    spin: aligned > 0 ? (words.synonym + words.related) / aligned : 0,
    kept: aligned > 0 ? words.equal / aligned : 0,
    numberConflicts: numberConflicts(a, b, alignment),
    topical: stats.topical,
    alignedPairs: alignment.pairs.length,
    sharedNames: sharedNames(a, b, lexicon),
  };
}

/** Each article's canonical text, worked out once per article (it meets many others). */
const CANONICAL_TEXTS = new WeakMap<AnalysedArticle, string>();

function canonicalTextOf(article: AnalysedArticle): string {
  return cached(CANONICAL_TEXTS, article, () => canonicalText(article.article.text));
}

/** Orientation that does not depend on argument order: coverage, then length, then the text itself. */
function isBContained(a: AnalysedArticle, b: AnalysedArticle, coverageA: number, coverageB: number): boolean {
  if (coverageA !== coverageB) return coverageB > coverageA;
  if (a.tokens.length !== b.tokens.length) return b.tokens.length < a.tokens.length;
  return b.article.text < a.article.text;
}

/** A name rare enough to identify an event ("Bonaccini", "Emilia-Romagna"), unlike "Monday" or "Facebook". */
const NAME_WEIGHT = 0.7;

function sharedNames(a: AnalysedArticle, b: AnalysedArticle, lexicon: Lexicon): number {
  const namesB = namesOf(b, lexicon);
  let shared = 0;
  for (const name of namesOf(a, lexicon)) if (namesB.has(name)) shared++;
  return shared;
}

/** Each article's rare names, listed once per article (an article's analysis belongs to one engine and lexicon). */
const ARTICLE_NAMES = new WeakMap<AnalysedArticle, Set<string>>();

function namesOf(article: AnalysedArticle, lexicon: Lexicon): Set<string> {
  return cached(ARTICLE_NAMES, article, () => {
    const names = new Set<string>();
    for (const token of article.tokens) {
      const isName = token.kind === 'word' && token.capitalized && !token.stop;
      if (isName && contentWeight(token, lexicon) >= NAME_WEIGHT) names.add(token.stem);
    }
    return names;
  });
}

/** Positions of the tokens a writer chose: outside direct quotes, and not names. */
function ownPositions(tokens: readonly Token[]): number[] {
  const positions: number[] = [];
  tokens.forEach((token, index) => {
    if (!token.quoted && !token.capitalized) positions.push(index);
  });
  return positions;
}

/** An article's word lists the features read, built once per article (it meets many others). */
interface ArticleWords {
  bigrams: Bigrams;
  own: Token[];
  ownBigrams: Bigrams;
}

/** Bigrams as 53-bit keys (see word-keys): in text order, and sorted without repeats. */
interface Bigrams {
  all: Float64Array;
  distinct: Float64Array;
}

const ARTICLE_WORDS = new WeakMap<AnalysedArticle, ArticleWords>();

function wordsOf(article: AnalysedArticle): ArticleWords {
  return cached(ARTICLE_WORDS, article, () => {
    const stems = stemHashes(article.tokens);
    const positions = ownPositions(article.tokens);
    const own = positions.map((index) => article.tokens[index]!);
    return {
      bigrams: bigramsOf(article.tokens, stems),
      own,
      ownBigrams: bigramsOf(own, pickHashes(stems, positions)),
    };
  });
}

/** Bigrams of two function words ("of the") say nothing about reuse and are skipped. */
function bigramsOf(list: readonly Token[], stems: WordHashes): Bigrams {
  const keys: number[] = [];
  for (let index = 1; index < list.length; index++) {
    if (!list[index - 1]!.stop || !list[index]!.stop) keys.push(runKey53(stems, index - 1, 2));
  }
  const all = Float64Array.from(keys);
  const sorted = Float64Array.from(keys).sort();
  let kept = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (kept === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index]!;
  }
  return { all, distinct: sorted.subarray(0, kept) };
}

/** Share of own's bigrams (repeats counted) found in other's. */
function bigramContainment(own: Bigrams, other: Bigrams): number {
  if (own.all.length === 0) return 0;
  let shared = 0;
  for (const key of own.all) {
    const at = lowerBound(other.distinct, key);
    if (at < other.distinct.length && other.distinct[at] === key) shared++;
  }
  return shared / own.all.length;
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
