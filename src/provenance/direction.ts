import { isCanonicalOrder } from '../align/canonical-order.js';
import { type LogisticModel, readModel } from '../align/logistic.js';
import { swapAlignment } from '../align/swap.js';
import type { Alignment, Passage } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Direction, DirectionSignal } from '../model/relation.js';
import type { Lexicon } from '../text/lexicon.js';
import { confidenceFromVotes } from './confidence.js';
import {
  INSERTION_FEATURES,
  insertionEvidence,
  largestReuse,
  passageFit,
  passagePlace,
} from './insertion.js';
import { wireCredit } from './wire-credits.js';

/**
 * Stated publication dates decide: their vote outweighs every text signal together (at most
 * 6), which only break ties between undated or same-dated documents.
 */
const DATE_VOTE = 8;

/** A pair is a whole copy, not partial reuse, when each text is at least half held by the other. */
const WHOLE_COPY_SHARE = 0.5;

/** Undecided only when the votes cancel out exactly: a leaning, however slight, is more often right than not. */
const UNDECIDED = 1e-9;

/**
 * Which of two derived documents is the source. Each signal votes (positive: a is the source
 * of b) with a strength; published dates outvote text evidence when both are known and differ.
 * With sourceIsA the direction is given and only the signals and confidence are worked out.
 * `now` (epoch ms, the engine's clock) tells a stated date from one in the future.
 */
export function decideDirection(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
  now: number,
  sourceIsA = false,
): Direction {
  // Decided in one order of the two texts, by content, so that compare B A mirrors compare A B.
  if (!sourceIsA && !isCanonicalOrder(a, b)) {
    const mirrored = decideOriented(b, a, swapAlignment(alignment), lexicon, now, false, ['B', 'A']);
    const flipped = mirrored.direction === null ? null : mirrored.direction === 'a->b' ? 'b->a' : 'a->b';
    return {
      direction: flipped,
      confidence: mirrored.confidence,
      signals: mirrored.signals.map((signal) => ({ ...signal, vote: -signal.vote })),
    };
  }
  return decideOriented(a, b, alignment, lexicon, now, sourceIsA, ['A', 'B']);
}

function decideOriented(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
  now: number,
  sourceIsA: boolean,
  names: readonly [string, string],
): Direction {
  const votes = collectVotes(a, b, alignment, lexicon, now);
  const total = votes.reduce((sum, signal) => sum + signal.vote, 0);
  if (sourceIsA) {
    // Decided elsewhere (a story tree); the confidence says how far this pair's own votes agree.
    const confidence = confidenceFromVotes(total);
    return { direction: 'a->b', confidence, signals: describe(votes, 'the source', 'the copy') };
  }
  if (Math.abs(total) < UNDECIDED) {
    return { direction: null, confidence: 0, signals: describe(votes, names[0], names[1]) };
  }
  if (total > 0) {
    return {
      direction: 'a->b',
      confidence: confidenceFromVotes(total),
      signals: describe(votes, 'the source', 'the copy'),
    };
  }
  // b is the source: word the evidence source first, keeping the sign convention (positive: a is the source).
  const fromSource = collectVotes(b, a, swapAlignment(alignment), lexicon, now);
  const signals = describe(fromSource, 'the source', 'the copy').map((signal) => ({
    ...signal,
    vote: -signal.vote,
  }));
  return { direction: 'b->a', confidence: confidenceFromVotes(-total), signals };
}

function collectVotes(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
  now: number,
): Vote[] {
  // One learned vote for every pair with a reused passage, whole copy or partial: where the
  // passage sits in each text (the text it was put into is the copy, whichever is longer), how
  // much of each text the other holds, and the text signals, weighed together.
  const reused = largestReuse(alignment.passages);
  if (reused !== null) {
    // A credit heads its own text's story: when only a passage of one text is in the other, it
    // does not say where the passage came from (on the training suite's partial pairs it
    // pointed to the source 15 times and to the copy 14), so it votes on whole copies only.
    const { coverageA, coverageB } = alignment.stats;
    const whole = Math.min(coverageA, coverageB) >= WHOLE_COPY_SHARE;
    return [
      publishedDates(a, b, now),
      learnedVote(a, b, alignment, reused, lexicon),
      whole ? wireAttribution(a, b) : null,
    ].filter((signal): signal is Vote => signal !== null && signal.vote !== 0);
  }
  return [
    publishedDates(a, b, now),
    contentAsymmetry(alignment),
    quotesParaphrased(a, b, alignment),
    wireAttribution(a, b),
    typos(a, b, alignment, lexicon),
    specificDetails(a, b, alignment),
  ].filter((signal): signal is Vote => signal !== null && signal.vote !== 0);
}

