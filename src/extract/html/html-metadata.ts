import { readDateline } from '../dateline.js';
import { findDate, normaliseDate } from '../dates.js';
import { languageFromTag } from '../language.js';
import { joinNames, personName } from '../names.js';
import { normalisedKey } from '../normalise-words.js';
import type { DateClue } from '../published-date.js';
import { attribute, findElements, type HtmlDocument, type HtmlElement, textContent } from './dom.js';
import { type JsonLdArticle, jsonLdArticleFields } from './json-ld.js';

/** What a page says about itself in its markup. */
export interface HtmlMetadata {
  title: string | null;
  /** The <title> element, often "Headline | Site". */
  documentTitle: string | null;
  /** Publication dates stated by JSON-LD, meta tags (or microdata) and <time>, as ISO 8601. */
  dateClues: DateClue[];
  modified: string | null;
  byline: string | null;
  siteName: string | null;
  /** The canonical URL, else og:url, else the JSON-LD url. */
  url: string | null;
  canonicalUrl: string | null;
  language: string | null;
}

const PUBLISHED_NAMES = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'cxenseparse:recs:publishtime',
  'originalpublicationdate',
];
const MODIFIED_NAMES = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'article.updated',
];
const AUTHOR_NAMES = ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'];
const LINK = new Set(['a']);
const APPLICATION_NAMES = ['application-name', 'apple-mobile-web-app-title'];
/** " | ", " - ", " – ", " — ", " :: ", " · ", " • " between a headline and a site name. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•]|::)\s+/;
/** A site or person name is a few words, not a second headline or a bio. */
const MAX_NAME_WORDS = 6;

/**
 * Title, dates, byline, site name, URLs and language from meta tags, JSON-LD, microdata, <time>,
 * <title> and <h1>.
 */
export function htmlMetadata(document: HtmlDocument): HtmlMetadata {
  const elements = findElements(document);
  const meta = metaValues(elements);
  const jsonLd = jsonLdArticleFields(elements.filter(isJsonLdScript).map((script) => textContent(script)));
  const first = (names: readonly string[]): string | null => {
    for (const name of names) {
      const value = meta.get(name)?.[0];
      if (value) return value;
    }
    return null;
  };

  const documentTitle = nonEmpty(textOf(elements.find((element) => element.name === 'title')));
  const h1 = nonEmpty(textOf(elements.find((element) => element.name === 'h1')));
  const statedTitle = first(['og:title', 'twitter:title']) ?? jsonLd.headline ?? h1;
  const title = statedTitle ?? documentTitle;

  const canonical = elements.find(
    (element) => element.name === 'link' && /\bcanonical\b/i.test(attribute(element, 'rel') ?? ''),
  );
  const pageUrl = first(['og:url']) ?? jsonLd.url;
  const canonicalUrl = absoluteUrl(nonEmpty(canonical ? attribute(canonical, 'href') : null), pageUrl);
  const siteName =
    [first(['og:site_name']), jsonLd.siteName, first(APPLICATION_NAMES)].map(nameOf).find(Boolean) ??
    siteFromDocumentTitle(documentTitle, statedTitle);
  const html = elements.find((element) => element.name === 'html');
  const language =
    languageFromTag(html ? (attribute(html, 'lang') ?? attribute(html, 'xml:lang')) : null) ??
    languageFromTag(first(['content-language', 'og:locale', 'language']));

  return {
    title: title ? shortestCopy(collapse(title), [h1, documentTitle], siteName) : null,
    documentTitle: documentTitle ? collapse(documentTitle) : null,
    dateClues: dateClues(elements, first(PUBLISHED_NAMES), jsonLd.datePublished),
    modified: isoDate(
      first(MODIFIED_NAMES) ?? jsonLd.dateModified ?? microdataValue(elements, 'datemodified'),
    ),
    byline: bylineOf(elements, meta, jsonLd),
    siteName,
    url: canonicalUrl ?? pageUrl,
    canonicalUrl,
    language,
  };
}

