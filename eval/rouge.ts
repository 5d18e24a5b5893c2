/**
 * ROUGE-LSum as Google's rouge-score package computes it for the web content extraction
 * benchmark (Bevendorff et al., SIGIR 2023): texts split into sentences (an NLTK-Punkt-like
 * splitter), sentences into whitespace tokens (case and punctuation kept, no stemming), then
 * the summary-level LCS: for every reference sentence the union of its longest common
 * subsequences with each predicted sentence, each token counted at most as often as it occurs
 * on both sides.
 */
import { fMeasure } from './metrics.js';
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Tokens that end with a period but do not end a sentence (Punkt's English model knows these
 * abbreviations); lower case, without the final period.
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'corp',
  'inc',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'vs',
  'ave',
  'blvd',
  'no',
  'calif',
  'fla',
  'mass',
  'wash',
]);

/** A token ending a sentence: `.`, `?` or `!` (or "..."), then closing quotes or brackets. */
const SENTENCE_END = /([.?!]+)["'”’»)\]}]*$/u;

/**
 * Sentences of a text, Punkt-like: a token ending in `.`, `?` or `!` ends its sentence unless
 * it is a known abbreviation, an initial ("F."), or a dotted acronym ("U.S."); an ellipsis ends
 * a sentence only before a capital. Line breaks alone do not split (Punkt ignores them).
 * Returns each sentence as its whitespace tokens.
 */
export function sentenceTokens(text: string): string[][] {
  const tokens = text.split(/\s+/u).filter((token) => token !== '');
  const sentences: string[][] = [];
  let current: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    current.push(token);
    const next = tokens[index + 1];
    if (next !== undefined && endsSentence(token, next)) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

function endsSentence(token: string, next: string): boolean {
  const end = SENTENCE_END.exec(token);
  if (end === null) return false;
  const marks = end[1]!;
  if (/[?!]/.test(marks)) return true;
  if (marks.length >= 2) return /^["'“‘«([]*\p{Lu}/u.test(next);
  const word = token
    .slice(0, end.index)
    .replace(/^["'“‘«([]+/u, '')
    .toLowerCase();
  if (word === '') return true;
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{L}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

/** ROUGE-LSum of a prediction against a reference; an empty reference scores recall 1. */
export function rougeLsum(reference: string, prediction: string): RougeScore {
  const referenceSentences = sentenceTokens(reference);
  const predictionSentences = sentenceTokens(prediction);
  const referenceTokens = referenceSentences.reduce((sum, sentence) => sum + sentence.length, 0);
  const predictionTokens = predictionSentences.reduce((sum, sentence) => sum + sentence.length, 0);
  if (referenceTokens === 0) {
    const precision = predictionTokens === 0 ? 1 : 0;
    return { precision, recall: 1, f1: fMeasure(precision, 1) };
  }
  if (predictionTokens === 0) return { precision: 0, recall: 0, f1: 0 };
  const ids = new Map<string, number>();
  const idsOf = (sentence: string[]): Int32Array =>
    Int32Array.from(sentence, (token) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      return id;
    });
  const references = referenceSentences.map(idsOf);
  const predictions = predictionSentences.map(idsOf);
  const referenceLeft = tokenCounts(references, ids.size);
  const predictionLeft = tokenCounts(predictions, ids.size);
  let hits = 0;
  for (const sentence of references) {
    for (const token of unionLcs(sentence, predictions)) {
      if (referenceLeft[token]! > 0 && predictionLeft[token]! > 0) {
        hits++;
        referenceLeft[token]!--;
        predictionLeft[token]!--;
      }
    }
  }
  const precision = hits / predictionTokens;
  const recall = hits / referenceTokens;
  return { precision, recall, f1: fMeasure(precision, recall) };
}

function tokenCounts(sentences: readonly Int32Array[], size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const sentence of sentences) for (const token of sentence) counts[token]!++;
  return counts;
}

/**
 * The reference sentence's tokens at the union of the positions its LCS with each predicted
 * sentence uses, in reference order (rouge-score's `_union_lcs`).
 */
function unionLcs(reference: Int32Array, predictions: readonly Int32Array[]): number[] {
  const present = new Set(reference);
  const used = new Uint8Array(reference.length);
  for (const prediction of predictions) {
    if (!prediction.some((token) => present.has(token))) continue;
    for (const position of lcsPositions(reference, prediction)) used[position] = 1;
  }
  const tokens: number[] = [];
  used.forEach((isUsed, position) => {
    if (isUsed) tokens.push(reference[position]!);
  });
  return tokens;
}

/** Positions in `reference` of one LCS with `candidate`, backtracked as rouge-score does. */
export function lcsPositions(reference: ArrayLike<number>, candidate: ArrayLike<number>): number[] {
  const rows = reference.length;
  const columns = candidate.length;
  const width = columns + 1;
  const table = new Int32Array((rows + 1) * width);
  for (let i = 1; i <= rows; i++) {
    const token = reference[i - 1];
    for (let j = 1; j <= columns; j++) {
      table[i * width + j] =
        token === candidate[j - 1]
          ? table[(i - 1) * width + j - 1]! + 1
          : Math.max(table[(i - 1) * width + j]!, table[i * width + j - 1]!);
    }
  }
  const positions: number[] = [];
  let i = rows;
  let j = columns;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (table[i * width + j - 1]! > table[(i - 1) * width + j]!) j--;
    else i--;
  }
  return positions.reverse();
}