/** A signal before its wording: the detail names the documents once the direction is known. */
interface Vote {
  name: string;
  vote: number;
  detail: (a: string, b: string) => string;
}

function describe(votes: readonly Vote[], a: string, b: string): DirectionSignal[] {
  return votes.map((vote) => ({ name: vote.name, vote: vote.vote, detail: vote.detail(a, b) }));
}

/** Below this confidence a date (read off a URL, or disputed by the page) votes at half strength. */
const FIRM_DATE_CONFIDENCE = 0.5;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The earlier publication is the source, when both dates are stated and differ: by an hour or
 * more, or by a calendar day when either gives no time of day (a bare date and a time on the
 * same day are not ordered).
 */
function publishedDates(a: AnalysedArticle, b: AnalysedArticle, now: number): Vote | null {
  const publishedA = a.article.published;
  const publishedB = b.article.published;
  const timeA = parseDate(publishedA, now);
  const timeB = parseDate(publishedB, now);
  if (timeA === null || timeB === null) return null;
  const dayOnly = DATE_ONLY.test(publishedA!) || DATE_ONLY.test(publishedB!);
  const order = dayOnly ? publishedA!.slice(0, 10).localeCompare(publishedB!.slice(0, 10)) : timeA - timeB;
  if (order === 0 || (!dayOnly && Math.abs(timeA - timeB) < 3_600_000)) return null;
  const confidence = Math.min(a.article.publishedConfidence ?? 1, b.article.publishedConfidence ?? 1);
  const strength = confidence < FIRM_DATE_CONFIDENCE ? DATE_VOTE / 2 : DATE_VOTE;
  return {
    name: 'published-date',
    vote: order < 0 ? strength : -strength,
    detail: (nameA, nameB) => `${nameA} published ${publishedA}, ${nameB} ${publishedB}`,
  };
}

/** An ISO 8601 date: its first ten characters order days as strings do. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

function parseDate(value: string | null, now: number): number | null {
  // Extraction states dates in ISO 8601; another wording is not compared (as a string, "March 24"
  // would sort after "2021-03-25").
  if (value === null || !ISO_DAY.test(value)) return null;
  const time = Date.parse(value);
  // A date in the future is a page's clock or a template, not a publication date.
  return Number.isFinite(time) && time <= now + 86_400_000 ? time : null;
}

/**
 * Features of the learned direction vote, in order: the reused passage's place in each text,
 * how much of each text the other holds (raw share, its square: a text almost wholly inside
 * the other is a copy of it, a few shared sentences say little), that share weighed by how
 * naturally the passage sits in the text holding more of the other, then the text signals.
 * Neither the texts' lengths nor whether a passage has neighbours at all: a trimmed copy and a
 * roundup embedding a wire story are both common, and they point opposite ways. Last, how the
 * aligned sentences lie over the whole alignment: their fan-in and how many each side skips (a
 * text written from another compresses it and leaves parts of it out).
 */
export const DIRECTION_FEATURES = [
  ...INSERTION_FEATURES,
  'containment',
  'containmentSquared',
  'containerRecurrence',
  'containerCohesion',
  'quotes',
  'typos',
  'details',
  'fanIn',
  'skipping',
] as const;

/** The direction features of a pair (antisymmetric: swapping a and b negates them; positive, a is the source). */
export function directionEvidence(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  passage: Pick<Passage, 'sentencesA' | 'sentencesB'>,
  lexicon: Lexicon,
): number[] {
  const { coverageA, coverageB } = alignment.stats;
  const containment = coverageB - coverageA;
  // The text holding more of the other is its source when the shared passage sits there
  // naturally (an excerpt, an answer written from it), its copy when it sits there as an
  // insertion (a roundup that embeds a wire story): containment weighed by that fit.
  const container =
    containment >= 0
      ? passageFit(a, passage.sentencesA, lexicon)
      : passageFit(b, passage.sentencesB, lexicon);
  return [
    ...insertionEvidence(a, b, passage, lexicon),
    containment,
    coverageB ** 2 - coverageA ** 2,
    containment * container.recurrence,
    containment * container.relativeCohesion,
    quotesParaphrased(a, b, alignment)?.vote ?? 0,
    typos(a, b, alignment, lexicon)?.vote ?? 0,
    specificDetails(a, b, alignment)?.vote ?? 0,
    ...sentenceLayout(alignment),
  ];
}

