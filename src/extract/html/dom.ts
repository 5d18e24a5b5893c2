import { type DomUtils, parseDocument } from 'htmlparser2';

/** The DOM types of htmlparser2's default handler (domhandler), named for readability. */
export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];

/** Parses HTML keeping every node's start and end index into the markup. */
export function parseHtml(content: string): HtmlDocument {
  return parseDocument(withBrokenTitleOpened(content), { withStartIndices: true, withEndIndices: true });
}

const TITLE_OPEN = /<title\b[^>]*>/i;
const TITLE_CLOSE = /<\/title\s*>/i;
/** Markup that never occurs inside a real title: the title was never closed. */
const TAG_IN_TITLE = /<\/?(?:head|body|meta|link|script|style|div|table|p|a|span|br)\b/i;

/**
 * A <title> left unclosed (a truncated or spliced save) swallows the whole page as title text
 * in the parser; its opening tag is blanked out with spaces so the rest parses as markup.
 * Spaces of the same length keep every offset into the page unchanged.
 */
function withBrokenTitleOpened(content: string): string {
  const open = TITLE_OPEN.exec(content);
  if (open === null) return content;
  const after = open.index + open[0].length;
  const close = TITLE_CLOSE.exec(content.slice(after));
  const inside = close === null ? content.slice(after) : content.slice(after, after + close.index);
  if (!TAG_IN_TITLE.test(inside)) return content;
  return content.slice(0, open.index) + ' '.repeat(open[0].length) + content.slice(after);
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node;
}

/** A heading's tag name, h1 to h6. */
export function isHeadingTag(name: string): boolean {
  return /^h[1-6]$/.test(name);
}

/** A heading element, <h1> to <h6>. */
export function isHeading(element: HtmlElement): boolean {
  return isHeadingTag(element.name);
}

/** The parent when it is an element (not the document). */
export function parentElement(element: HtmlElement): HtmlElement | null {
  const parent = element.parent;
  return parent !== null && isElement(parent) ? parent : null;
}

/** Steps up from `element` to the lowest ancestor it shares with `other`, at most `maxLevels`. */
export function levelsToCommonAncestor(element: HtmlElement, other: HtmlElement, maxLevels: number): number {
  const ancestors = new Set<HtmlElement>();
  for (let current: HtmlElement | null = other; current !== null; current = parentElement(current)) {
    ancestors.add(current);
  }
  let levels = 0;
  for (let current: HtmlElement | null = element; current !== null; current = parentElement(current)) {
    if (ancestors.has(current) || levels >= maxLevels) break;
    levels++;
  }
  return levels;
}

/** The element and every element above it, nearest first. */
export function elementAndAncestors(element: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (let current: HtmlElement | null = element; current !== null; current = parentElement(current))
    chain.push(current);
  return chain;
}

/** The smallest element holding all of `elements` (the one itself when alone), or null. */
export function commonAncestor(elements: readonly HtmlElement[]): HtmlElement | null {
  if (elements.length === 0) return null;
  let chain = elementAndAncestors(elements[0]!);
  for (const element of elements.slice(1)) {
    const others = new Set(elementAndAncestors(element));
    chain = chain.filter((ancestor) => others.has(ancestor));
  }
  return chain[0] ?? null;
}

/** Whether `element` is one of `chosen` or inside one of them. */
export function isInsideAny(element: HtmlElement, chosen: ReadonlySet<HtmlElement>): boolean {
  for (let current: HtmlElement | null = element; current !== null; current = parentElement(current)) {
    if (chosen.has(current)) return true;
  }
  return false;
}

export function attribute(element: HtmlElement, name: string): string | null {
  return element.attribs[name] ?? null;
}

/**
 * An element's kind: its tag and class ("div.story-chunk"), as a template repeats it box after
 * box. Null without a class: bare elements are too common to be recognised as one kind.
 */
export function kindOf(element: HtmlElement): string | null {
  const kind = element.attribs.class?.trim();
  return kind ? `${element.name}.${kind}` : null;
}

/**
 * Elements in document order (depth first), optionally only those with the given names. Walks
 * with an explicit stack: linear time and no recursion however deep broken markup nests.
 */
export function findElements(root: HtmlDocument | HtmlElement, names?: ReadonlySet<string>): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlNode[] = [...root.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (names === undefined || names.has(node.name)) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return found;
}

/** All text under a node (script content included, comments not), whitespace collapsed. */
export function textContent(node: HtmlNode | HtmlElement): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current.type === 'text' && 'data' in current) parts.push(current.data);
    else if ('children' in current) {
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Share of the document's readable text the first of several <body> elements must hold to be the content. */
const WHOLE_BODY_SHARE = 0.9;
/** Elements whose text is never shown (the head's title included). */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'title']);

/** Characters of text outside scripts, styles and the like. */
function readableChars(root: HtmlDocument | HtmlElement): number {
  let chars = 0;
  const stack: HtmlNode[] = [...root.children];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text' && 'data' in node) chars += node.data.trim().length;
    else if (isElement(node) && !UNREAD.has(node.name)) stack.push(...node.children);
  }
  return chars;
}

/**
 * The element holding the page's visible content: <body>, else <html>, else (for a fragment,
 * or a page of several bodies) a stand-in body adopting the top-level nodes, so callers always
 * get an element.
 */
export function contentRoot(document: HtmlDocument): HtmlElement {
  const bodies = findElements(document, new Set(['body']));
  // Pages glued from several documents, or whose <body> a stray </body> (or an empty <body/>)
  // closes before the content, have text outside their first <body>: then the whole document is
  // the content.
  const body =
    bodies.length > 0 && readableChars(bodies[0]!) < readableChars(document) * WHOLE_BODY_SHARE
      ? undefined
      : (bodies[0] ?? findElements(document, new Set(['html']))[0]);
  if (body) return body;
  const standIn = findElements(parseDocument('<body></body>'), new Set(['body']))[0]!;
  standIn.children = [...document.children];
  for (const child of standIn.children) child.parent = standIn;
  return standIn;
}
