import { tokenWeights } from '../align/weights.js';
import { cached } from '../memo.js';
import type { Passage } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import { contentStems } from '../text/content-stems.js';
import type { Lexicon } from '../text/lexicon.js';

/** Sentences on each side of a passage read as its context. */
const CONTEXT_SENTENCES = 2;

/**
 * Where a reused passage sits in one text. In its source it sits in its natural context: its
 * neighbours talk about the same things. In the text it was put into it is an insertion that
 * breaks the flow: its neighbours share little with it. A text that is the passage alone has
 * no context to judge.
 */
export interface PassagePlace {
  hasContext: boolean;
  /** Share of the neighbours' content words the passage also uses (0 without context). */
  cohesion: number;
  /**
   * How much the sentences just before and just after the passage share with each other: where
   * the passage was inserted they used to be neighbours (0 without text on both sides).
   */
  bridge: number;
}

export function passagePlace(article: AnalysedArticle, sentences: readonly number[]): PassagePlace {
  if (sentences.length === 0) return NO_CONTEXT;
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const from = Math.max(0, first - CONTEXT_SENTENCES);
  const to = Math.min(article.sentences.length, last + 1 + CONTEXT_SENTENCES);
  const { ids, count } = contentStems(article);
  // Which parts each content stem occurs in, as bits; then each stem counted once.
  const parts = new Uint8Array(count);
  for (let sentence = from; sentence < to; sentence++) {
    const part = sentence < first ? BEFORE : sentence > last ? AFTER : INSIDE;
    const { tokenStart, tokenEnd } = article.sentences[sentence]!;
    for (let token = tokenStart; token < tokenEnd; token++) {
      const id = ids[token]!;
      if (id >= 0) parts[id]! |= part;
    }
  }
  const sizes = { inside: 0, before: 0, after: 0, around: 0, insideAround: 0, beforeAfter: 0 };
  for (let sentence = from; sentence < to; sentence++) {
    const { tokenStart, tokenEnd } = article.sentences[sentence]!;
    for (let token = tokenStart; token < tokenEnd; token++) {
      const id = ids[token]!;
      if (id < 0 || parts[id]! & COUNTED) continue;
      const part = parts[id]!;
      parts[id] = part | COUNTED;
      if (part & INSIDE) sizes.inside++;
      if (part & BEFORE) sizes.before++;
      if (part & AFTER) sizes.after++;
      if (part & (BEFORE | AFTER)) sizes.around++;
      if (part & INSIDE && part & (BEFORE | AFTER)) sizes.insideAround++;
      if (part & BEFORE && part & AFTER) sizes.beforeAfter++;
    }
  }
  if (sizes.around === 0 || sizes.inside === 0) return NO_CONTEXT;
  return {
    hasContext: true,
    cohesion: sizes.insideAround / Math.min(sizes.around, sizes.inside),
    bridge: sizes.before > 0 && sizes.after > 0 ? sizes.beforeAfter / Math.min(sizes.before, sizes.after) : 0,
  };
}

const NO_CONTEXT: PassagePlace = { hasContext: false, cohesion: 0, bridge: 0 };
const INSIDE = 1;
const BEFORE = 2;
const AFTER = 4;
const COUNTED = 8;

export const INSERTION_FEATURES = [
  'cohesion',
  'relativeCohesion',
  'bridge',
  'meaningCohesion',
  'meaningBridge',
  'recurrence',
] as const;

/**
 * Share of the passage's content (weighted by rarity) that the rest of its text mentions too:
 * in its source the names and topics of a passage recur elsewhere in the article, in a text
 * it was put into they do not.
 */
function recurrence(article: AnalysedArticle, sentences: readonly number[], lexicon: Lexicon): number {
  if (sentences.length === 0) return 0;
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const { spans, contentBefore } = stemSpans(article);
  const outside = contentBefore[first]! + contentBefore[article.sentences.length]! - contentBefore[last + 1]!;
  if (outside === 0) return 0;
  const weights = tokenWeights(article, lexicon);
  let total = 0;
  let recurring = 0;
  for (let index = first; index <= last; index++) {
    const sentence = article.sentences[index]!;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      const word = article.tokens[token]!;
      if (word.stop) continue;
      const weight = weights[token]!;
      total += weight;
      // Said elsewhere: the stem's first mention comes before the passage or its last after it.
      const span = spans.get(word.stem)!;
      if (span[0] < first || span[1] > last) recurring += weight;
    }
  }
  return total > 0 ? recurring / total : 0;
}

