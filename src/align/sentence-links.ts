import type { AnalysedArticle } from '../model/analysis.js';
import { runSentencePairs, sharedVerbatimRuns } from './run-links.js';
import { harmonic, softCoverage, type WeightedToken } from './soft-match.js';
import type { WordMatcher } from './word-match.js';

/** A candidate correspondence between sentence a of the source and sentence b of the copy. */
export interface SentenceLink {
  a: number;
  b: number;
  /** Share of a's content rendered in b, and of b's content rendered in a. */
  aInB: number;
  bInA: number;
  similarity: number;
}

/** Thresholds of a link: two sentences say the same, or one says part of the other. */
const SIMILAR = 0.5;
const CONTAINED = 0.75;
const PARTIAL = 0.25;
const MIN_SHARED_WORDS = 2;
/**
 * Only sentences sharing a word at least this rare are scored: "said" or "year" do not make
 * two sentences worth comparing, names, numbers and topical words do.
 */
const ANCHOR_WEIGHT = 0.35;
/**
 * …and share enough of them: one topical word in common ("Russia") makes two sentences of a
 * long article worth comparing only if little else is there, which is not worth the cost.
 */
const MIN_ANCHOR_TOTAL = 0.8;
/** Source sentences scored for one copy sentence, at most. */
const MAX_CANDIDATES = 12;

/**
 * The content tokens of every sentence, weighted: built once per article and matcher (an
 * article meets many others in a trace).
 */
export function contentTokens(
  article: AnalysedArticle,
  weights: Float64Array,
  matcher: WordMatcher,
): WeightedToken[][] {
  return matcher.perArticle(article, 'content', () => {
    const forms = matcher.formsOf(article);
    return article.sentences.map((sentence) => {
      const tokens: WeightedToken[] = [];
      for (let index = sentence.tokenStart; index < sentence.tokenEnd; index++) {
        const token = article.tokens[index]!;
        if (!token.stop) tokens.push({ index, token, weight: weights[index]!, form: forms[index]! });
      }
      return tokens;
    });
  });
}

/**
 * Links sentences of a to sentences of b. A link needs the two sentences to say the same
 * (similar) or one to be contained in the other (a sentence split in two, two merged in one).
 * Only pairs sharing a rare enough stem are scored, which keeps long documents fast.
 */
export function linkSentences(
  a: AnalysedArticle,
  b: AnalysedArticle,
  contentA: readonly WeightedToken[][],
  contentB: readonly WeightedToken[][],
  matcher: WordMatcher,
): SentenceLink[] {
  const sentencesByStem = matcher.perArticle(a, 'anchors', () => anchorIndex(contentA, matcher));
  const candidates: SentenceLink[] = [];
  // Shared anchor weight per source sentence, in arrays reused for every copy sentence.
  const shared = new Float64Array(contentA.length);
  const touched: number[] = [];
  const counted = new Set<number>();
  contentB.forEach((tokensB, sentenceB) => {
    // Each stem counted once; sums in the order the stems come, as the sentence reads.
    touched.length = 0;
    counted.clear();
    for (const { form, weight } of tokensB) {
      if (weight < ANCHOR_WEIGHT) continue;
      const stem = matcher.stemOf(form);
      if (counted.has(stem)) continue;
      counted.add(stem);
      for (const sentenceA of sentencesByStem.get(stem) ?? []) {
        if (shared[sentenceA] === 0) touched.push(sentenceA);
        shared[sentenceA]! += weight;
      }
    }
    // The sentences sharing the most rare weight, a bounded number: in long documents on one
    // topic a sentence shares some rare words with dozens of others, its partner shares most.
    const worthScoring = touched
      .filter((sentence) => shared[sentence]! >= MIN_ANCHOR_TOTAL)
      .sort((x, y) => shared[y]! - shared[x]! || x - y)
      .slice(0, MAX_CANDIDATES);
    for (const sentence of touched) shared[sentence] = 0;
    for (const sentenceA of worthScoring.sort((x, y) => x - y)) {
      const tokensA = contentA[sentenceA]!;
      const match = softCoverage(tokensA, tokensB, matcher);
      const needed = Math.min(MIN_SHARED_WORDS, tokensA.length, tokensB.length);
      if (match.linkCount < needed) continue;
      const link: SentenceLink = {
        a: sentenceA,
        b: sentenceB,
        aInB: match.leftCovered,
        bInA: match.rightCovered,
        similarity: harmonic(match.leftCovered, match.rightCovered),
      };
      if (isLink(link)) candidates.push(link);
    }
  });
  candidates.push(...identicalSentences(a, b, candidates, matcher));
  candidates.push(...containedSentences(a, b, candidates, matcher));
  candidates.push(...runSentences(a, b, candidates));
  return keepStrongLinks(candidates, a.sentences.length, b.sentences.length);
}