/**
 * How the aligned sentences lie, as [fanIn, skipping] (both antisymmetric; positive: a is the
 * source), from one pass over the sentence pairs:
 * - fanIn: how many sentences of a the aligned sentences of b draw on, against the reverse, as
 *   the log of their ratio. A text written from another compresses it: an answer or summary
 *   sentence merges parts of several source sentences.
 * - skipping: how much more of its stretch of text b's aligned sentences fill than a's do. A
 *   text written from another picks the sentences it uses and skips the rest between them; the
 *   text it was written from is the one with the gaps.
 * A passage copied or inserted sentence by sentence (a wire story embedded in a roundup, an
 * excerpt) is a gapless run on both sides and reads about zero on both, so neither pulls against
 * the insertion evidence those pairs are decided by.
 */
export function sentenceLayout(alignment: Pick<Alignment, 'pairs'>): [number, number] {
  const sentencesA = new Set<number>();
  const sentencesB = new Set<number>();
  for (const pair of alignment.pairs) {
    sentencesA.add(pair.a);
    sentencesB.add(pair.b);
  }
  if (sentencesA.size === 0 || sentencesB.size === 0) return [0, 0];
  return [Math.log(sentencesA.size / sentencesB.size), runFill(sentencesB) - runFill(sentencesA)];
}

/** Share of the sentences from the first to the last of a set that the set holds. */
function runFill(sentences: ReadonlySet<number>): number {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const sentence of sentences) {
    first = Math.min(first, sentence);
    last = Math.max(last, sentence);
  }
  return sentences.size / (last - first + 1);
}

/** The committed direction model (models/direction.json, trained by npm run train:pan). */
const DIRECTION_MODEL: LogisticModel = readModel('direction');
/** The learned vote is capped below the date vote: stated dates still decide. */
const MAX_LEARNED_VOTE = 4;

/**
 * A learned vote: the text a passage was put into is the copy (there it breaks the flow, its
 * neighbours share little with it; in its source it sits among sentences about the same
 * things), a text almost wholly held by the other is its copy, and the text signals weigh in.
 */
function learnedVote(
  a: AnalysedArticle,
  b: AnalysedArticle,
  alignment: Alignment,
  passage: Passage,
  lexicon: Lexicon,
): Vote | null {
  const evidence = directionEvidence(a, b, alignment, passage, lexicon);
  // Antisymmetric features and no intercept: the vote for (b, a) is minus the vote for (a, b).
  const vote = DIRECTION_MODEL.weights.reduce(
    (sum, weight, index) => sum + (weight * evidence[index]!) / (DIRECTION_MODEL.scale[index]! || 1),
    0,
  );
  const { coverageA, coverageB } = alignment.stats;
  return {
    name: 'learned',
    vote: Math.max(-MAX_LEARNED_VOTE, Math.min(MAX_LEARNED_VOTE, vote)),
    detail: (nameA, nameB) =>
      `learned vote on where the largest reused passage sits and how much each text holds of the other: the passage shares ${percent(passagePlace(a, passage.sentencesA).cohesion)} of its neighbours' words in ${nameA}, ${percent(passagePlace(b, passage.sentencesB).cohesion)} in ${nameB}; ${percent(coverageB)} of ${nameB} is in ${nameA}, ${percent(coverageA)} of ${nameA} in ${nameB}`,
  };
}

/** A copy usually keeps part of its source; the side with more unmatched content is the source. */
function contentAsymmetry(alignment: Alignment): Vote | null {
  const { coverageA, coverageB } = alignment.stats;
  const difference = coverageB - coverageA;
  if (Math.abs(difference) < 0.05) return null;
  return {
    name: 'containment',
    vote: Math.max(-1.5, Math.min(1.5, difference * 3)),
    detail: (nameA, nameB) =>
      `${percent(coverageB)} of ${nameB} is in ${nameA}, ${percent(coverageA)} of ${nameA} is in ${nameB}`,
  };
}

