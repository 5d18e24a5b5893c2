import type { ReaderComment } from '../../model/article.js';
import { chromeKindByWording } from '../chrome-patterns.js';
import { wordCount } from '../word-count.js';
import { attribute, findElements, type HtmlElement, isInsideAny, parentElement } from './dom.js';
import { htmlBlocks } from './html-blocks.js';

/**
 * Class, id or section names of a comment thread, as blog and news software name them in
 * several languages ("comments", "commentlist", "disqus_thread", "kommentare", "reacties").
 */
const COMMENT_HINT =
  /comment|disqus|discussion|respon[sd]|replies|talkback|reactions?\b|kommentar|commentaire|comentario|commenti|komentarz|reacties|коммент/i;
/** Hints of a box about comments rather than the thread: counts, forms, "most commented" lists. */
const NOT_A_THREAD = /count|form|most|popular|top-?comment|link|button|meta|share|login|rss|feed/i;
/** A comment's text: enough words outside links to be something a reader wrote. */
const MIN_COMMENT_WORDS = 4;
const MAX_LINK_SHARE = 0.5;
/** A thread holds at least this many words of such text. */
const MIN_THREAD_WORDS = 15;

/**
 * The page's reader comments, apart from its story: the text of the outermost element named as a
 * comment thread (by class or id) that holds none of the story's blocks, written by readers
 * rather than made of links, prompts and forms. Each comment paragraph is one entry, in page
 * order, with its offsets into the page.
 */
export function readerComments(
  content: string,
  root: HtmlElement,
  storyElements: ReadonlySet<HtmlElement>,
): ReaderComment[] {
  const threads = findElements(root).filter(
    (element) => isThreadElement(element) && !holdsAny(element, storyElements),
  );
  const threadSet = new Set(threads);
  const outermost = threads.filter((element) => !hasAncestorIn(element, threadSet));
  const comments: ReaderComment[] = [];
  for (const thread of outermost) {
    const paragraphs = htmlBlocks(content, thread, { skipUnlikely: false }).filter((block) => {
      const words = wordCount(block.text);
      return (
        words >= MIN_COMMENT_WORDS &&
        block.linkChars <= block.text.length * MAX_LINK_SHARE &&
        chromeKindByWording(block.text, words) === null
      );
    });
    if (paragraphs.reduce((sum, block) => sum + wordCount(block.text), 0) < MIN_THREAD_WORDS) continue;
    for (const block of paragraphs) comments.push({ text: block.text, start: block.start, end: block.end });
  }
  return comments.sort((a, b) => a.start - b.start);
}

export function isThreadElement(element: HtmlElement): boolean {
  const hints = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return (
    COMMENT_HINT.test(hints) && !NOT_A_THREAD.test(hints) && element.name !== 'a' && element.name !== 'form'
  );
}

function hasAncestorIn(element: HtmlElement, elements: ReadonlySet<HtmlElement>): boolean {
  for (let parent = parentElement(element); parent !== null; parent = parentElement(parent)) {
    if (elements.has(parent)) return true;
  }
  return false;
}

/** Whether any story element lies inside `element` (a wrapper around story and thread alike). */
function holdsAny(element: HtmlElement, storyElements: ReadonlySet<HtmlElement>): boolean {
  for (const story of storyElements) if (isInsideAny(story, new Set([element]))) return true;
  return false;
}