/** The sentences of each rare enough stem (by stem id: the anchors pairs of sentences are scored on). */
function anchorIndex(content: readonly WeightedToken[][], matcher: WordMatcher): Map<number, number[]> {
  const sentencesByStem = new Map<number, number[]>();
  content.forEach((tokens, sentence) => {
    for (const { form, weight } of tokens) {
      if (weight < ANCHOR_WEIGHT) continue;
      const stem = matcher.stemOf(form);
      const list = sentencesByStem.get(stem);
      if (list === undefined) sentencesByStem.set(stem, [sentence]);
      else if (list[list.length - 1] !== sentence) list.push(sentence);
    }
  });
  return sentencesByStem;
}

/** Sentences worded alike this long are linked whatever their words weigh. */
const MIN_IDENTICAL_TOKENS = 4;

/**
 * Sentences with the same words in the same order are linked even when they share no rare
 * word (a line of figures, a sentence of common words): verbatim reuse is never missed. A
 * shorter sentence (a heading, a list line, "Photo: AP.") counts when the run of identical
 * sentences it belongs to, one after another in both texts, is that long: a few short lines
 * copied together are found as a word n-gram seed extended along the text would find them.
 */
function identicalSentences(
  a: AnalysedArticle,
  b: AnalysedArticle,
  found: readonly SentenceLink[],
  matcher: WordMatcher,
): SentenceLink[] {
  const wordingsA = matcher.perArticle(a, 'wordings', () => sentenceWordings(a));
  const wordingsB = matcher.perArticle(b, 'wordings', () => sentenceWordings(b));
  const byWording = new Map<string, number[]>();
  wordingsA.forEach((key, index) => {
    if (key === '') return;
    const list = byWording.get(key);
    if (list === undefined) byWording.set(key, [index]);
    else list.push(index);
  });
  const known = new Set(found.map((link) => `${link.a} ${link.b}`));
  const links: SentenceLink[] = [];
  wordingsB.forEach((key, sentenceB) => {
    for (const sentenceA of byWording.get(key) ?? []) {
      if (known.has(`${sentenceA} ${sentenceB}`)) continue;
      if (identicalRunLength(a, wordingsA, wordingsB, sentenceA, sentenceB) < MIN_IDENTICAL_TOKENS) continue;
      links.push({ a: sentenceA, b: sentenceB, aInB: 1, bInA: 1, similarity: 1 });
    }
  });
  return links;
}

/**
 * Tokens in the run of identically worded sentences through sentenceA of `a` and sentenceB of
 * the other text, following both texts back and forth from them while the next sentences agree.
 */
function identicalRunLength(
  a: AnalysedArticle,
  wordingsA: readonly string[],
  wordingsB: readonly string[],
  sentenceA: number,
  sentenceB: number,
): number {
  let tokens = sentenceLength(a, sentenceA);
  if (tokens >= MIN_IDENTICAL_TOKENS) return tokens;
  for (const step of [-1, 1]) {
    for (
      let i = sentenceA + step, j = sentenceB + step;
      tokens < MIN_IDENTICAL_TOKENS;
      i += step, j += step
    ) {
      const wording = wordingsA[i];
      if (wording === undefined || wording === '' || wording !== wordingsB[j]) break;
      tokens += sentenceLength(a, i);
    }
  }
  return tokens;
}

/**
 * A sentence whose words appear in the same order inside a longer sentence of the other text is
 * linked to it however little of the longer one it is: a heading or list line without a full
 * stop runs into the next sentence when it is put into running text (or several short lines are
 * joined into one), and verbatim reuse is never missed.
 */
function containedSentences(
  a: AnalysedArticle,
  b: AnalysedArticle,
  found: readonly SentenceLink[],
  matcher: WordMatcher,
): SentenceLink[] {
  const known = new Set(found.map((link) => `${link.a} ${link.b}`));
  const links: SentenceLink[] = [];
  const add = (sentenceA: number, sentenceB: number, aInB: number, bInA: number): void => {
    const key = `${sentenceA} ${sentenceB}`;
    if (known.has(key)) return;
    known.add(key);
    links.push({ a: sentenceA, b: sentenceB, aInB, bInA, similarity: harmonic(aInB, bInA) });
  };
  for (const [inner, outer] of wordingsInside(a, b, matcher)) {
    add(inner, outer, 1, sentenceLength(a, inner) / sentenceLength(b, outer));
  }
  for (const [inner, outer] of wordingsInside(b, a, matcher)) {
    add(outer, inner, sentenceLength(b, inner) / sentenceLength(a, outer), 1);
  }
  return links;
}

/**
 * Sentences wholly inside a run of words both texts share that goes on over a sentence end
 * (see runSentencePairs), linked as a contained sentence is: short lines copied together.
 */