/** Direct quotes get paraphrased into reported speech downstream, hardly ever the reverse. */
function quotesParaphrased(a: AnalysedArticle, b: AnalysedArticle, alignment: Alignment): Vote | null {
  let quotedOnlyInA = 0;
  let quotedOnlyInB = 0;
  for (const pair of alignment.pairs) {
    for (const edit of pair.edits) {
      if (edit.a === null || edit.b === null) continue;
      const tokenA = a.tokens[edit.a]!;
      const tokenB = b.tokens[edit.b]!;
      if (tokenA.stop) continue;
      if (tokenA.quoted && !tokenB.quoted) quotedOnlyInA++;
      if (tokenB.quoted && !tokenA.quoted) quotedOnlyInB++;
    }
  }
  const difference = quotedOnlyInA - quotedOnlyInB;
  if (Math.abs(difference) < 3) return null;
  return {
    name: 'quotes',
    vote: Math.sign(difference) * Math.min(1.5, Math.abs(difference) / 8),
    detail: (nameA, nameB) =>
      `${quotedOnlyInA} quoted words of ${nameA} are unquoted in ${nameB}, ${quotedOnlyInB} the other way`,
  };
}

/** A wire agency's credit stays on the original and tends to be dropped by re-publishers. */
function wireAttribution(a: AnalysedArticle, b: AnalysedArticle): Vote | null {
  const creditA = wireCredit(a.article.byline) ?? wireCredit(a.article.text.slice(0, 200));
  const creditB = wireCredit(b.article.byline) ?? wireCredit(b.article.text.slice(0, 200));
  if ((creditA === null) === (creditB === null)) return null;
  return {
    name: 'wire-credit',
    vote: creditA !== null ? 1 : -1,
    detail: (nameA, nameB) => `credited to ${creditA ?? creditB} in ${creditA !== null ? nameA : nameB} only`,
  };
}

/** Spinning and careless rewriting leave misspellings the source does not have. */
function typos(a: AnalysedArticle, b: AnalysedArticle, alignment: Alignment, lexicon: Lexicon): Vote | null {
  const unknownIn = (article: AnalysedArticle, side: 'a' | 'b'): number => {
    let count = 0;
    for (const pair of alignment.pairs) {
      for (const edit of pair.edits) {
        const index = edit[side];
        if (index === null || edit.op === 'equal') continue;
        const token = article.tokens[index]!;
        if (token.kind === 'word' && !token.stop && !token.capitalized && !lexicon.isKnownWord(token.norm))
          count++;
      }
    }
    return count;
  };
  const typosA = unknownIn(a, 'a');
  const typosB = unknownIn(b, 'b');
  if (typosA === typosB) return null;
  return {
    name: 'typos',
    vote: Math.max(-1, Math.min(1, (typosB - typosA) * 0.5)),
    detail: (nameA, nameB) =>
      `${typosB} misspelt words in ${nameB}, ${typosA} in ${nameA}, where the two differ`,
  };
}

/** Names and numbers present on one side only: details get lost in copying more than invented. */
function specificDetails(a: AnalysedArticle, b: AnalysedArticle, alignment: Alignment): Vote | null {
  const alignedA = new Set<number>();
  const alignedB = new Set<number>();
  for (const pair of alignment.pairs) {
    for (const edit of pair.edits) {
      if (edit.a !== null && edit.b !== null) {
        alignedA.add(edit.a);
        alignedB.add(edit.b);
      }
    }
  }
  const detailsOnlyIn = (article: AnalysedArticle, aligned: Set<number>, other: AnalysedArticle): number => {
    const elsewhere = new Set(other.tokens.map((token) => token.stem));
    const details = new Set<string>();
    article.tokens.forEach((token, index) => {
      const specific = token.kind === 'number' || (token.capitalized && !token.stop);
      if (specific && !aligned.has(index) && !elsewhere.has(token.stem)) details.add(token.stem);
    });
    return details.size;
  };
  const onlyA = detailsOnlyIn(a, alignedA, b);
  const onlyB = detailsOnlyIn(b, alignedB, a);
  if (onlyA === onlyB) return null;
  return {
    name: 'details',
    vote: Math.tanh((onlyA - onlyB) / 6),
    detail: (nameA, nameB) => `${onlyA} names/numbers only in ${nameA}, ${onlyB} only in ${nameB}`,
  };
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
