import { joinNames, personName } from '../names.js';
import { attribute, type HtmlElement, textContent } from './dom.js';

/** Article fields found in JSON-LD blocks (schema.org NewsArticle and friends). */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  /** Author names, "A and B" for several. */
  author: string | null;
  /** Every author is typed schema.org Person: a deliberate byline, not a site-wide credit. */
  authorIsPerson: boolean;
  url: string | null;
  /** The publisher's name, else the name of the WebSite node. */
  siteName: string | null;
}

export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPES = /article|posting|report|blog/i;
/** Pages not typed as articles still date themselves as WebPage (or fact-check ClaimReview) nodes. */
const PAGE_TYPES = /webpage|claimreview/i;

/**
 * Every object of the page's JSON-LD scripts, looking inside arrays and @graph; broken JSON is
 * skipped. Parsed once per page: metadata and the declared article body both read them.
 */
export function pageJsonLd(elements: readonly HtmlElement[]): JsonLdNode[] {
  return elements.filter(isJsonLdScript).flatMap((script) => {
    try {
      return flatten(JSON.parse(textContent(script)));
    } catch {
      return [];
    }
  });
}

function isJsonLdScript(element: HtmlElement): boolean {
  return element.name === 'script' && /ld\+json/i.test(attribute(element, 'type') ?? '');
}

/**
 * Reads the article-like objects among the page's JSON-LD nodes (the first one that has a field
 * wins). References by "@id" are followed, as Yoast-style @graph blocks name the author and
 * publisher only by reference.
 */
export function jsonLdArticleFields(nodes: readonly JsonLdNode[]): JsonLdArticle {
  const byId = new Map<string, JsonLdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const resolve = (value: unknown): unknown => {
    const id = idOnly(value);
    return id === null ? value : (byId.get(id) ?? value);
  };
  const articles = nodes.filter(isArticleNode);
  const pages = nodes.filter((node) => PAGE_TYPES.test(typesOf(node)));
  const first = (candidates: readonly JsonLdNode[], read: (node: JsonLdNode) => string | null) => {
    for (const node of candidates) {
      const value = read(node);
      if (value !== null) return value;
    }
    return null;
  };
  const published = (node: JsonLdNode) => stringValue(node.datePublished) ?? stringValue(node.dateCreated);
  const credited = articles.find((node) => authorNames(node.author, resolve) !== null);
  const website = nodes.find((node) => /\bwebsite\b/i.test(typesOf(node)));
  return {
    headline: first(articles, (node) => stringValue(node.headline)),
    datePublished: first(articles, published) ?? first(pages, published),
    dateModified:
      first(articles, (node) => stringValue(node.dateModified)) ??
      first(pages, (node) => stringValue(node.dateModified)),
    author: credited ? authorNames(credited.author, resolve) : null,
    authorIsPerson:
      credited !== undefined &&
      listOf(credited.author).every((author) => /\bperson\b/i.test(typesOf(asNode(resolve(author))))),
    url: first(articles, (node) => stringValue(node.url) ?? stringValue(idOf(node.mainEntityOfPage))),
    siteName:
      first([...articles, ...pages], (node) => nameOf(resolve(node.publisher))) ??
      (website ? stringValue(website.name) : null),
  };
}

/** Whether a JSON-LD object is typed as an article (NewsArticle, BlogPosting, Report …). */
export function isArticleNode(node: JsonLdNode): boolean {
  return ARTICLE_TYPES.test(typesOf(node));
}

/** Every object in a JSON-LD value, looking inside arrays and @graph. */
function flatten(value: unknown): JsonLdNode[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as JsonLdNode;
  return [record, ...flatten(record['@graph'])];
}

function typesOf(node: JsonLdNode): string {
  const type = node['@type'];
  return Array.isArray(type) ? type.join(' ') : String(type ?? '');
}

/** "A and B" from a string, a Person or Organization, or a list of them; URLs are not names. */
function authorNames(value: unknown, resolve: (value: unknown) => unknown): string | null {
  const names = listOf(value)
    .map((author) => (typeof author === 'string' ? author : nameOf(resolve(author))))
    .map((name) => (name === null ? null : personName(name)))
    .filter((name): name is string => name !== null);
  return joinNames(names);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function asNode(value: unknown): JsonLdNode {
  return typeof value === 'object' && value !== null ? (value as JsonLdNode) : {};
}

function nameOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null ? stringValue((value as JsonLdNode).name) : null;
}

/** The @id of a bare reference ({"@id": "…"} and nothing else but maybe a @type). */
function idOnly(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as JsonLdNode;
  const keys = Object.keys(record).filter((key) => key !== '@type');
  return keys.length === 1 && typeof record['@id'] === 'string' ? record['@id'] : null;
}

function idOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as JsonLdNode)['@id'] : value;
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
