import { parseDocument } from 'htmlparser2';
import { textContent } from './dom.js';
import { isArticleNode, type JsonLdNode } from './json-ld.js';

/**
 * The `articleBody` texts of the article-like objects among a page's JSON-LD nodes, as plain
 * text: some sites put markup and character references in it.
 */
export function jsonLdArticleBodies(nodes: readonly JsonLdNode[]): string[] {
  const bodies: string[] = [];
  for (const node of nodes) {
    const body = node.articleBody;
    if (!isArticleNode(node) || typeof body !== 'string' || body.trim() === '') continue;
    bodies.push(/[<&]/.test(body) ? textContent(parseDocument(body)) : body);
  }
  return bodies;
}