function runSentences(
  a: AnalysedArticle,
  b: AnalysedArticle,
  found: readonly SentenceLink[],
): SentenceLink[] {
  const known = new Set(found.map((link) => `${link.a} ${link.b}`));
  const links: SentenceLink[] = [];
  for (const [sentenceA, sentenceB] of runSentencePairs(
    a,
    b,
    sharedVerbatimRuns(a, b),
    MIN_CONTAINED_CONTENT,
  )) {
    const key = `${sentenceA} ${sentenceB}`;
    if (known.has(key)) continue;
    known.add(key);
    const lengthA = sentenceLength(a, sentenceA);
    const lengthB = sentenceLength(b, sentenceB);
    const aInB = Math.min(1, lengthB / lengthA);
    const bInA = Math.min(1, lengthA / lengthB);
    links.push({ a: sentenceA, b: sentenceB, aInB, bInA, similarity: harmonic(aInB, bInA) });
  }
  return links;
}

function sentenceLength(article: AnalysedArticle, sentence: number): number {
  const { tokenStart, tokenEnd } = article.sentences[sentence]!;
  return tokenEnd - tokenStart;
}

/**
 * Content words (not stopwords) a sentence needs before its wording found inside a longer
 * sentence counts: "At 10 p.m." or "After what happened here" recur by chance.
 */
const MIN_CONTAINED_CONTENT = 3;

/**
 * Pairs [sentence of inner, sentence of outer] where the inner sentence (at least
 * MIN_IDENTICAL_TOKENS long, MIN_CONTAINED_CONTENT of them content words) is a run of tokens
 * strictly inside a longer sentence of outer.
 */
function wordingsInside(
  inner: AnalysedArticle,
  outer: AnalysedArticle,
  matcher: WordMatcher,
): Array<[number, number]> {
  const byFirstWord = matcher.perArticle(inner, 'first-words', () => sentencesByFirstWord(inner));
  const pairs: Array<[number, number]> = [];
  if (byFirstWord.size === 0) return pairs;
  outer.sentences.forEach((sentence, outerIndex) => {
    const length = sentence.tokenEnd - sentence.tokenStart;
    const seen = new Set<number>();
    for (let start = sentence.tokenStart; start < sentence.tokenEnd; start++) {
      for (const innerIndex of byFirstWord.get(outer.tokens[start]!.norm) ?? []) {
        const innerSentence = inner.sentences[innerIndex]!;
        const innerLength = innerSentence.tokenEnd - innerSentence.tokenStart;
        if (innerLength >= length || start + innerLength > sentence.tokenEnd || seen.has(innerIndex))
          continue;
        let same = true;
        for (let offset = 1; offset < innerLength && same; offset++) {
          same = inner.tokens[innerSentence.tokenStart + offset]!.norm === outer.tokens[start + offset]!.norm;
        }
        if (!same) continue;
        seen.add(innerIndex);
        pairs.push([innerIndex, outerIndex]);
      }
    }
  });
  return pairs;
}

/** Sentences long enough to be found inside another, by their first word. */
function sentencesByFirstWord(inner: AnalysedArticle): Map<string, number[]> {
  const byFirstWord = new Map<string, number[]>();
  inner.sentences.forEach((sentence, index) => {
    if (sentence.tokenEnd - sentence.tokenStart < MIN_IDENTICAL_TOKENS) return;
    let content = 0;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      if (!inner.tokens[token]!.stop) content++;
    }
    if (content < MIN_CONTAINED_CONTENT) return;
    const first = inner.tokens[sentence.tokenStart]!.norm;
    const list = byFirstWord.get(first);
    if (list === undefined) byFirstWord.set(first, [index]);
    else list.push(index);
  });
  return byFirstWord;
}

/** Each sentence's words joined (empty for a sentence without words). */
function sentenceWordings(article: AnalysedArticle): string[] {
  return article.sentences.map((sentence) => {
    return article.tokens
      .slice(sentence.tokenStart, sentence.tokenEnd)
      .map((token) => token.norm)
      .join(' ');
  });
}

function isLink(link: SentenceLink): boolean {
  if (link.similarity >= SIMILAR) return true;
  return Math.max(link.aInB, link.bInA) >= CONTAINED && Math.min(link.aInB, link.bInA) >= PARTIAL;
}

/**
 * A link stays when it is the best one of its source sentence or of its copy sentence: a
 * sentence split in two keeps both halves (each half's best is the whole), while weaker
 * secondary links, noise from shared names, go. A source sentence's best link does not stay
 * when its copy sentence renders another source sentence far better: that copy sentence is
 * taken, and the link is only the names they share.
 */
const TAKEN_MARGIN = 0.3;

function keepStrongLinks(candidates: SentenceLink[], countA: number, countB: number): SentenceLink[] {
  const bestForA = new Float64Array(countA);
  const bestForB = new Float64Array(countB);
  for (const link of candidates) {
    bestForA[link.a] = Math.max(bestForA[link.a]!, link.similarity);
    bestForB[link.b] = Math.max(bestForB[link.b]!, link.similarity);
  }
  return candidates
    .filter(
      (link) =>
        link.similarity === bestForB[link.b] ||
        (link.similarity === bestForA[link.a] && link.similarity >= bestForB[link.b]! - TAKEN_MARGIN),
    )
    .sort((x, y) => x.a - y.a || x.b - y.b);
}
