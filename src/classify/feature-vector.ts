import { contentWeight } from '../align/weights.js';
import { cached } from '../memo.js';
import type { AnalysedArticle, Token } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import { stemHashes, wordKeys } from '../text/word-keys.js';
import type { RelationFeatures } from './features.js';
import { type GramSet, gramContainment, ngramKeysUpTo } from './gram-keys.js';
import {
  clippedPrecision,
  editsPerHundredReused,
  longestCommonSubsequence,
  ngramContainment,
  wordTiles,
} from './overlap.js';
import { RELATION_WEIGHTS } from './relation-model.js';
import { differingScores, differingWords, type WordWeights } from './word-weights.js';

/**
 * The numeric figures the learned relation models read, shares in [0, 1] unless said otherwise. "x" is the side more
 * contained in the other (the candidate copy), "y" the other side; every figure is computed
 * from that orientation, so comparing A with B or B with A gives the same vector.
 */
export const FEATURE_NAMES = [
  // Word n-gram containment of x in y (stems, every word), n = 1..5, and of y in x.
  'containment1',
  'containment2',
  'containment3',
  'containment4',
  'containment5',
  'containmentOther1',
  'containmentOther2',
  'containmentOther3',
  /** Share of x's distinct content words (no function words) found in y, plain and weighted by rarity. */
  'contentContainment',
  'rareContainment',
  // Longest common subsequence over x's and over y's length; greedy string tiling of x.
  'lcs',
  'lcsOther',
  'tiling',
  /** Local edits inside the tiled (copied) text, per 100 tiled words: how the reused part was changed. */
  'reusedEdits',
  // The alignment's figures (meaning-aware coverage, exact-or-synonym coverage, verbatim runs).
  'coverage',
  'coverageOther',
  'strict',
  'strictOther',
  'verbatim',
  'verbatimOther',
  /** Share of the aligned part of x that is verbatim: how the reused part was changed. */
  'alignedVerbatim',
  'alignedStrict',
  /** Aligned content words swapped for synonyms or related words, and kept exactly. */
  'swaps',
  'kept',
  'ownBigrams',
  'ownVerbatim',
  'topical',
  'numberConflicts',
  // MT-metric-like clipped n-gram precision (BLEU counts) of x against y and of y against x.
  'precision1',
  'precision2',
  'precision3',
  'precision4',
  'recall1',
  'recall2',
  'recall3',
  'recall4',
  // The same over surface words (inflection kept).
  'wordPrecision1',
  'wordPrecision2',
  'wordRecall1',
  'wordRecall2',
  /** Content-word (no function words) set overlap: Jaccard of stems. */
  'contentJaccard',
  /** Numbers: 1 when both sides state the same set (or none), else their Jaccard. */
  'numbersAgree',
  /** Names (capitalised content words): Jaccard of the two sets, 1 when neither has any. */
  'namesAgree',
  /** Shorter side's word count over the longer's. */
  'lengthRatio',
  /** Content words of x and of y with no equal stem on the other side, as log(1 + count). */
  'unmatchedContent',
  'unmatchedContentOther',
  /** BLEU-like geometric mean of the clipped 1..4-gram precisions, both ways. */
  'bleu',
  'bleuOther',
  /**
   * Words one side has and the other does not, read through learned per-word weights (see
   * word-weights.ts): their sum, and the single word most against a paraphrase.
   */
  'differingWeight',
  'differingWorst',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** Longest token sequence the LCS runs on: beyond it even the bit-parallel table costs more than it tells. */
const MAX_LCS_TOKENS = 20000;

export function featureVector(
  a: AnalysedArticle,
  b: AnalysedArticle,
  base: RelationFeatures,
  stats: { coverageA: number; coverageB: number; verbatimA: number; verbatimB: number },
  lexicon: Lexicon,
  scope: 'document' | 'all' = 'all',
  wordWeights: WordWeights | undefined = RELATION_WEIGHTS.sentence.words,
): FeatureVector {
  const bIsX = base.contained === 'b';
  const [x, y] = bIsX ? [b, a] : [a, b];
  const { stems: stemsX, words: wordsX } = sequencesOf(x);
  const { stems: stemsY, words: wordsY } = sequencesOf(y);
  const all = scope === 'all';
  const lcs =
    all && stemsX.length <= MAX_LCS_TOKENS && stemsY.length <= MAX_LCS_TOKENS
      ? longestCommonSubsequence(stemsX, stemsY)
      : 0;
  // Figures only the sentence model reads cost time on long documents: 0 unless asked for.
  const only = (compute: () => number): number => (all ? compute() : 0);
  const verbatimOther = bIsX ? stats.verbatimA : stats.verbatimB;
  const differing = all ? differingScores(differingWords(x, y, lexicon), wordWeights) : { sum: 0, worst: 0 };
  const tiles = wordTiles(stemKeys(x).words, stemKeys(y).words);
  const tiled = tiles.reduce((sum, tile) => sum + tile.length, 0);
  return {
    containment1: stemGramContainment(x, y, 1),
    containment2: stemGramContainment(x, y, 2),
    containment3: stemGramContainment(x, y, 3),
    containment4: stemGramContainment(x, y, 4),
    containment5: stemGramContainment(x, y, 5),
    containmentOther1: only(() => stemGramContainment(y, x, 1)),
    containmentOther2: only(() => stemGramContainment(y, x, 2)),
    containmentOther3: only(() => stemGramContainment(y, x, 3)),
    contentContainment: only(() => ngramContainment(contentStems(x), contentStems(y), 1)),
    rareContainment: only(() => weightedContainment(x, y, lexicon)),
    lcs: ratio(lcs, stemsX.length),
    lcsOther: ratio(lcs, stemsY.length),
    tiling: ratio(tiled, stemsX.length),
    reusedEdits: editsPerHundredReused(tiles),
    coverage: base.coverage,
    coverageOther: base.coverageOther,
    strict: base.strict,
    strictOther: base.strictOther,
    verbatim: base.verbatim,
    verbatimOther,
    alignedVerbatim: base.coverage > 0 ? Math.min(1, base.verbatim / base.coverage) : 0,
    alignedStrict: base.coverage > 0 ? Math.min(1, base.strict / base.coverage) : 0,
    swaps: base.spin,
    kept: base.kept,
    ownBigrams: base.ownBigrams,
    ownVerbatim: base.ownVerbatim,
    topical: base.topical,
    numberConflicts: base.numberConflicts,
    precision1: only(() => clippedPrecision(stemsX, stemsY, 1)),
    precision2: only(() => clippedPrecision(stemsX, stemsY, 2)),
    precision3: only(() => clippedPrecision(stemsX, stemsY, 3)),
    precision4: only(() => clippedPrecision(stemsX, stemsY, 4)),
    recall1: only(() => clippedPrecision(stemsY, stemsX, 1)),
    recall2: only(() => clippedPrecision(stemsY, stemsX, 2)),
    recall3: only(() => clippedPrecision(stemsY, stemsX, 3)),
    recall4: only(() => clippedPrecision(stemsY, stemsX, 4)),
    wordPrecision1: only(() => clippedPrecision(wordsX, wordsY, 1)),
    wordPrecision2: only(() => clippedPrecision(wordsX, wordsY, 2)),
    wordRecall1: only(() => clippedPrecision(wordsY, wordsX, 1)),
    wordRecall2: only(() => clippedPrecision(wordsY, wordsX, 2)),
    contentJaccard: only(() =>
      jaccard(
        stemSet(x.tokens, (token) => !token.stop),
        stemSet(y.tokens, (token) => !token.stop),
      ),
    ),
    numbersAgree: only(() =>
      jaccard(
        stemSet(x.tokens, (token) => token.kind === 'number'),
        stemSet(y.tokens, (token) => token.kind === 'number'),
      ),
    ),
    namesAgree: only(() => jaccard(stemSet(x.tokens, isName), stemSet(y.tokens, isName))),
    lengthRatio: only(() =>
      ratio(Math.min(stemsX.length, stemsY.length), Math.max(stemsX.length, stemsY.length)),
    ),
    unmatchedContent: only(() => Math.log1p(unmatched(x, y))),
    unmatchedContentOther: only(() => Math.log1p(unmatched(y, x))),
    bleu: only(() => geometricMean([1, 2, 3, 4].map((n) => clippedPrecision(stemsX, stemsY, n)))),
    bleuOther: only(() => geometricMean([1, 2, 3, 4].map((n) => clippedPrecision(stemsY, stemsX, n)))),
    differingWeight: differing.sum,
    differingWorst: differing.worst,
  };
}

/** An article's stems and surface words in order, listed once per article. */
const SEQUENCES = new WeakMap<AnalysedArticle, { stems: string[]; words: string[] }>();

function sequencesOf(article: AnalysedArticle): { stems: string[]; words: string[] } {
  return cached(SEQUENCES, article, () => ({
    stems: article.tokens.map((token) => token.stem),
    words: article.tokens.map((token) => token.norm),
  }));
}

/**
 * Distinct stem n-grams of each article, worked out once per article: a trace compares an
 * article with many others, and building the sets is most of a containment's cost.
 */
/** An article's stems as word hashes, their keys, and their n-gram keys for n = 1..5. */
interface StemKeys {
  words: Float64Array;
  grams: GramSet[];
}
const STEM_KEYS = new WeakMap<AnalysedArticle, StemKeys>();
/** Longest n-gram a containment feature counts. */
const LONGEST_GRAM = 5;

/** ngramContainment over the two articles' stems, from the cached n-gram keys. */
function stemGramContainment(x: AnalysedArticle, y: AnalysedArticle, n: number): number {
  return gramContainment(stemKeys(x).grams[n - 1]!, stemKeys(y).grams[n - 1]!);
}

function stemKeys(article: AnalysedArticle): StemKeys {
  return cached(STEM_KEYS, article, () => {
    const hashes = stemHashes(article.tokens);
    return { words: wordKeys(hashes), grams: ngramKeysUpTo(hashes, LONGEST_GRAM) };
  });
}

function contentStems(article: AnalysedArticle): string[] {
  return article.tokens.filter((token) => !token.stop).map((token) => token.stem);
}

/** Share of x's distinct content stems found in y, each weighing its rarity (an IDF proxy). */
function weightedContainment(x: AnalysedArticle, y: AnalysedArticle, lexicon: Lexicon): number {
  const weights = new Map<string, number>();
  for (const token of x.tokens) {
    if (!token.stop)
      weights.set(token.stem, Math.max(weights.get(token.stem) ?? 0, contentWeight(token, lexicon)));
  }
  const inY = new Set(y.tokens.map((token) => token.stem));
  let total = 0;
  let found = 0;
  for (const [stem, weight] of weights) {
    total += weight;
    if (inY.has(stem)) found += weight;
  }
  return ratio(found, total);
}

/** Content words of one side whose stem the other side never uses. */
function unmatched(x: AnalysedArticle, y: AnalysedArticle): number {
  const stemsY = new Set(y.tokens.map((token) => token.stem));
  return x.tokens.filter((token) => !token.stop && !stemsY.has(token.stem)).length;
}

/** Geometric mean with add-one smoothing of zero precisions (as sentence-level BLEU does). */
function geometricMean(values: readonly number[]): number {
  const logs = values.map((value) => Math.log(Math.max(value, 0.01)));
  return Math.exp(logs.reduce((sum, value) => sum + value, 0) / values.length);
}

function isName(token: Token): boolean {
  return token.kind === 'word' && token.capitalized && !token.stop;
}

function stemSet(tokens: readonly Token[], keep: (token: Token) => boolean): Set<string> {
  const stems = new Set<string>();
  for (const token of tokens) if (keep(token)) stems.add(token.stem);
  return stems;
}

/** Jaccard of two sets; two empty sets agree fully. */
function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const item of x) if (y.has(item)) shared++;
  return shared / (x.size + y.size - shared);
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
