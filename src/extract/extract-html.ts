import type { Article, RawDocument } from '../model/article.js';
import type { PageFacts } from './article-check.js';
import { assembleArticle } from './assemble-article.js';
import { classifyBlocks } from './classify-blocks.js';
import { mainContentBlocks } from './html/content-container.js';
import { bodyDeclaration, declaredBody } from './html/declared-body.js';
import { contentRoot, findElements, parseHtml } from './html/dom.js';
import { type HtmlBlock, htmlBlocks } from './html/html-blocks.js';
import { htmlMetadata } from './html/html-metadata.js';
import { pageJsonLd } from './html/json-ld.js';
import { pageWords } from './html/page-words.js';
import { readerComments } from './html/reader-comments.js';
import { withStoryContext } from './html/story-context.js';
import { withLeadBeforeBody } from './html/story-lead.js';
import { withStrayTailAsRelated } from './html/story-tail.js';
import { withTrailingLinkListsAsRelated } from './html/trailing-link-lists.js';
import type { DateClue } from './published-date.js';

/** Below this many characters the content choice is retried without dropping chrome-like classes. */
const MIN_CONTENT_CHARS = 250;

/**
 * Extracts the story from an HTML page: metadata from the head; the main content container chosen
 * Readability-style, or the article body the page declares when the two disagree; the same
 * line-level chrome filter as for flattened text; then structure has the last word on what the
 * line filter judged by position or links alone (paragraph context, link lists and stray boxes
 * after the story). With the story's blocks and the words the page shows, for the no-article
 * check. With `comments`, the page's reader comments apart from the story.
 */
export function extractHtml(
  raw: RawDocument,
  options: { comments?: boolean } = {},
): { article: Article; page: PageFacts } {
  const document = parseHtml(raw.content);
  const elements = findElements(document);
  const jsonLd = pageJsonLd(elements);
  const metadata = htmlMetadata(elements, jsonLd);
  const declaration = bodyDeclaration(elements, jsonLd);
  const root = contentRoot(document);
  const strict = htmlBlocks(raw.content, root, { skipUnlikely: true });
  let blocks = withLeadBeforeBody(strict, mainContentBlocks(strict, declaredBody(declaration, strict)));
  if (textLength(blocks) < MIN_CONTENT_CHARS) {
    // Some sites put the story in elements whose class names look like chrome; look again.
    const all = htmlBlocks(raw.content, root, { skipUnlikely: false });
    const relaxed = withLeadBeforeBody(all, mainContentBlocks(all, declaredBody(declaration, all)));
    if (textLength(relaxed) > textLength(blocks)) blocks = relaxed;
  }
  const knownTitle = metadata.title ?? metadata.documentTitle;
  const classification = classifyBlocks(blocks, 'html', knownTitle);
  const inContext = withStoryContext(blocks, classification.labels);
  const labels = withStrayTailAsRelated(blocks, withTrailingLinkListsAsRelated(blocks, inContext));
  const article = assembleArticle(raw, blocks, labels, {
    title: classification.title,
    dateClues: withVisibleDate(metadata.dateClues, classification.published),
    modified: metadata.modified,
    byline: metadata.byline ?? classification.byline,
    siteName: metadata.siteName,
    url: metadata.url,
    canonicalUrl: metadata.canonicalUrl,
    declaredLanguage: metadata.language,
  });
  const storyBlocks = blocks.filter((_, index) => labels[index] === 'story');
  if (options.comments === true) {
    article.comments = readerComments(raw.content, root, new Set(storyBlocks.map((block) => block.element)));
  }
  return { article, page: { storyBlocks, pageWords: () => pageWords(document) } };
}

/** The markup's date clues, the date line found among the story's blocks first. */
function withVisibleDate(clues: readonly DateClue[], dateline: string | null): DateClue[] {
  return dateline === null ? [...clues] : [{ iso: dateline, from: 'dateline' }, ...clues];
}

function textLength(blocks: readonly HtmlBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}
