import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import type { Citation } from '../model/change.js';
import { spanToSource } from '../text/offsets.js';

/** Cites a span of Article.text by its offsets in the decoded input, so a UI can highlight it. */
export function citeText(article: Article, start: number, end: number): Citation {
  const span = spanToSource(article.origin, start, end);
  return { text: article.content.slice(span.start, span.end), start: span.start, end: span.end };
}

/** Cites a span already given in input offsets (boilerplate blocks). */
export function citeInput(article: Article, start: number, end: number): Citation {
  return { text: article.content.slice(start, end), start, end };
}

/** Cites the tokens first..last (inclusive). */
export function citeTokens(document: AnalysedArticle, first: number, last: number): Citation {
  return citeText(document.article, document.tokens[first]!.start, document.tokens[last]!.end);
}

/** The story text of tokens first..last (inclusive), for notes. */
export function tokenText(document: AnalysedArticle, first: number, last: number): string {
  return document.article.text.slice(document.tokens[first]!.start, document.tokens[last]!.end);
}

/** Cites the sentences first..last (inclusive). */
export function citeSentences(document: AnalysedArticle, first: number, last: number): Citation {
  return citeText(document.article, document.sentences[first]!.start, document.sentences[last]!.end);
}

/** Quotes a phrase for a note: “phrase”. */
export function quoted(phrase: string): string {
  return `“${phrase.replace(/\s+/g, ' ')}”`;
}
