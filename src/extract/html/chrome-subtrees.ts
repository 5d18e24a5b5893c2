import { DomUtils } from 'htmlparser2';
import { type HtmlElement, type HtmlNode, isElement } from './dom.js';
import { isUnlikelyContent } from './element-hints.js';

/** Elements whose content is never article text. */
export const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'button',
  'select',
  'input',
  'textarea',
  'option',
  'fieldset',
  'nav',
  'aside',
  'footer',
  'figure',
  'head',
  'title',
  'dialog',
  'menu',
]);

/**
 * An element holding more than this share of the page's text and the page's headline (or its
 * <main>) is a layout wrapper, whatever its class says ("ad-margins",
 * "advertisement-off-canvas--pusher" around the whole page). A long comment section has no
 * headline of the page in it.
 */
const WRAPPER_SHARE = 0.5;
const WRAPPED_LANDMARKS = new Set(['h1', 'main']);

/**
 * Decides whether an element with a chrome-like class, id or role is chrome to skip. Exceptions:
 * layout wrappers holding most of the page and its headline, and wrappers whose text is all a
 * quotation (an embedded post: "social-embed" around a quoted tweet is quoted content, not a
 * share bar).
 */
export class ChromeSubtrees {
  private pageChars: number | null = null;

  constructor(private readonly root: HtmlElement) {}

  isChrome(element: HtmlElement): boolean {
    if (!isUnlikelyContent(element)) return false;
    const chars = visibleChars(element, false);
    if (chars === 0) return true;
    this.pageChars ??= visibleChars(this.root, false);
    if (chars > this.pageChars * WRAPPER_SHARE && holdsLandmark(element)) return false;
    return visibleChars(element, true) < chars;
  }
}

function holdsLandmark(element: HtmlElement): boolean {
  return DomUtils.findOne((inner) => WRAPPED_LANDMARKS.has(inner.name), element.children) !== null;
}

/** Non-space characters of readable text under a node; `quotedOnly` counts only text inside <blockquote>. */
function visibleChars(node: HtmlNode, quotedOnly: boolean): number {
  let chars = 0;
  const stack: Array<{ node: HtmlNode; quoted: boolean }> = [{ node, quoted: false }];
  while (stack.length > 0) {
    const { node: current, quoted } = stack.pop()!;
    if (current.type === 'text') {
      if (quoted || !quotedOnly) chars += current.data.replace(/\s+/g, '').length;
      continue;
    }
    if (!isElement(current) || NEVER_TEXT.has(current.name)) continue;
    const inQuote = quoted || current.name === 'blockquote';
    for (const child of current.children) stack.push({ node: child, quoted: inQuote });
  }
  return chars;
}
