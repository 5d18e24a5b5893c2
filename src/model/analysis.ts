import type { Article } from './article.js';

/** Punctuation is not tokenised: sentences and quotes are found on the text itself. */
export type TokenKind = 'word' | 'number';

/** One token of Article.text. Offsets are into Article.text. */
export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
  /** Lower-cased, with typographic quotes/dashes/apostrophes folded to ASCII. */
  norm: string;
  /** Snowball stem of `norm` for words; the numeric value's canonical string for numbers. */
  stem: string;
  /** Function word (the, of, said…), ignored when weighing content. */
  stop: boolean;
  /** Starts with a capital letter: a name (a sentence-initial word only if capitalised mid-sentence elsewhere too). */
  capitalized: boolean;
  /** Inside a direct quotation ("…" or “…”). */
  quoted: boolean;
}

/** A sentence of Article.text: a token range plus its character span. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd) into AnalysedArticle.tokens. */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

/** A direct quotation found in the text, with its speaker-independent span. */
export interface Quote {
  /** Span of the quoted words, without the quotation marks. */
  start: number;
  end: number;
  /** Index of the sentence the quote starts in. */
  sentence: number;
}

/** An article with its text segmented and tokenised, ready for alignment. */
export interface AnalysedArticle {
  article: Article;
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quote[];
}
