import type { AnalysedArticle, Quote, Sentence, Token } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { findQuotes } from './quotes.js';
import { segmentSentences } from './segment.js';
import { tokenize, type WordFormCache } from './tokenize.js';

/**
 * Sentences longer than this many tokens are cut into pieces of at most this many: a run-on
 * "sentence" (a table flattened to text, a megabyte without a full stop) would otherwise make
 * sentence alignment quadratic in its length. Real sentences are far shorter.
 */
export const MAX_SENTENCE_TOKENS = 200;

export interface AnalyseOptions {
  /** An engine's cache of word forms: each distinct spelling is normalised and stemmed once. */
  forms?: WordFormCache;
}

/** Segments and tokenises an article's text: the input of every comparison. */
export function analyseArticle(article: Article, options: AnalyseOptions = {}): AnalysedArticle {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const quotes: Quote[] = [];
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    const firstSentence = sentences.length;
    for (const span of segmentSentences(article.text, paragraph.start, paragraph.end)) {
      const sentenceTokens = tokenize(article.text, span.start, span.end, options.forms);
      for (let from = 0; from < sentenceTokens.length; from += MAX_SENTENCE_TOKENS) {
        const to = Math.min(from + MAX_SENTENCE_TOKENS, sentenceTokens.length);
        sentences.push({
          index: sentences.length,
          start: from === 0 ? span.start : sentenceTokens[from]!.start,
          end: to === sentenceTokens.length ? span.end : sentenceTokens[to - 1]!.end,
          tokenStart: tokens.length,
          tokenEnd: tokens.length + (to - from),
          paragraph: paragraphIndex,
        });
        for (let index = from; index < to; index++) tokens.push(sentenceTokens[index]!);
      }
    }
    let sentence = firstSentence;
    for (const quote of findQuotes(article.text, paragraph.start, paragraph.end)) {
      // Quotes come in text order: the sentence a quote starts in never moves back.
      while (sentence < sentences.length && sentences[sentence]!.end <= quote.start) sentence++;
      const found = sentence < sentences.length ? sentence : -1;
      quotes.push({ start: quote.start, end: quote.end, sentence: Math.max(found, firstSentence) });
    }
  });
  markQuotedTokens(tokens, quotes);
  markSentenceInitialNames(tokens, sentences);
  return { article, tokens, sentences, quotes };
}

function markQuotedTokens(tokens: Token[], quotes: readonly Quote[]): void {
  let quoteIndex = 0;
  for (const token of tokens) {
    while (quoteIndex < quotes.length && quotes[quoteIndex]!.end <= token.start) quoteIndex++;
    const quote = quotes[quoteIndex];
    if (quote !== undefined && token.start >= quote.start && token.end <= quote.end) token.quoted = true;
  }
}

/**
 * The first word of a sentence is capitalised anyway; count it as a name only when the same
 * word is capitalised somewhere mid-sentence in the article.
 */
function markSentenceInitialNames(tokens: Token[], sentences: readonly Sentence[]): void {
  const initial = new Set(sentences.map((sentence) => sentence.tokenStart));
  const namesMidSentence = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.capitalized && !initial.has(index)) namesMidSentence.add(token.norm);
  });
  for (const index of initial) {
    const token = tokens[index];
    if (token?.capitalized && !namesMidSentence.has(token.norm)) token.capitalized = false;
  }
}