/** Every meta tag's values by lower-cased property, name or itemprop, in document order. */
function metaValues(elements: readonly HtmlElement[]): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const element of elements) {
    if (element.name !== 'meta') continue;
    const key = (
      attribute(element, 'property') ??
      attribute(element, 'name') ??
      attribute(element, 'itemprop')
    )
      ?.trim()
      .toLowerCase();
    const value = attribute(element, 'content')?.trim();
    if (!key || !value) continue;
    const values = meta.get(key);
    if (values) values.push(value);
    else meta.set(key, [value]);
  }
  return meta;
}

/** The publication date as each kind of markup states it (one clue per kind). */
function dateClues(
  elements: readonly HtmlElement[],
  metaDate: string | null,
  jsonLdDate: string | null,
): DateClue[] {
  const clues: DateClue[] = [];
  const add = (value: string | null, from: DateClue['from']): void => {
    const iso = isoDate(value);
    if (iso !== null && !clues.some((clue) => clue.from === from)) clues.push({ iso, from });
  };
  add(jsonLdDate, 'json-ld');
  add(metaDate, 'meta');
  const microdata = microdataElement(elements, 'datepublished');
  if (microdata) add(microdataText(microdata), microdata.name === 'time' ? 'time' : 'meta');
  add(timeElementDate(elements), 'time');
  add(visibleDateline(elements), 'dateline');
  return clues;
}

/** Class names of elements that show the story's date: "article-publish-date", "post-date". */
const DATE_CLASS = /date|publish|posted|timestamp/i;
/** ... but not its update: "last-updated", "modified-date". */
const UPDATE_CLASS = /updat|modif/i;
/** Longer than this (markup included), an element holds more than a date line. */
const MAX_DATELINE_MARKUP = 1000;
const MAX_DATELINE_CHARS = 80;

/**
 * The text of the first element styled as a date line ("<span class="article-publish-date">
 * November 19, 2019, 9:02 AM</span>"), looking after the headline first. Dates inside links
 * belong to other items (related stories, embedded posts).
 */
function visibleDateline(elements: readonly HtmlElement[]): string | null {
  const headline = elements.findIndex((element) => element.name === 'h1');
  const ordered = headline < 0 ? elements : [...elements.slice(headline), ...elements.slice(0, headline)];
  for (const element of ordered) {
    if (element.name === 'meta' || element.name === 'time' || element.name === 'script') continue;
    const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
    if (!DATE_CLASS.test(names) || UPDATE_CLASS.test(names)) continue;
    if ((element.endIndex ?? 0) - (element.startIndex ?? 0) > MAX_DATELINE_MARKUP) continue;
    const text = textContent(element);
    if (text.length > MAX_DATELINE_CHARS || findDate(text) === null || nearLink(element)) continue;
    return text;
  }
  return null;
}

function nearLink(element: HtmlElement): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if ('name' in node && node.name === 'a') return true;
  }
  return findElements(element, LINK).length > 0;
}

/**
 * Authors: JSON-LD persons, else meta tags (several tags make several authors), else JSON-LD
 * organisations, else the text of a link marked rel="author" or an element marked
 * itemprop="author" when it reads as a name, else a visible "By …" line. A meta author is often set once for the whole site
 * (the publisher or its parent company), so a person the JSON-LD names is the better byline.
 * Profile URLs are not names.
 */
function bylineOf(
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

/**
 * "Example News" from a <title> "Headline | Example News" (or "Example News - Headline") when
 * the rest is the headline the page states elsewhere, so the split is known to be right.
 */
function siteFromDocumentTitle(documentTitle: string | null, headline: string | null): string | null {
  if (documentTitle === null || headline === null) return null;
  const separators = [...documentTitle.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))];
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (first === undefined || last === undefined) return null;
  const key = normalisedKey(headline);
  if (normalisedKey(documentTitle.slice(0, last.index)) === key) {
    return nameOf(documentTitle.slice(last.index + last[0].length));
  }
  if (normalisedKey(documentTitle.slice(first.index + first[0].length)) === key) {
    return nameOf(documentTitle.slice(0, first.index));
  }
  return null;
}