/**
 * Per article, worked out once: the first and last sentence each content stem occurs in, and
 * the number of content tokens before each sentence (index: sentence count, for the total).
 */
interface StemSpans {
  spans: Map<string, [number, number]>;
  contentBefore: Int32Array;
}

const STEM_SPANS = new WeakMap<AnalysedArticle, StemSpans>();

function stemSpans(article: AnalysedArticle): StemSpans {
  return cached(STEM_SPANS, article, () => {
    const spans = new Map<string, [number, number]>();
    const contentBefore = new Int32Array(article.sentences.length + 1);
    article.sentences.forEach((sentence, index) => {
      let content = 0;
      for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
        const { stop, stem } = article.tokens[token]!;
        if (stop) continue;
        content++;
        const span = spans.get(stem);
        if (span === undefined) spans.set(stem, [index, index]);
        else span[1] = index;
      }
      contentBefore[index + 1] = contentBefore[index]! + content;
    });
    return { spans, contentBefore };
  });
}

/** Cohesion and bridge measured on meaning: cosines of the mean word vectors. */
function meaningPlace(
  article: AnalysedArticle,
  sentences: readonly number[],
  lexicon: Lexicon,
): { cohesion: number; bridge: number } {
  if (sentences.length === 0) return { cohesion: 0, bridge: 0 };
  const first = Math.min(...sentences);
  const last = Math.max(...sentences);
  const end = Math.min(article.sentences.length, last + 1 + CONTEXT_SENTENCES);
  const inside = meanVector(article, first, last + 1, lexicon);
  const before = meanVector(article, Math.max(0, first - CONTEXT_SENTENCES), first, lexicon);
  const after = meanVector(article, last + 1, end, lexicon);
  const around = meanVector(article, Math.max(0, first - CONTEXT_SENTENCES), first, lexicon, after);
  return { cohesion: cosine(inside, around), bridge: cosine(before, after) };
}

function meanVector(
  article: AnalysedArticle,
  from: number,
  to: number,
  lexicon: Lexicon,
  plus: Float64Array | null = null,
): Float64Array | null {
  const dimensions = lexicon.dimensions;
  const vectors = sentenceVectors(article, lexicon);
  const sum = plus === null ? new Float64Array(dimensions) : Float64Array.from(plus);
  let found = plus !== null;
  for (let sentence = from; sentence < to; sentence++) {
    if (!hasSentenceVector(article, vectors, sentence, lexicon)) continue;
    found = true;
    for (let d = 0, i = sentence * dimensions; d < dimensions; d++, i++) sum[d]! += vectors.sums[i]!;
  }
  return found ? sum : null;
}

/** Each sentence's summed content-word vectors (one row per sentence), filled as they are asked for. */
interface SentenceVectors {
  sums: Float64Array;
  /** Per sentence: UNKNOWN until its row is worked out, then whether it has any word vector. */
  state: Uint8Array;
}

const UNKNOWN = 0;
const NO_VECTOR = 1;
const HAS_VECTOR = 2;

const SENTENCE_VECTORS = new WeakMap<AnalysedArticle, SentenceVectors>();

/**
 * Kept per article (its analysis belongs to one engine, so one lexicon): a passage's place is
 * measured over ranges of sentences, in every pair the article meets.
 */
function sentenceVectors(article: AnalysedArticle, lexicon: Lexicon): SentenceVectors {
  return cached(SENTENCE_VECTORS, article, () => ({
    sums: new Float64Array(article.sentences.length * lexicon.dimensions),
    state: new Uint8Array(article.sentences.length),
  }));
}

