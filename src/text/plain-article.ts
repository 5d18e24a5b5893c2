import type { Article } from '../model/article.js';
import type { Span } from '../model/span.js';
import { MappedTextBuilder } from './offsets.js';

/**
 * An article from text that is already story text (no page chrome to remove): every block of
 * non-blank lines is a paragraph, kept exactly. Used for texts given directly (compare
 * --pairs, the library API); pages go through extraction instead.
 */
export function articleFromText(input: string, content: string, language: string | null = null): Article {
  const builder = new MappedTextBuilder();
  const paragraphs: Span[] = [];
  for (const block of content.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const raw = block[0];
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const sourceStart = (block.index ?? 0) + leading;
    if (paragraphs.length > 0) builder.appendSeparator('\n\n');
    const start = builder.size;
    builder.appendFrom(text, sourceStart, sourceStart + text.length);
    paragraphs.push({ start, end: builder.size });
  }
  return {
    input,
    format: 'text',
    encoding: 'utf-8',
    content,
    text: builder.toString(),
    paragraphs,
    origin: builder.map,
    title: null,
    published: null,
    publishedFrom: null,
    publishedConfidence: null,
    modified: null,
    byline: null,
    siteName: null,
    url: null,
    canonicalUrl: null,
    language,
    boilerplate: [],
  };
}
