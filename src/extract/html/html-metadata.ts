import { languageFromTag } from '../language.js';
import { nonEmpty } from '../non-empty.js';
import type { DateClue } from '../published-date.js';
import { bylineOf } from './byline.js';
import { dateClues, isoDate, microdataValue } from './date-clues.js';
import { attribute, type HtmlElement, textContent } from './dom.js';
import { isArticleNode, type JsonLdNode, jsonLdArticleFields } from './json-ld.js';
import { collapse, shortestCopy, siteFromDocumentTitle, siteNameOf } from './title-and-site.js';

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
  /** The page's summary of itself: og:description, else the description or twitter:description tag. */
  description: string | null;
  /**
   * The publisher declares the page an article: og:type "article" or a schema.org Article
   * (NewsArticle, BlogPosting, Report …) in its JSON-LD.
   */
  declaresArticle: boolean;
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
];
const APPLICATION_NAMES = ['application-name', 'apple-mobile-web-app-title'];

/**
 * Title, dates, byline, site name, URLs and language from meta tags, JSON-LD, microdata, <time>,
 * <title> and <h1>, given the page's elements in document order and its JSON-LD objects.
 */
export function htmlMetadata(
  elements: readonly HtmlElement[],
  jsonLdNodes: readonly JsonLdNode[],
): HtmlMetadata {
  const meta = metaValues(elements);
  const jsonLd = jsonLdArticleFields(jsonLdNodes);
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
    [first(['og:site_name']), jsonLd.siteName, first(APPLICATION_NAMES)].map(siteNameOf).find(Boolean) ??
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
    description: first(['og:description', 'description', 'twitter:description']),
    declaresArticle: /^article\b/i.test(first(['og:type']) ?? '') || jsonLdNodes.some(isArticleNode),
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

/** A relative canonical link made absolute against the page's own URL when that is known. */
function absoluteUrl(href: string | null, base: string | null): string | null {
  if (href === null || base === null || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function textOf(element: HtmlElement | undefined): string | null {
  return element ? textContent(element) : null;
}
