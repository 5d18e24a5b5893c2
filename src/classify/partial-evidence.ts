import { carriedRuns } from '../align/carried-runs.js';
import { type LogisticModel, probability, readModel } from '../align/logistic.js';
import { tokenWeights } from '../align/weights.js';
import type { Alignment, Passage, SentencePair, TokenEdit } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { type ContentStems, contentStems } from '../text/content-stems.js';
import type { Lexicon } from '../text/lexicon.js';

/**
 * What tells a passage put into another text from the few sentences two independent reports of
 * one event share (a quote, a stock phrase, a name-heavy line): how many words it carries
 * outside direct quotes and how rare they are (on the poorer side, so the figure is the same
 * whichever text is a), how exactly they were kept, how many of them a sentence holds (list lines and headings hold
 * few), the longest run of unquoted words kept in order inside one sentence, and the longest
 * runs across the passage's sentences, copied exactly and kept with synonyms (spinning keeps the
 * words in place one by one, two texts on one topic do not). Quoted words do not count there:
 * independent reports share a quote and little more, a copy carries the reporting around it too.
 * They count in one place, `quotedApart`: the shared quote's words weighed by how little else the
 * two texts share (log of the poorer side's quoted words × (1 − background)). Two reports of one
 * event share the quote along with their topic; a quote put into a text about something else
 * was taken from the other.
 * Three figures read how well the passage's sentences match, whatever their wording: the
 * sentences' mean similarity times the log of its unquoted words (a line of three words matches
 * exactly by chance, a long sentence does not), the rarity-weighted content they carry over
 * (words kept exactly, as synonyms, related words or respellings, on both sides' weights), and
 * whether the passage is reworded. A single sentence with a few words swapped, shuffled or put
 * in from the host (PAN's obfuscations) keeps too few words in order for the runs above, yet it
 * still says the same rare things as the other text; two texts on one topic say some of them,
 * in looser sentences.
 */
export const PARTIAL_FEATURES = [
  'unquotedWords',
  'unquotedWeight',
  'exact',
  'wordsPerSentence',
  'longestUnquotedRun',
  'carriedUnquotedRun',
  'keptUnquotedRun',
  'background',
  'quotedApart',
  'similarWords',
  'matchedWeight',
  'reworded',
] as const;

/** The features of one reused passage of the alignment, in PARTIAL_FEATURES order. */
export function partialEvidence(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  passage: Passage,
  lexicon: Lexicon,
): number[] {
  const inA = new Set(passage.sentencesA);
  const inB = new Set(passage.sentencesB);
  const pairs = alignment.pairs.filter((pair) => inA.has(pair.a) && inB.has(pair.b));
  // A quote is shared when both texts quote the words: a word quoted on one side only (a quote
  // mark left open across paragraphs, a quote taken into the reporting) counts as reporting.
  const quotedOneSide = { a: new Set<number>(), b: new Set<number>() };
  for (const pair of pairs) {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null) continue;
      if (a.tokens[edit.a]!.quoted === b.tokens[edit.b]!.quoted) continue;
      quotedOneSide.a.add(edit.a);
      quotedOneSide.b.add(edit.b);
    }
  }
  const isQuotedA = (token: number): boolean => a.tokens[token]!.quoted && !quotedOneSide.a.has(token);
  const isQuotedB = (token: number): boolean => b.tokens[token]!.quoted && !quotedOneSide.b.has(token);
  const sideA = unquotedContent(a, passage.sentencesA, tokenWeights(a, lexicon), isQuotedA);
  const sideB = unquotedContent(b, passage.sentencesB, tokenWeights(b, lexicon), isQuotedB);
  const exact = pairs.length > 0 ? pairs.reduce((sum, pair) => sum + pair.exact, 0) / pairs.length : 0;
  let longestRun = 0;
  for (const pair of pairs) {
    let run = 0;
    let previous: { a: number; b: number } | null = null;
    for (const edit of pair.edits) {
      const kept =
        edit.op === 'equal' && edit.a !== null && edit.b !== null && !isQuotedA(edit.a) && !isQuotedB(edit.b);
      const follows = kept && previous !== null && edit.a === previous.a + 1 && edit.b === previous.b + 1;
      run = kept ? (follows ? run + 1 : 1) : 0;
      previous = kept ? { a: edit.a!, b: edit.b! } : null;
      longestRun = Math.max(longestRun, run);
    }
  }
  const quoted = (edit: TokenEdit): boolean => isQuotedA(edit.a!) || isQuotedB(edit.b!);
  const carried = carriedRuns(pairs, quoted);
  const shared = background(a, b, passage, lexicon);
  const quotedWords = Math.min(sideA.quoted, sideB.quoted);
  const similarity =
    pairs.length > 0 ? pairs.reduce((sum, pair) => sum + pair.similarity, 0) / pairs.length : 0;
  const words = Math.log1p(Math.min(sideA.words, sideB.words));
  return [
    words,
    Math.log1p(Math.min(sideA.weight, sideB.weight)),
    exact,
    Math.log1p(
      Math.min(sideA.words, sideB.words) / Math.max(1, passage.sentencesA.length, passage.sentencesB.length),
    ),
    Math.log1p(longestRun),
    Math.log1p(carried.exact),
    Math.log1p(carried.kept),
    shared,
    Math.log1p(quotedWords) * (1 - shared),
    similarity * words,
    Math.log1p(matchedWeight(a, b, pairs, lexicon)),
    passage.kind === 'reworded' ? 1 : 0,
  ];
}

