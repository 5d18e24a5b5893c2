import { normaliseDate } from '../dates.js';
import { languageFromTag } from '../language.js';
import { cleanestTitle, isTitleCopy } from '../title.js';
import { attribute, findElements, type HtmlDocument, type HtmlElement, textContent } from './dom.js';
import { jsonLdArticleFields } from './json-ld.js';

/** What a page says about itself in its markup. */
export interface HtmlMetadata {
  title: string | null;
  /** The <title> element, often "Headline | Site". */
  documentTitle: string | null;
  published: string | null;
  byline: string | null;
  url: string | null;
  language: string | null;
}

const META_TAGS = new Set(['meta', 'link', 'title', 'html', 'h1', 'time', 'script', 'a']);
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
const AUTHOR_NAMES = ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'];

/** Title, date, byline, url and language from meta tags, JSON-LD, <time>, <title> and <h1>. */
export function htmlMetadata(document: HtmlDocument): HtmlMetadata {
  const elements = findElements(document, META_TAGS);
  const meta = new Map<string, string>();
  for (const element of elements.filter((candidate) => candidate.name === 'meta')) {
    const key = (
      attribute(element, 'property') ??
      attribute(element, 'name') ??
      attribute(element, 'itemprop')
    )
      ?.trim()
      .toLowerCase();
    const value = attribute(element, 'content')?.trim();
    if (key && value && !meta.has(key)) meta.set(key, value);
  }
  const jsonLd = jsonLdArticleFields(elements.filter(isJsonLdScript).map((script) => textContent(script)));
  const first = (names: readonly string[]): string | null => {
    for (const name of names) {
      const value = meta.get(name);
      if (value) return value;
    }
    return null;
  };

  const documentTitle = nonEmpty(textOf(elements.find((element) => element.name === 'title')));
  const h1 = nonEmpty(textOf(elements.find((element) => element.name === 'h1')));
  const title = first(['og:title', 'twitter:title']) ?? jsonLd.headline ?? h1 ?? documentTitle;

  const publishedText =
    first(PUBLISHED_NAMES) ??
    jsonLd.datePublished ??
    itempropValue(elements, 'datepublished') ??
    timeElementDate(elements);
  const author = first(AUTHOR_NAMES);
  const byline =
    (author && !/^https?:/i.test(author) ? author : null) ??
    jsonLd.author ??
    nonEmpty(
      textOf(
        elements.find(
          (element) => element.name === 'a' && /\bauthor\b/i.test(attribute(element, 'rel') ?? ''),
        ),
      ),
    ) ??
    nonEmpty(textOf(elements.find((element) => /^author$/i.test(attribute(element, 'itemprop') ?? ''))));

  const canonical = elements.find(
    (element) => element.name === 'link' && /\bcanonical\b/i.test(attribute(element, 'rel') ?? ''),
  );
  const url = nonEmpty(canonical ? attribute(canonical, 'href') : null) ?? first(['og:url']) ?? jsonLd.url;
  const html = elements.find((element) => element.name === 'html');
  const language =
    languageFromTag(html ? (attribute(html, 'lang') ?? attribute(html, 'xml:lang')) : null) ??
    languageFromTag(first(['content-language', 'og:locale', 'language']));

  return {
    title: title ? shortestCopy(collapse(title), [h1, documentTitle]) : null,
    documentTitle: documentTitle ? collapse(documentTitle) : null,
    published: publishedText ? normaliseDate(publishedText) : null,
    byline: byline ? collapse(byline) : null,
    url,
    language,
  };
}

/** "Headline" rather than "Headline | Site" when the page's h1 or <title> has it that way. */
function shortestCopy(title: string, others: ReadonlyArray<string | null>): string {
  const copies = others.filter((other): other is string => other !== null && isTitleCopy(title, other));
  return cleanestTitle(title, copies.map(collapse));
}

function isJsonLdScript(element: HtmlElement): boolean {
  return element.name === 'script' && /ld\+json/i.test(attribute(element, 'type') ?? '');
}

/** `<span itemprop="datePublished" content="…">` or `<time itemprop="datePublished" datetime="…">`. */
function itempropValue(elements: readonly HtmlElement[], name: string): string | null {
  for (const element of elements) {
    if (element.name === 'meta') continue;
    if ((attribute(element, 'itemprop') ?? '').toLowerCase() !== name) continue;
    return attribute(element, 'content') ?? attribute(element, 'datetime') ?? nonEmpty(textContent(element));
  }
  return null;
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
