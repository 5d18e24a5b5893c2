import type { Article, RawDocument } from '../model/article.js';
import { extractHtml } from './extract-html.js';
import { extractPlainText } from './extract-plain-text.js';

/**
 * The article in a raw document: story text with an offset map back into the input, title,
 * date, byline, url, language and the page chrome that was left out. Pure and deterministic;
 * throws WiretraceError('INPUT_EMPTY') only when the input has no text at all.
 */
export function extractArticle(raw: RawDocument): Article {
  return raw.format === 'html' ? extractHtml(raw) : extractPlainText(raw);
}