/**
 * Content weight carried over by the sentence pairs: each content word kept exactly, as a
 * synonym, a related word or a respelling, at the mean of its two sides' weights (the same
 * figure whichever text is a). A rare name or number kept counts near 1, "said" near 0.2.
 */
function matchedWeight(
  a: AnalysedArticle,
  b: AnalysedArticle,
  pairs: readonly SentencePair[],
  lexicon: Lexicon,
): number {
  const weightsA = tokenWeights(a, lexicon);
  const weightsB = tokenWeights(b, lexicon);
  let total = 0;
  for (const pair of pairs) {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null || edit.op === 'substitute') continue;
      if (a.tokens[edit.a]!.stop) continue;
      total += ((weightsA[edit.a] ?? 0) + (weightsB[edit.b] ?? 0)) / 2;
    }
  }
  return total;
}

/**
 * How much the two texts share outside the passage, weighed by rarity: the larger of the two
 * shares of one text's other content words that the other text's other content holds. Two
 * reports of one topic share much besides a passage they have in common (a stock phrase, a
 * definition); a passage put into a text about something else stands alone. 0 when either text
 * is the passage alone.
 */
function background(a: AnalysedArticle, b: AnalysedArticle, passage: Passage, lexicon: Lexicon): number {
  const restA = restWeights(a, passage.sentencesA, tokenWeights(a, lexicon));
  const restB = restWeights(b, passage.sentencesB, tokenWeights(b, lexicon));
  return Math.max(sharedShare(restA, restB), sharedShare(restB, restA));
}

/**
 * The content stems outside the given sentences, each with its highest token weight: stems by
 * their number in the article, in order of first appearance outside the sentences.
 */
interface RestStems {
  table: ContentStems;
  order: number[];
  present: Uint8Array;
  weights: Float64Array;
}

function restWeights(
  article: AnalysedArticle,
  sentences: readonly number[],
  weights: ArrayLike<number>,
): RestStems {
  const stems = contentStems(article);
  const inside = new Set(sentences);
  const order: number[] = [];
  const present = new Uint8Array(stems.count);
  const highest = new Float64Array(stems.count);
  article.sentences.forEach((sentence, index) => {
    if (inside.has(index)) return;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      const stem = stems.ids[token]!;
      if (stem < 0) continue;
      if (!present[stem]) {
        present[stem] = 1;
        order.push(stem);
      }
      highest[stem] = Math.max(highest[stem]!, weights[token] ?? 0);
    }
  });
  return { table: stems, order, present, weights: highest };
}

/** Weighted share of x's stems that y holds too (0 when either is empty), summed in x's order. */
function sharedShare(x: RestStems, y: RestStems): number {
  if (x.order.length === 0 || y.order.length === 0) return 0;
  let total = 0;
  let shared = 0;
  for (const stem of x.order) {
    const weight = x.weights[stem]!;
    total += weight;
    const other = y.table.idOf.get(x.table.stems[stem]!);
    if (other !== undefined && y.present[other]) shared += weight;
  }
  return total > 0 ? shared / total : 0;
}

/**
 * Words of the sentences outside shared direct quotes and their summed content weight (rarity),
 * and the tokens inside them (what quotedApart reads).
 */
function unquotedContent(
  article: AnalysedArticle,
  sentences: readonly number[],
  weights: ArrayLike<number>,
  isQuoted: (token: number) => boolean,
): { words: number; weight: number; quoted: number } {
  let words = 0;
  let weight = 0;
  let quoted = 0;
  for (const index of sentences) {
    const sentence = article.sentences[index]!;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      if (isQuoted(token)) {
        quoted++;
        continue;
      }
      words++;
      weight += weights[token] ?? 0;
    }
  }
  return { words, weight, quoted };
}

/** The committed gate (models/partial-reuse.json), trained by `npm run train:pan`. */
export const PARTIAL_MODEL: LogisticModel = readModel('partial-reuse');

/** Whether the passage alone shows that one text was put into the other. */
export function showsReuse(model: LogisticModel, evidence: readonly number[]): boolean {
  return probability(model, evidence) >= model.threshold;
}
