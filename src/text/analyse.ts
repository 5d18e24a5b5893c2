import type { AnalysedArticle, Quote, Sentence, Token } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { findQuotes } from './quotes.js';
import { segmentSentences } from './segment.js';
import { tokenize } from './tokenize.js';

/** Segments and tokenises an article's text: the input of every comparison. */
export function analyseArticle(article: Article): AnalysedArticle {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const quotes: Quote[] = [];
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    const firstSentence = sentences.length;
    for (const span of segmentSentences(article.text, paragraph.start, paragraph.end)) {
      const sentenceTokens = tokenize(article.text, span.start, span.end);
      if (sentenceTokens.length === 0) continue;
      sentences.push({
        index: sentences.length,
        start: span.start,
        end: span.end,
        tokenStart: tokens.length,
        tokenEnd: tokens.length + sentenceTokens.length,
        paragraph: paragraphIndex,
      });
      tokens.push(...sentenceTokens);
    }
    for (const quote of findQuotes(article.text, paragraph.start, paragraph.end)) {
      const sentence = sentences.findIndex(
        (candidate, index) => index >= firstSentence && candidate.end > quote.start,
      );
      quotes.push({ start: quote.start, end: quote.end, sentence: Math.max(sentence, firstSentence) });
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
