import type { AnalysedArticle, Quote } from '../model/analysis.js';
import type { Change } from '../model/change.js';
import { citeText, citeTokens, quoted, tokenText } from './cite.js';
import type { ChangeContext } from './context.js';
import { sentenceOfToken, tokensWithin } from './locate.js';
import { type WordDifference, wordDifferences } from './word-diff.js';

/** Shorter quotes ("very clear-eyed") are phrases, not statements worth tracking. */
const MIN_QUOTE_WORDS = 4;
/** Below this share of its content words carried over, a quote is taken as dropped. */
const MIN_CARRIED_SHARE = 0.3;
/** Differences listed in a note; the rest are counted. */
const LISTED_DIFFERENCES = 3;

/**
 * Follows each direct quote of the source through the token alignment: kept word for word
 * (nothing to report), kept as a quote with other words (quote-altered), rendered by words
 * outside any quote (quote-to-reported), or mostly absent (quote-dropped).
 */
export function detectQuoteChanges(context: ChangeContext): Change[] {
  const changes: Change[] = [];
  for (const quote of context.source.quotes) {
    const change = followQuote(context, quote);
    if (change !== null) changes.push(change);
  }
  return changes;
}

function followQuote(context: ChangeContext, quote: Quote): Change | null {
  const { source, copy, tokens } = context;
  const quoteTokens = tokensWithin(source, quote.start, quote.end, quote.sentence);
  if (quoteTokens.length < MIN_QUOTE_WORDS) return null;
  const content = quoteTokens.filter((index) => !source.tokens[index]!.stop);
  if (content.length === 0) return null;
  const carried = content.filter((index) => {
    const op = tokens.fromSource.get(index)?.op;
    return op !== undefined && op !== 'substitute';
  });
  const sourceCitation = citeText(source.article, quote.start, quote.end);
  const opening = openingWords(source, quoteTokens);
  if (carried.length / content.length < MIN_CARRIED_SHARE) {
    for (const index of quoteTokens) context.claims.source.add(index);
    return {
      type: 'quote-dropped',
      source: sourceCitation,
      copy: null,
      note: `Quote ${opening} is missing from the copy.`,
      weight: 3,
    };
  }
  const landed = carried.map((index) => tokens.fromSource.get(index)!.other);
  const inQuotes = landed.filter((index) => copy.tokens[index]!.quoted);
  if (inQuotes.length * 2 < landed.length) {
    return {
      type: 'quote-to-reported',
      source: sourceCitation,
      copy: reportingSentences(copy, landed),
      note: `Quote ${opening} turned into reported speech.`,
      weight: 2,
    };
  }
  return alteredQuote(context, quote, quoteTokens, inQuotes);
}

function alteredQuote(
  context: ChangeContext,
  quote: Quote,
  quoteTokens: readonly number[],
  landedInQuotes: readonly number[],
): Change | null {
  const { source, copy, claims } = context;
  const copyTokens = copyQuoteTokens(context, quoteTokens, landedInQuotes);
  const differences = wordDifferences(source, quoteTokens, copy, copyTokens)
    .map((difference) => ({
      source: difference.source.filter((index) => !claims.source.has(index)),
      copy: difference.copy.filter((index) => !claims.copy.has(index)),
    }))
    .filter((difference) => difference.source.length > 0 || difference.copy.length > 0);
  if (differences.length === 0 || copyTokens.length === 0) return null;
  for (const index of quoteTokens) claims.source.add(index);
  for (const index of copyTokens) claims.copy.add(index);
  return {
    type: 'quote-altered',
    source: citeText(source.article, quote.start, quote.end),
    copy: citeTokens(copy, copyTokens[0]!, copyTokens[copyTokens.length - 1]!),
    note: `Quote reworded: ${describeDifferences(context, differences)}.`,
    weight: 3,
  };
}

/**
 * The copy's quote(s) that took up the source quote, trimmed at either end of words that came
 * from outside the source quote (a copy quote may join two source quotes).
 */
function copyQuoteTokens(
  context: ChangeContext,
  quoteTokens: readonly number[],
  landedInQuotes: readonly number[],
): number[] {
  const { copy, tokens } = context;
  const first = quoteTokens[0]!;
  const last = quoteTokens[quoteTokens.length - 1]!;
  const spans = copy.quotes.filter((copyQuote) =>
    landedInQuotes.some((index) => {
      const token = copy.tokens[index]!;
      return token.start >= copyQuote.start && token.end <= copyQuote.end;
    }),
  );
  const range = spans.flatMap((copyQuote) =>
    tokensWithin(copy, copyQuote.start, copyQuote.end, copyQuote.sentence),
  );
  const fromElsewhere = (index: number): boolean => {
    const link = tokens.fromCopy.get(index);
    return link !== undefined && (link.other < first || link.other > last);
  };
  let from = 0;
  let to = range.length;
  while (from < to && fromElsewhere(range[from]!)) from++;
  while (to > from && fromElsewhere(range[to - 1]!)) to--;
  return range.slice(from, to);
}

/** «“hostile” for “adversary”, “make efforts” for “work”», content-word differences first. */
function describeDifferences(context: ChangeContext, differences: readonly WordDifference[]): string {
  const { source, copy } = context;
  // Words swapped for words first, then content words left out or added, then function words.
  const rank = (difference: WordDifference): number => {
    const contentBefore = difference.source.some((index) => !source.tokens[index]!.stop);
    const contentAfter = difference.copy.some((index) => !copy.tokens[index]!.stop);
    if (contentBefore && contentAfter) return 0;
    return contentBefore || contentAfter ? 1 : 2;
  };
  const ordered = differences
    .map((difference, position) => ({ difference, position, rank: rank(difference) }))
    .sort((x, y) => x.rank - y.rank || x.position - y.position)
    .map(({ difference }) => difference);
  const phrases = ordered.slice(0, LISTED_DIFFERENCES).map((difference) => {
    const before = phraseOf(source, difference.source);
    const after = phraseOf(copy, difference.copy);
    if (before === null) return `${after} added`;
    if (after === null) return `${before} left out`;
    return `${after} for ${before}`;
  });
  const more = ordered.length - LISTED_DIFFERENCES;
  return more > 0 ? `${phrases.join(', ')} and ${more} more` : phrases.join(', ');
}

function phraseOf(document: AnalysedArticle, indices: readonly number[]): string | null {
  if (indices.length === 0) return null;
  return quoted(tokenText(document, indices[0]!, indices[indices.length - 1]!));
}

/** The copy sentence holding most of the quote's words, with neighbours that hold some too. */
function reportingSentences(copy: AnalysedArticle, landed: readonly number[]): ReturnType<typeof citeText> {
  const counts = new Map<number, number>();
  for (const index of landed) {
    const sentence = sentenceOfToken(copy, index);
    counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
  }
  let best = -1;
  for (const [sentence, count] of counts) {
    if (best < 0 || count > counts.get(best)! || (count === counts.get(best)! && sentence < best))
      best = sentence;
  }
  let first = best;
  let last = best;
  while (counts.has(first - 1)) first--;
  while (counts.has(last + 1)) last++;
  return citeText(copy.article, copy.sentences[first]!.start, copy.sentences[last]!.end);
}

/** “Ultimately, I think what…”: enough of a quote to recognise it in a note. */
function openingWords(document: AnalysedArticle, quoteTokens: readonly number[]): string {
  const shown = quoteTokens.slice(0, 5);
  const text = tokenText(document, shown[0]!, shown[shown.length - 1]!);
  return quoted(shown.length < quoteTokens.length ? `${text}…` : text);
}
