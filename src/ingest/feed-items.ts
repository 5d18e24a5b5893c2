import { DomUtils, parseDocument } from 'htmlparser2';
import { WiretraceError } from '../errors.js';
import { type HtmlElement, type HtmlNode, isElement } from '../extract/html/dom.js';
import type { RawDocument } from '../model/article.js';
import type { InputFailure } from './input-failure.js';

type Element = HtmlElement;

function isTagNamed(node: HtmlNode, name: string): node is Element {
  return isElement(node) && node.name.toLowerCase() === name;
}

/** An item's fields as a feed states them. */
interface FeedItem {
  title: string | null;
  link: string | null;
  guid: string | null;
  published: string | null;
  /** The item's story as HTML (full content when the feed carries it, else its description). */
  html: string | null;
}

/** The first child element with one of these tag names (checked in order of preference). */
function child(element: Element, names: readonly string[]): Element | null {
  for (const name of names) {
    const found = element.children.find((node): node is Element => isTagNamed(node, name));
    if (found !== undefined) return found;
  }
  return null;
}

function childText(element: Element, names: readonly string[]): string | null {
  const found = child(element, names);
  const text = found === null ? '' : DomUtils.textContent(found).trim();
  return text === '' ? null : text;
}

/** Atom's <link rel="alternate" href>, or RSS's <link>text</link>. */
function itemLink(element: Element): string | null {
  const links = element.children.filter((node): node is Element => isTagNamed(node, 'link'));
  for (const link of links) {
    const rel = link.attribs.rel ?? 'alternate';
    const href = link.attribs.href ?? DomUtils.textContent(link).trim();
    if (rel === 'alternate' && href !== '') return href;
  }
  return null;
}

/** Content markup: Atom xhtml content is child elements, RSS and Atom html content is escaped text. */
function itemHtml(element: Element): string | null {
  const content = child(element, ['content:encoded', 'content', 'description', 'summary']);
  if (content === null) return null;
  const html =
    content.attribs.type === 'xhtml'
      ? DomUtils.getInnerHTML(content, { xmlMode: true })
      : DomUtils.textContent(content);
  return html.trim() === '' ? null : html;
}

function readItem(element: Element): FeedItem {
  return {
    title: childText(element, ['title']),
    link: itemLink(element),
    guid: childText(element, ['guid', 'id']),
    published: childText(element, ['pubdate', 'published', 'dc:date', 'updated']),
    html: itemHtml(element),
  };
}

/** Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in document order. */
function feedItems(xml: string): FeedItem[] {
  const document = parseDocument(xml, { xmlMode: true });
  const items = DomUtils.getElements(
    { tag_name: (name: string) => name.toLowerCase() === 'item' || name.toLowerCase() === 'entry' },
    document,
    true,
  );
  return items.filter(isElement).map(readItem);
}

/**
 * Reads an RSS or Atom feed: each item with content becomes an HTML document named
 * `feed#<guid or link or position>`; an item with only a link is reported (pages are not fetched).
 */
export function* feedDocuments(
  xml: string,
  input: string,
  encoding: string,
): Generator<RawDocument | InputFailure> {
  const items = feedItems(xml);
  if (items.length === 0) throw new WiretraceError('INPUT_EMPTY', 'feed without items', input);
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const key = item.guid ?? item.link ?? String(index + 1);
    const name = seen.has(key) ? `${input}#${index + 1}` : `${input}#${key}`;
    seen.add(key);
    if (item.html === null) {
      const detail =
        item.link === null
          ? 'feed item without content or link'
          : `feed item has only a link (${item.link}); pages are not fetched: save the page and give its file`;
      yield { input: name, error: new WiretraceError('INPUT_EMPTY', detail, name) };
      continue;
    }
    const meta: NonNullable<RawDocument['meta']> = {};
    if (item.title !== null) meta.title = item.title;
    if (item.link !== null) meta.url = item.link;
    if (item.published !== null) meta.published = item.published;
    yield { input: name, format: 'html', content: item.html, encoding, meta };
  }
}
