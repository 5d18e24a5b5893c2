import type { Alignment, AlignmentStats, SentencePair } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import { isCanonicalOrder } from './canonical-order.js';
import { classifySentencePair, countEdits } from './pair-kind.js';
import { buildPassages } from './passages.js';
import { contentTokens, linkSentences, type SentenceLink } from './sentence-links.js';
import { softMatch, totalWeight, type WeightedToken } from './soft-match.js';
import { swapAlignment } from './swap.js';
import { alignTokens } from './token-edits.js';
import { share, sharedRuns } from './verbatim.js';
import { shareVocabulary, vocabularyOf } from './vocabulary.js';
import { tokenWeights } from './weights.js';
import { WordMatcher } from './word-match.js';

/**
 * Aligns a source (a) with a copy (b): which sentences correspond and how each was carried
 * over, the passages reused or left out, and the figures every relation decision uses.
 */
export function alignArticles(a: AnalysedArticle, b: AnalysedArticle, lexicon: Lexicon): Alignment {
  return isCanonicalOrder(a, b) ? alignInOrder(a, b, lexicon) : swapAlignment(alignInOrder(b, a, lexicon));
}

function alignInOrder(a: AnalysedArticle, b: AnalysedArticle, lexicon: Lexicon): Alignment {
  const matcher = WordMatcher.for(lexicon);
  matcher.beginAlignment();
  const weightsA = tokenWeights(a, lexicon);
  const weightsB = tokenWeights(b, lexicon);
  const contentA = contentTokens(a, weightsA, matcher);
  const contentB = contentTokens(b, weightsB, matcher);
  const links = linkSentences(a, b, contentA, contentB, matcher);
  const pairs = links.map((link) => sentencePair(a, b, link, weightsA, weightsB, matcher));
  const runs = sharedRuns(a.tokens, b.tokens);
  const wordCounts = countEdits(
    pairs.flatMap((pair) => pair.edits).filter((edit) => isContentEdit(edit, a, b)),
  );
  const sideA = sideCoverage(contentA, contentB, links, 'a', matcher);
  const sideB = sideCoverage(contentB, contentA, links, 'b', matcher);
  const stats: AlignmentStats = {
    coverageA: sideA.coverage,
    coverageB: sideB.coverage,
    strictA: sideA.strict,
    strictB: sideB.strict,
    verbatimA: share(runs.inA),
    verbatimB: share(runs.inB),
    pairs: { verbatim: 0, edited: 0, spun: 0, reworded: 0 },
    topical: shareVocabulary(vocabularyOf(a, lexicon), vocabularyOf(b, lexicon)),
    words: {
      equal: wordCounts.equal,
      synonym: wordCounts.synonym,
      related: wordCounts.related,
      spelling: wordCounts.spelling,
      substitute: wordCounts.substitute,
    },
  };
  for (const pair of pairs) stats.pairs[pair.kind]++;
  return { pairs, passages: buildPassages(a, b, pairs, weightsA, weightsB), stats };
}

function sentencePair(
  a: AnalysedArticle,
  b: AnalysedArticle,
  link: SentenceLink,
  weightsA: Float64Array,
  weightsB: Float64Array,
  matcher: WordMatcher,
): SentencePair {
  const sentenceA = a.sentences[link.a]!;
  const sentenceB = b.sentences[link.b]!;
  const edits = alignTokens(
    {
      offset: sentenceA.tokenStart,
      tokens: a.tokens.slice(sentenceA.tokenStart, sentenceA.tokenEnd),
      weights: Array.from(weightsA.subarray(sentenceA.tokenStart, sentenceA.tokenEnd)),
    },
    {
      offset: sentenceB.tokenStart,
      tokens: b.tokens.slice(sentenceB.tokenStart, sentenceB.tokenEnd),
      weights: Array.from(weightsB.subarray(sentenceB.tokenStart, sentenceB.tokenEnd)),
    },
    matcher,
  );
  const { kind, exact } = classifySentencePair(
    edits,
    sentenceA.tokenEnd - sentenceA.tokenStart,
    sentenceB.tokenEnd - sentenceB.tokenStart,
  );
  return { a: link.a, b: link.b, similarity: link.similarity, exact, kind, edits };
}

/**
 * Share of one side's content weight rendered by the other: each sentence is matched against
 * all the sentences it is linked to together, so a sentence split in two counts in full.
 */
function sideCoverage(
  own: readonly WeightedToken[][],
  other: readonly WeightedToken[][],
  links: readonly SentenceLink[],
  side: 'a' | 'b',
  matcher: WordMatcher,
): { coverage: number; strict: number } {
  const partners = new Map<number, number[]>();
  for (const link of links) {
    const mine = side === 'a' ? link.a : link.b;
    const theirs = side === 'a' ? link.b : link.a;
    const list = partners.get(mine);
    if (list === undefined) partners.set(mine, [theirs]);
    else list.push(theirs);
  }
  let covered = 0;
  let strict = 0;
  let total = 0;
  own.forEach((tokens, sentence) => {
    const weight = totalWeight(tokens);
    total += weight;
    const linked = partners.get(sentence);
    if (linked === undefined || weight === 0) return;
    const pooled = linked.flatMap((index) => other[index] ?? []);
    const match = softMatch(tokens, pooled, matcher);
    covered += weight * match.leftCovered;
    strict += weight * match.leftStrict;
  });
  return total > 0 ? { coverage: covered / total, strict: strict / total } : { coverage: 0, strict: 0 };
}

function isContentEdit(
  edit: { a: number | null; b: number | null },
  a: AnalysedArticle,
  b: AnalysedArticle,
): boolean {
  const token = edit.a !== null ? a.tokens[edit.a] : edit.b !== null ? b.tokens[edit.b] : undefined;
  return token !== undefined && !token.stop;
}
