import { type HtmlElement, isInsideAny, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';

/** Sibling <article> elements that make a feed ("You may also like", "More stories"). */
const MIN_FEED_ITEMS = 3;
/** Prose outside the feed that makes the page a story rather than a feed (a short story's worth). */
const MIN_STORY_OUTSIDE_FEED = 500;
/** Blocks at least this long count as prose when weighing what lies outside the feed. */
const MIN_PROSE_BLOCK = 80;

/**
 * The blocks outside feeds of other stories: an element with several <article> children lists
 * self-contained compositions (teasers of other posts), so its items never hold the page's story.
 * Only applied when the page has a story's worth of prose outside the feed: a page that is a feed
 * (a live blog, a home page) keeps everything.
 */
export function blocksOutsideFeeds(blocks: readonly HtmlBlock[]): readonly HtmlBlock[] {
  const articlesByParent = new Map<HtmlElement, Set<HtmlElement>>();
  for (const block of blocks) {
    for (
      let element: HtmlElement | null = block.element;
      element !== null;
      element = parentElement(element)
    ) {
      const parent = parentElement(element);
      if (element.name !== 'article' || parent === null) continue;
      const articles = articlesByParent.get(parent) ?? new Set<HtmlElement>();
      articles.add(element);
      articlesByParent.set(parent, articles);
    }
  }
  const items = new Set<HtmlElement>();
  for (const articles of articlesByParent.values()) {
    if (articles.size >= MIN_FEED_ITEMS) for (const article of articles) items.add(article);
  }
  if (items.size === 0) return blocks;
  const outside = blocks.filter((block) => !isInsideAny(block.element, items));
  const prose = outside.reduce(
    (sum, block) => sum + (block.text.length >= MIN_PROSE_BLOCK ? block.text.length : 0),
    0,
  );
  return prose >= MIN_STORY_OUTSIDE_FEED ? outside : blocks;
}
