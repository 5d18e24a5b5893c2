import type { Article, RawDocument } from '../model/article.js';
import type { PageFacts } from './article-check.js';
import { articleHeader } from './article-header.js';
import { assembleArticle } from './assemble-article.js';
import { classifyBlocks } from './classify-blocks.js';
import { plainTextBlocks } from './plain-text-blocks.js';
import { wordCount } from './word-count.js';

/**
 * Extracts the story from plain or flattened-page text, dropping page chrome line by line; with
 * the story's blocks and the words of the whole text, for the no-article check; with `header`,
 * the lines from the text's headline down to the story.
 */
export function extractPlainText(
  raw: RawDocument,
  options: { header?: boolean } = {},
): { article: Article; page: PageFacts } {
  const blocks = plainTextBlocks(raw.content);
  const classified = classifyBlocks(blocks, 'text');
  const { title, published, byline } = classified;
  // A text of one paragraph has no page around it to drop: it is the story the user gave, even
  // when its wording reads like chrome (a sentence with a copyright line run into it).
  const labels =
    blocks.length === 1 && classified.labels[0] !== 'story' ? (['story'] as const) : classified.labels;
  const article = assembleArticle(raw, blocks, labels, {
    title,
    dateClues: published === null ? [] : [{ iso: published, from: 'dateline' }],
    modified: null,
    byline,
    siteName: null,
    url: null,
    canonicalUrl: null,
    declaredLanguage: null,
  });
  const storyBlocks = blocks.filter((_, index) => labels[index] === 'story');
  if (options.header === true) article.header = articleHeader(blocks, storyBlocks[0]!.start, article.title);
  return { article, page: { storyBlocks, pageWords: () => wordCount(raw.content), declaresArticle: false } };
}
