import { parseDocument } from 'htmlparser2';
import { textContent } from './dom.js';

const ARTICLE_TYPES = /article|posting|report|blog/i;

/**
 * The `articleBody` texts of the article-like objects in a page's JSON-LD scripts, as plain
 * text: some sites put markup and character references in it. Broken JSON is skipped.
 */
export function jsonLdArticleBodies(scripts: readonly string[]): string[] {
  const bodies: string[] = [];
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue;
    }
    for (const node of objectsIn(data)) {
      const type = node['@type'];
      const types = Array.isArray(type) ? type.join(' ') : String(type ?? '');
      const body = node.articleBody;
      if (!ARTICLE_TYPES.test(types) || typeof body !== 'string' || body.trim() === '') continue;
      bodies.push(/[<&]/.test(body) ? textContent(parseDocument(body)) : body);
    }
  }
  return bodies;
}

/** Every object in a JSON-LD value, looking inside arrays and @graph. */
function objectsIn(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return [record, ...objectsIn(record['@graph'])];
}
