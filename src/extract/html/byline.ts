import { readDateline } from '../dateline.js';
import { joinNames, MAX_NAME_WORDS, personName } from '../names.js';
import { attribute, type HtmlElement, textContent } from './dom.js';
import type { JsonLdArticle } from './json-ld.js';

const AUTHOR_NAMES = ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author'];

/**
 * Authors: JSON-LD persons, else meta tags (several tags make several authors), else JSON-LD
 * organisations, else the text of a link marked rel="author" or an element marked
 * itemprop="author" when it reads as a name, else a visible "By …" line. A meta author is often
 * set once for the whole site (the publisher or its parent company), so a person the JSON-LD
 * names is the better byline. Profile URLs are not names.
 */
export function bylineOf(
  elements: readonly HtmlElement[],
  meta: ReadonlyMap<string, string[]>,
  jsonLd: JsonLdArticle,
): string | null {
  if (jsonLd.author !== null && jsonLd.authorIsPerson) return jsonLd.author;
  for (const name of AUTHOR_NAMES) {
    const names = (meta.get(name) ?? []).map(personName).filter((value): value is string => value !== null);
    if (names.length > 0) return joinNames(names);
  }
  if (jsonLd.author !== null) return jsonLd.author;
  const marked =
    elements.find((element) => element.name === 'a' && /\bauthor\b/i.test(attribute(element, 'rel') ?? '')) ??
    elements.find((element) => /^author$/i.test(attribute(element, 'itemprop') ?? ''));
  const text = marked ? personName(textContent(marked)) : null;
  return text !== null && looksLikeName(text) ? text : visibleByline(elements);
}

/** Words a visible byline opens with, in the languages the dateline reader knows. */
const BYLINE_OPENING = /^\s*(?:by|written by|story by|reporting by|von|par|por|di)(?:\s+\p{Lu}|\s*$)/iu;
const BYLINE_MAX_WORDS = 12;

/**
 * The name in the first short element that reads as a byline ("By Tomas Reyes · 18 April
 * 2024"). Only elements whose own text opens that way are read whole, so a page costs one pass.
 */
function visibleByline(elements: readonly HtmlElement[]): string | null {
  for (const element of elements) {
    const opening = element.children.find((child) => child.type === 'text' || 'attribs' in child);
    if (opening?.type !== 'text' || !BYLINE_OPENING.test((opening as { data: string }).data)) continue;
    const text = textContent(element);
    const words = text.split(' ').length;
    if (words > BYLINE_MAX_WORDS) continue;
    const byline = readDateline(text, words)?.byline;
    if (byline) return byline;
  }
  return null;
}

/** Visible text that is only a name: a few words, no digits or separators (not "Jane Doe | May 3"). */
function looksLikeName(text: string): boolean {
  return text.split(' ').length <= MAX_NAME_WORDS && !/[\d|•·:]/.test(text);
}
