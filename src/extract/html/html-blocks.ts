import type { TextBlock } from '../text-block.js';
import { ChromeSubtrees, NEVER_TEXT } from './chrome-subtrees.js';
import { type HtmlElement, type HtmlNode, isElement, textContent } from './dom.js';
import { isHidden } from './element-hints.js';
import { markupRuns } from './text-pieces.js';

/**
 * Landmark elements of page chrome that some sites still fill with their story, and <noscript>,
 * where pages built by script give their story to readers without it.
 */
const LANDMARKS = new Set(['aside', 'footer', 'nav', 'figure', 'noscript']);

/** A block of an HTML page, with the block-level element it sits in. */
export interface HtmlBlock extends TextBlock {
  element: HtmlElement;
}

/** Elements that start and end a block of text. */
const BLOCK_LEVEL = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

interface PendingPiece {
  text: string;
  start: number;
  end: number;
  gapBefore: string;
  exact: boolean;
}

/**
 * The text blocks under `root`, in document order: one per run of text inside a block-level
 * element (a <br> also ends a block). Whitespace is collapsed; every piece keeps its markup
 * range so offsets map back into the page.
 */
export function htmlBlocks(
  content: string,
  root: HtmlElement,
  options: { skipUnlikely: boolean; landmarks?: boolean },
): HtmlBlock[] {
  const chrome = options.skipUnlikely ? new ChromeSubtrees(root) : null;
  const blocks: HtmlBlock[] = [];
  let pieces: PendingPiece[] = [];
  let linkChars = 0;
  let pendingSpace = false;

  const flush = (element: HtmlElement): void => {
    if (pieces.length > 0) {
      const block = pieces.reduce(
        (text, piece, index) => text + (index === 0 ? '' : piece.gapBefore) + piece.text,
        '',
      );
      blocks.push({
        text: block,
        pieces: pieces.map(({ text, start, end, gapBefore }, index) => ({
          text,
          start,
          end,
          gapBefore: index === 0 ? '' : gapBefore,
        })),
        start: pieces[0]!.start,
        end: pieces[pieces.length - 1]!.end,
        linkChars: Math.min(linkChars, block.length),
        tag: element.name,
        separated: true,
        element,
      });
    }
    pieces = [];
    linkChars = 0;
    pendingSpace = false;
  };

  const append = (text: string, start: number, end: number, exact: boolean, inLink: boolean): void => {
    const gap = pendingSpace && pieces.length > 0 ? ' ' : '';
    pendingSpace = false;
    const last = pieces[pieces.length - 1];
    if (inLink) linkChars += text.length + gap.length;
    // Neighbouring literal text separated by exactly the gap in the markup is one piece.
    if (last?.exact && exact && content.slice(last.end, start) === gap) {
      last.text += gap + text;
      last.end = end;
      return;
    }
    pieces.push({ text, start, end, gapBefore: gap, exact });
  };

  const visitText = (start: number, end: number, data: string, inLink: boolean): void => {
    for (const run of markupRuns(content, start, end, data)) {
      const exact = run.text.length === run.end - run.start;
      if (!exact) {
        if (run.text.trim() === '') pendingSpace = true;
        else {
          if (/^\s/.test(run.text)) pendingSpace = true;
          append(run.text.trim(), run.start, run.end, false, inLink);
          if (/\s$/.test(run.text)) pendingSpace = true;
        }
        continue;
      }
      for (const token of run.text.matchAll(/\s+|\S+/g)) {
        if (/^\s/.test(token[0])) pendingSpace = true;
        else
          append(token[0], run.start + token.index, run.start + token.index + token[0].length, true, inLink);
      }
    }
  };

  // An explicit stack instead of recursion: malformed pages can nest thousands of elements.
  type Step = { node: HtmlNode; blockElement: HtmlElement; inLink: boolean } | { closes: HtmlElement };
  const stack: Step[] = [{ node: root, blockElement: root, inLink: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('closes' in step) {
      flush(step.closes);
      continue;
    }
    const { node, blockElement, inLink } = step;
    if (node.type === 'text') {
      if (node.startIndex !== null && node.endIndex !== null) {
        visitText(node.startIndex, node.endIndex + 1, node.data, inLink);
      }
      continue;
    }
    if (!isElement(node)) continue;
    if (
      (NEVER_TEXT.has(node.name) && !(options.landmarks === true && LANDMARKS.has(node.name))) ||
      isHidden(node)
    )
      continue;
    if (chrome?.isChrome(node)) continue;
    if (node.name === 'br') {
      flush(blockElement);
      continue;
    }
    const isBlock = BLOCK_LEVEL.has(node.name);
    if (isBlock) {
      flush(blockElement);
      stack.push({ closes: node });
    }
    const innerBlock = isBlock ? node : blockElement;
    const innerLink = inLink || (node.name === 'a' && !showsOwnAddress(node));
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push({ node: node.children[index]!, blockElement: innerBlock, inLink: innerLink });
    }
  }

  flush(root);
  return blocks;
}

/**
 * A link whose text is a bare web address: an address the author wrote out (a source, a shop
 * link), read as text. Navigation names its destination in words instead.
 */
function showsOwnAddress(link: HtmlElement): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(textContent(link));
}