/** A site name: a few words, not a second headline nor a URL. */
function nameOf(value: string | null): string | null {
  const name = value === null ? '' : collapse(value);
  if (name === '' || /^(?:https?:|www\.)/i.test(name)) return null;
  return name.split(' ').length <= MAX_NAME_WORDS ? name : null;
}

/**
 * "Headline" rather than "Headline | Site" when the page's h1 or <title> has it that way: a copy
 * wins when it has the same words, or when the rest of the title is split off by a separator (so
 * a <title> that merely cuts a long headline short does not), and never when it is the site's
 * name (a logo in the h1). A site name the page states is split off as well.
 */
function shortestCopy(title: string, others: ReadonlyArray<string | null>, siteName: string | null): string {
  const siteKey = siteName === null ? null : normalisedKey(siteName);
  let best = title;
  for (const other of others) {
    if (other === null) continue;
    const copy = collapse(other);
    const key = normalisedKey(copy);
    if (copy.length >= best.length || key === siteKey) continue;
    if (key === normalisedKey(best) || splitsOff(best, key)) best = copy;
  }
  return siteKey === null ? best : withoutSiteName(best, siteKey);
}

/** "Headline" from "Headline | Site" or "Site - Headline" when the page names the site. */
function withoutSiteName(title: string, siteKey: string): string {
  for (const separator of title.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))) {
    const head = title.slice(0, separator.index);
    const tail = title.slice(separator.index + separator[0].length);
    if (normalisedKey(tail) === siteKey && head.trim() !== '') return head.trim();
    if (normalisedKey(head) === siteKey && tail.trim() !== '') return tail.trim();
  }
  return title;
}

/** Whether `title` is the words of `key` plus a separator and more words, at either end. */
function splitsOff(title: string, key: string): boolean {
  if (key.trim() === '') return false;
  for (const separator of title.matchAll(new RegExp(TITLE_SEPARATOR, 'g'))) {
    const head = title.slice(0, separator.index);
    const tail = title.slice(separator.index + separator[0].length);
    if (normalisedKey(head) === key || normalisedKey(tail) === key) return true;
  }
  return false;
}

function isJsonLdScript(element: HtmlElement): boolean {
  return element.name === 'script' && /ld\+json/i.test(attribute(element, 'type') ?? '');
}

/** The first element (other than <meta>, read with the meta tags) with the given itemprop. */
function microdataElement(elements: readonly HtmlElement[], name: string): HtmlElement | null {
  return (
    elements.find(
      (element) => element.name !== 'meta' && (attribute(element, 'itemprop') ?? '').toLowerCase() === name,
    ) ?? null
  );
}

/** `<span itemprop="datePublished" content="…">` or `<time itemprop="datePublished" datetime="…">`. */
function microdataText(element: HtmlElement): string | null {
  return attribute(element, 'content') ?? attribute(element, 'datetime') ?? nonEmpty(textContent(element));
}

function microdataValue(elements: readonly HtmlElement[], name: string): string | null {
  const element = microdataElement(elements, name);
  return element ? microdataText(element) : null;
}

/** The first <time datetime>, preferring one marked as the publication time. */
function timeElementDate(elements: readonly HtmlElement[]): string | null {
  const times = elements.filter((element) => element.name === 'time' && attribute(element, 'datetime'));
  const marked = times.find((element) =>
    /publish|pubdate|posted|created/i.test(
      `${attribute(element, 'class') ?? ''} ${attribute(element, 'pubdate') !== null ? 'pubdate' : ''}`,
    ),
  );
  const chosen = marked ?? times[0];
  return chosen ? attribute(chosen, 'datetime') : null;
}

/** A relative canonical link made absolute against the page's own URL when that is known. */
function absoluteUrl(href: string | null, base: string | null): string | null {
  if (href === null || base === null || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function isoDate(value: string | null): string | null {
  return value === null ? null : normaliseDate(value);
}

function textOf(element: HtmlElement | undefined): string | null {
  return element ? textContent(element) : null;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
