/** Article fields found in JSON-LD blocks (schema.org NewsArticle and friends). */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  url: string | null;
}

const ARTICLE_TYPES = /article|posting|report|blog/i;

/** Reads the first article-like object of the page's JSON-LD scripts; broken JSON is skipped. */
export function jsonLdArticleFields(scripts: readonly string[]): JsonLdArticle {
  const result: JsonLdArticle = { headline: null, datePublished: null, author: null, url: null };
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue;
    }
    for (const node of flatten(data)) {
      const type = node['@type'];
      const types = Array.isArray(type) ? type.join(' ') : String(type ?? '');
      if (!ARTICLE_TYPES.test(types)) continue;
      result.headline ??= stringValue(node.headline);
      result.datePublished ??= stringValue(node.datePublished) ?? stringValue(node.dateCreated);
      result.author ??= authorName(node.author);
      result.url ??= stringValue(node.url) ?? stringValue(idOf(node.mainEntityOfPage));
    }
  }
  return result;
}

/** Every object in a JSON-LD value, looking inside arrays and @graph. */
function flatten(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return [record, ...flatten(record['@graph'])];
}

function authorName(value: unknown): string | null {
  const names = (Array.isArray(value) ? value : [value])
    .map((author) =>
      typeof author === 'string' ? author : stringValue((author as Record<string, unknown> | null)?.name),
    )
    .filter((name): name is string => name !== null && name.trim() !== '' && !/^https?:/i.test(name));
  return names.length > 0 ? names.join(', ') : null;
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['@id'] : value;
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
