import { wordCount } from '../word-count.js';
import { type HtmlDocument, type HtmlNode, isElement } from './dom.js';

/** Elements whose text a reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Words of everything the page shows: its text outside scripts, styles and comments, head
 * included. Read from the parsed page in one pass, so markup left open (a comment, a script)
 * counts as a browser shows it.
 */
export function pageWords(document: HtmlDocument): number {
  let words = 0;
  const stack: HtmlNode[] = [...document.children];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') words += wordCount(node.data);
    if (!isElement(node) || INVISIBLE.has(node.name)) continue;
    for (const child of node.children) stack.push(child);
  }
  return words;
}
