import { findElements, type HtmlElement, isElement } from './dom.js';
import { isUnlikelyContent } from './element-hints.js';

/**
 * Elements whose content is never article text. Not <head>: on pages whose markup never opens
 * <body>, a parser without HTML5's tree rules leaves the whole page inside <head>.
 */
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
  'title',
  'dialog',
  'menu',
]);

/**
 * An element holding more than this share of the page's text and the page's headline (or its
 * <main>) is a layout wrapper, whatever its class says (an "ad" or "sidebar" class on a wrapper
 * around the whole page). A long comment section has no headline of the page in it.
 */
const WRAPPER_SHARE = 0.5;
const WRAPPED_LANDMARKS = new Set(['h1', 'main']);

/** What an element holds, counted once for the whole page. */
interface Contents {
  /** Non-space characters of readable text. */
  chars: number;
  /** Of those, the characters inside a <blockquote>. */
  quotedChars: number;
  /** Whether an <h1> or <main> is among its descendants. */
  holdsLandmark: boolean;
}

/**
 * Decides whether an element with a chrome-like class, id or role is chrome to skip. Exceptions:
 * layout wrappers holding most of the page and its headline, and wrappers whose text is all a
 * quotation (an embedded post: a "social" or "embed" class around a quoted tweet is quoted
 * content, not a share bar).
 */
export class ChromeSubtrees {
  private contents: Map<HtmlElement, Contents> | null = null;

  constructor(private readonly root: HtmlElement) {}

  isChrome(element: HtmlElement): boolean {
    if (!isUnlikelyContent(element)) return false;
    // Counted for every element in one pass: nested chrome wrappers would each walk the rest.
    this.contents ??= contentsOf(this.root);
    const { chars, quotedChars, holdsLandmark } = this.contents.get(element) ?? EMPTY;
    if (chars === 0) return true;
    const pageChars = this.contents.get(this.root)?.chars ?? 0;
    if (chars > pageChars * WRAPPER_SHARE && holdsLandmark) return false;
    return quotedChars < chars;
  }
}

const EMPTY: Contents = { chars: 0, quotedChars: 0, holdsLandmark: false };

/**
 * The contents of `root` and of every element under it, children before parents (document order
 * reversed). Text under elements that are never text does not count.
 */
function contentsOf(root: HtmlElement): Map<HtmlElement, Contents> {
  const contents = new Map<HtmlElement, Contents>();
  for (const element of [root, ...findElements(root)].reverse()) {
    let chars = 0;
    let quotedChars = 0;
    let holdsLandmark = false;
    for (const child of element.children) {
      if (child.type === 'text') chars += child.data.replace(/\s+/g, '').length;
      if (!isElement(child)) continue;
      const inner = contents.get(child)!;
      chars += inner.chars;
      quotedChars += inner.quotedChars;
      holdsLandmark ||= inner.holdsLandmark || WRAPPED_LANDMARKS.has(child.name);
    }
    if (NEVER_TEXT.has(element.name)) {
      chars = 0;
      quotedChars = 0;
    }
    if (element.name === 'blockquote') quotedChars = chars;
    contents.set(element, { chars, quotedChars, holdsLandmark });
  }
  return contents;
}
