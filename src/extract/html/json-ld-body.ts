import { parseDocument } from 'htmlparser2';
import { textContent } from './dom.js';
import { isArticleNode, jsonLdNodes } from './json-ld.js';

/**
 * The `articleBody` texts of the article-like objects in a page's JSON-LD scripts, as plain
 * text: some sites put markup and character references in it. Broken JSON is skipped.
 */
export function jsonLdArticleBodies(scripts: readonly string[]): string[] {
  const bodies: string[] = [];
  for (const node of jsonLdNodes(scripts)) {
    const body = node.articleBody;
    if (!isArticleNode(node) || typeof body !== 'string' || body.trim() === '') continue;
    bodies.push(/[<&]/.test(body) ? textContent(parseDocument(body)) : body);
  }
  return bodies;
}