/** Whether the sentence has a word vector, its row summed on first ask. */
function hasSentenceVector(
  article: AnalysedArticle,
  vectors: SentenceVectors,
  index: number,
  lexicon: Lexicon,
): boolean {
  if (vectors.state[index] === UNKNOWN) {
    const dimensions = lexicon.dimensions;
    const row = vectors.sums.subarray(index * dimensions, (index + 1) * dimensions);
    const sentence = article.sentences[index]!;
    let found = false;
    for (let token = sentence.tokenStart; token < sentence.tokenEnd; token++) {
      const { stop, norm } = article.tokens[token]!;
      if (!stop && lexicon.addVector(norm, row)) found = true;
    }
    vectors.state[index] = found ? HAS_VECTOR : NO_VECTOR;
  }
  return vectors.state[index] === HAS_VECTOR;
}

function cosine(x: Float64Array | null, y: Float64Array | null): number {
  if (x === null || y === null) return 0;
  let dot = 0;
  let normX = 0;
  let normY = 0;
  x.forEach((value, index) => {
    dot += value * y[index]!;
    normX += value * value;
    normY += y[index]! ** 2;
  });
  return normX > 0 && normY > 0 ? dot / Math.sqrt(normX * normY) : 0;
}

/** typicalCohesion of each article, worked out once: an article meets many others in a trace. */
const TYPICAL_COHESION = new WeakMap<AnalysedArticle, number>();

/** How cohesive a text's sentences usually are with their neighbours: the yardstick of a passage's. */
export function typicalCohesion(article: AnalysedArticle): number {
  return cached(TYPICAL_COHESION, article, () => measureTypicalCohesion(article));
}

function measureTypicalCohesion(article: AnalysedArticle): number {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < article.sentences.length; index++) {
    const place = passagePlace(article, [index]);
    if (!place.hasContext) continue;
    sum += place.cohesion;
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * Direction features of a pair from its largest reused passage, antisymmetric (swapping a and
 * b negates them); positive: a is the source. cohesion: the passage's cohesion with its
 * neighbours in a minus in b (whether a text gives it neighbours at all is left out: an excerpt
 * copy and a short wire item both have none); relativeCohesion: the same cohesion measured against each text's usual cohesion; bridge: how
 * much the passage's neighbours share with each other in b minus in a; the last two the same
 * measured on meaning (word vectors) rather than shared words.
 */
export function insertionEvidence(
  a: AnalysedArticle,
  b: AnalysedArticle,
  passage: Pick<Passage, 'sentencesA' | 'sentencesB'>,
  lexicon: Lexicon,
): number[] {
  const meaningA = meaningPlace(a, passage.sentencesA, lexicon);
  const meaningB = meaningPlace(b, passage.sentencesB, lexicon);
  const placeA = passagePlace(a, passage.sentencesA);
  const placeB = passagePlace(b, passage.sentencesB);
  const relativeA = placeA.hasContext ? placeA.cohesion - typicalCohesion(a) : 0;
  const relativeB = placeB.hasContext ? placeB.cohesion - typicalCohesion(b) : 0;
  return [
    placeA.cohesion - placeB.cohesion,
    relativeA - relativeB,
    placeB.bridge - placeA.bridge,
    meaningA.cohesion - meaningB.cohesion,
    meaningB.bridge - meaningA.bridge,
    recurrence(a, passage.sentencesA, lexicon) - recurrence(b, passage.sentencesB, lexicon),
  ];
}

/**
 * How naturally a passage sits in one text: the share of its content that the rest of the text
 * mentions too, and its cohesion with its neighbours against the text's usual cohesion (both 0
 * for a text that is the passage alone).
 */
export function passageFit(
  article: AnalysedArticle,
  sentences: readonly number[],
  lexicon: Lexicon,
): { recurrence: number; relativeCohesion: number } {
  const place = passagePlace(article, sentences);
  return {
    recurrence: recurrence(article, sentences, lexicon),
    relativeCohesion: place.hasContext ? place.cohesion - typicalCohesion(article) : 0,
  };
}

/** The reused passage covering the most sentences (the earliest on a tie), or null. */
export function largestReuse(passages: readonly Passage[]): Passage | null {
  let best: Passage | null = null;
  for (const passage of passages) {
    if (passage.a === null || passage.b === null) continue;
    const size = passage.sentencesA.length + passage.sentencesB.length;
    if (best === null || size > best.sentencesA.length + best.sentencesB.length) best = passage;
  }
  return best;
}
