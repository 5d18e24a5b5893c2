import type { Article, RawDocument } from '../model/article.js';
import { assembleArticle } from './assemble-article.js';
import { classifyBlocks } from './classify-blocks.js';
import { plainTextBlocks } from './plain-text-blocks.js';

/** Extracts the story from plain or flattened-page text, dropping page chrome line by line. */
export function extractPlainText(raw: RawDocument): Article {
  const blocks = plainTextBlocks(raw.content);
  const { labels, title, published, byline } = classifyBlocks(blocks, 'text');
  return assembleArticle(raw, blocks, labels, {
    title,
    dateClues: published === null ? [] : [{ iso: published, from: 'dateline' }],
    modified: null,
    byline,
    siteName: null,
    url: null,
    canonicalUrl: null,
    declaredLanguage: null,
  });
}
