import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { choosePublished } from '../../src/extract/published-date.js';
import { dateFromUrl } from '../../src/extract/url-date.js';
import type { Article, RawDocument } from '../../src/model/article.js';

const STORY = [
  'Heavy rain flooded dozens of streets in the city centre on Tuesday night, forcing the council to close two bridges and open an emergency shelter at the town hall.',
  'The mayor said repairs to the drainage system would begin next week and urged residents to stay away from the river bank until the water level falls.',
  'Forecasters expect more rain on Thursday, although they said the worst of the storm had passed and the river should drop below the flood mark by the weekend.',
];

/** A page with the given head (and markup before the story), and a story long enough to extract. */
function page(head: string, beforeStory = ''): Article {
  const content = `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${beforeStory}<article>${STORY.map((text) => `<p>${text}</p>`).join('')}</article></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

function jsonLd(value: object): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

function dateOf(article: Article): [string | null, string | null, number | null] {
  return [article.published, article.publishedFrom, article.publishedConfidence];
}

describe('publication date: each source alone', () => {
  it('JSON-LD datePublished', () => {
    const article = page(jsonLd({ '@type': 'NewsArticle', datePublished: '2021-03-24T15:18:00Z' }));
    assert.deepEqual(dateOf(article), ['2021-03-24T15:18:00Z', 'json-ld', 0.8]);
  });

  it('a meta tag', () => {
    const article = page('<meta property="article:published_time" content="2021-03-24T15:18:00+01:00">');
    assert.deepEqual(dateOf(article), ['2021-03-24T15:18:00+01:00', 'meta', 0.8]);
  });

  it('microdata on a <span> counts as metadata, on a <time> as a time element', () => {
    const span = page('', '<span itemprop="datePublished" content="2021-03-24"></span>');
    assert.deepEqual(dateOf(span), ['2021-03-24', 'meta', 0.8]);
    const time = page('', '<time itemprop="datePublished" datetime="2021-03-24">24 March</time>');
    assert.deepEqual(dateOf(time), ['2021-03-24', 'time', 0.6]);
  });

  it('a <time datetime> element', () => {
    const article = page('', '<time datetime="2021-03-24T09:00:00Z">March 24</time>');
    assert.deepEqual(dateOf(article), ['2021-03-24T09:00:00Z', 'time', 0.6]);
  });

  it('the URL path', () => {
    const article = page(
      '<link rel="canonical" href="https://news.example/2021/03/24/floods-close-bridges">',
    );
    assert.deepEqual(dateOf(article), ['2021-03-24', 'url', 0.4]);
  });

  it('a visible date line styled as one, outside links', () => {
    const article = page(
      '',
      '<h1>Floods close bridges</h1><ul><li><a href="/x"><span class="date">May 1, 2020</span> Older story</a></li></ul><div class="article-publish-date">March 24, 2021, 9:02 AM</div>',
    );
    assert.deepEqual(dateOf(article), ['2021-03-24T09:02:00', 'dateline', 0.5]);
  });

  it('a date line by its class: "date", "pubdate", "postDate", not "candidate" or "validate"', () => {
    for (const name of [
      'date',
      'entry-date',
      'pubdate',
      'newsdate',
      'postDate',
      'article__date',
      'posted-on',
    ]) {
      const article = page('', `<h1>Floods close bridges</h1><div class="${name}">March 24, 2021</div>`);
      assert.deepEqual(dateOf(article), ['2021-03-24', 'dateline', 0.5], name);
    }
    for (const name of ['candidate', 'validate-form', 'accommodate']) {
      const article = page(
        '',
        `<h1>Floods close bridges</h1><div class="${name}">Since March 24, 2021</div>`,
      );
      assert.deepEqual(dateOf(article), [null, null, null], name);
    }
  });

  it('nothing: every date field is null', () => {
    const article = page('<title>Floods close bridges</title>');
    assert.deepEqual(dateOf(article), [null, null, null]);
    assert.equal(article.modified, null);
  });
});

describe('publication date: agreement and conflict', () => {
  const META = '<meta property="article:published_time" content="2021-03-24T15:18:00Z">';
  const LD = jsonLd({ '@type': 'NewsArticle', datePublished: '2021-03-24T16:18:00+01:00' });
  const CANONICAL = '<link rel="canonical" href="https://news.example/2021/03/24/floods">';

  it('orders confidence: more agreeing sources, then metadata over <time> over date line over URL', () => {
    const everything = page(META + LD + CANONICAL, '<time datetime="2021-03-24">24 March</time>');
    const three = page(META + LD + CANONICAL);
    const two = page(META + LD);
    const meta = page(META);
    const time = page('', '<time datetime="2021-03-24">24 March</time>');
    const dateline = page('', '<h1>Floods</h1><p class="dateline">Published: 24 March 2021</p>');
    const url = page(CANONICAL);
    const confidences = [everything, three, two, meta, time, dateline, url].map(
      (article) => article.publishedConfidence!,
    );
    assert.deepEqual(
      confidences,
      [...confidences].sort((a, b) => b - a),
    );
    assert.equal(new Set(confidences).size, confidences.length, String(confidences));
    assert.ok(everything.publishedConfidence! <= 0.99);
    // The wording of the most authoritative source wins among those that agree.
    assert.deepEqual(dateOf(three).slice(0, 2), ['2021-03-24T15:18:00Z', 'meta']);
  });

  it('a conflict lowers confidence, and the better supported day wins', () => {
    const conflict = page(META + jsonLd({ '@type': 'NewsArticle', datePublished: '2020-01-01' }));
    assert.deepEqual(dateOf(conflict).slice(0, 2), ['2021-03-24T15:18:00Z', 'meta']);
    assert.ok(conflict.publishedConfidence! < 0.8, String(conflict.publishedConfidence));

    const outvoted = page(
      `<meta property="article:published_time" content="2019-01-01">${LD}${CANONICAL}`,
      '<time datetime="2021-03-24">24 March</time>',
    );
    assert.deepEqual(dateOf(outvoted).slice(0, 2), ['2021-03-24T16:18:00+01:00', 'json-ld']);
    assert.ok(outvoted.publishedConfidence! < page(LD + CANONICAL).publishedConfidence!);
  });

  it('prefers datePublished over dateModified and exposes the modification date', () => {
    const article = page(
      jsonLd({ '@type': 'NewsArticle', dateModified: '2021-03-26T10:00:00Z', datePublished: '2021-03-24' }),
    );
    assert.equal(article.published, '2021-03-24');
    assert.equal(article.modified, '2021-03-26T10:00:00Z');
    const meta = page('<meta property="article:modified_time" content="2021-03-25T08:00:00Z">');
    assert.equal(meta.published, null);
    assert.equal(meta.modified, '2021-03-25T08:00:00Z');
  });

  it('distrusts a publication date after the modification date', () => {
    const article = page(
      jsonLd({ '@type': 'NewsArticle', datePublished: '2021-05-01', dateModified: '2021-03-24T10:00:00Z' }),
    );
    assert.equal(article.published, '2021-05-01');
    assert.ok(article.publishedConfidence! < 0.8, String(article.publishedConfidence));
  });

  it('does not count a visible update stamp as a second publication date', () => {
    const article = page(
      '<meta property="article:published_time" content="2021-03-24T08:00:00Z"><meta property="article:modified_time" content="2021-04-02T12:00:00Z">',
      '<time datetime="2021-04-02T12:00:00Z">Updated April 2</time>',
    );
    assert.deepEqual(dateOf(article), ['2021-03-24T08:00:00Z', 'meta', 0.8]);
  });

  it('lets a date-time agree with the neighbouring day of a bare date (time zones)', () => {
    const result = choosePublished(
      [
        { iso: '2021-03-24T23:30:00-05:00', from: 'meta' },
        { iso: '2021-03-25', from: 'url' },
      ],
      null,
    );
    assert.deepEqual(result, { iso: '2021-03-24T23:30:00-05:00', from: 'meta', confidence: 0.88 });
    const apart = choosePublished(
      [
        { iso: '2021-03-24', from: 'meta' },
        { iso: '2021-03-25', from: 'url' },
      ],
      null,
    );
    assert.equal(apart?.confidence, 0.64);
  });
});

describe('dates in URLs', () => {
  const cases: Array<[string, string | null]> = [
    ['https://news.example/2021/03/24/floods-close-bridges', '2021-03-24'],
    ['https://news.example/world/2021/3/4/', '2021-03-04'],
    ['https://news.example.com/2019/nov/18/river-walks-reviewed', '2019-11-18'],
    ['https://news.example/archive/20210324/floods.html', '2021-03-24'],
    ['https://news.example/floods-close-bridges-2021-03-24', '2021-03-24'],
    ['https://news.example/floods_2021_03_24.html', '2021-03-24'],
    ['https://news.example/2021/03/floods-close-bridges', null],
    ['https://news.example/2021/13/01/x', null],
    ['https://news.example/2021/02/30/x', null],
    ['https://news.example/story/1202103241', null],
    ['https://news.example/floods?date=2021-03-24', null],
    ['https://news.example/', null],
  ];
  for (const [url, expected] of cases) {
    it(url, () => assert.equal(dateFromUrl(url), expected));
  }
});

describe('site name', () => {
  it('reads og:site_name first', () => {
    assert.equal(page('<meta property="og:site_name" content="Example News">').siteName, 'Example News');
  });

  it('reads the JSON-LD publisher, also when given by reference', () => {
    const direct = page(
      jsonLd({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'LD News' } }),
    );
    assert.equal(direct.siteName, 'LD News');
    const referenced = page(
      jsonLd({
        '@graph': [
          { '@type': 'NewsArticle', publisher: { '@id': 'https://ld.example/#org' } },
          { '@type': 'Organization', '@id': 'https://ld.example/#org', name: 'Graph News' },
        ],
      }),
    );
    assert.equal(referenced.siteName, 'Graph News');
  });

  it('falls back to application-name, skipping a site name that is a URL', () => {
    const article = page(
      '<meta property="og:site_name" content="https://www.example.com"><meta name="application-name" content="Example App">',
    );
    assert.equal(article.siteName, 'Example App');
  });

  it('reads the suffix or prefix of <title> when the rest is the headline', () => {
    const suffix = page(
      '<title>Floods close bridges | Example News</title><meta property="og:title" content="Floods close bridges">',
    );
    assert.equal(suffix.siteName, 'Example News');
    assert.equal(suffix.title, 'Floods close bridges');
    const prefix = page(
      '<title>Example News - Floods close bridges</title>',
      '<h1>Floods close bridges</h1>',
    );
    assert.equal(prefix.siteName, 'Example News');
  });

  it('splits <title> at the same separators as a flattened page title (" » ", " : ", "|")', () => {
    for (const title of [
      'Floods close bridges » Example News',
      'Example News : Floods close bridges',
      'Floods close bridges|Example News',
    ]) {
      const article = page(`<title>${title}</title>`, '<h1>Floods close bridges</h1>');
      assert.deepEqual([article.title, article.siteName], ['Floods close bridges', 'Example News'], title);
    }
  });

  it('leaves it unknown when the <title> split is not confirmed by a headline', () => {
    assert.equal(page('<title>Floods close bridges | Example News</title>').siteName, null);
    assert.equal(
      page('<title>Rain - what we know | Example</title>', '<h1>Something else entirely</h1>').siteName,
      null,
    );
  });
});

describe('byline', () => {
  it('joins several JSON-LD authors, skipping URLs', () => {
    const two = page(
      jsonLd({
        '@type': 'NewsArticle',
        author: [
          { '@type': 'Person', name: 'Ann Lee' },
          { '@type': 'Person', name: 'Bo Chen' },
          'https://x.example/me',
        ],
      }),
    );
    assert.equal(two.byline, 'Ann Lee and Bo Chen');
    const three = page(jsonLd({ '@type': 'NewsArticle', author: ['Ann Lee', 'Bo Chen', 'Cy Diaz'] }));
    assert.equal(three.byline, 'Ann Lee, Bo Chen and Cy Diaz');
  });

  it('joins several author meta tags, dropping "By" and profile URLs', () => {
    const article = page(
      '<meta name="author" content="By Ann Lee"><meta name="author" content="Bo Chen"><meta name="author" content="https://x.example/ann">',
    );
    assert.equal(article.byline, 'Ann Lee and Bo Chen');
  });

  it('prefers a JSON-LD person to a site-wide meta author', () => {
    const article = page(
      `<meta name="author" content="Example Media Group">${jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Ann Lee | Staff writer' } })}`,
    );
    assert.equal(article.byline, 'Ann Lee');
  });

  it('follows an @id reference to the author', () => {
    const article = page(
      jsonLd({
        '@graph': [
          { '@type': 'Article', author: { '@id': '#ann' } },
          { '@type': 'Person', '@id': '#ann', name: 'Ann Lee' },
        ],
      }),
    );
    assert.equal(article.byline, 'Ann Lee');
  });

  it('reads a rel="author" link only when it is a name', () => {
    assert.equal(page('', '<a rel="author" href="/ann">Ann Lee</a>').byline, 'Ann Lee');
    assert.notEqual(
      page('', '<div itemprop="author">Ann Lee | March 24, 2021 9:00 AM Print this article</div>').byline,
      'Ann Lee | March 24, 2021 9:00 AM Print this article',
    );
  });

  it('reads a visible "By …" line when the markup names no author', () => {
    assert.equal(page('', '<div class="meta">By Tomas Reyes · 18 April 2024</div>').byline, 'Tomas Reyes');
    assert.equal(page('', '<p>By <a href="/ann">Ann Lee</a> and Bo Chen</p>').byline, 'Ann Lee and Bo Chen');
    assert.equal(page('<meta name="author" content="Ann Lee">', '<p>By Tomas Reyes</p>').byline, 'Ann Lee');
    // A sentence that happens to open with "By" is no byline.
    const sentence =
      '<p>By the end of the week the council expects to have cleared the worst of the damage.</p>';
    assert.equal(page('', sentence).byline, null);
  });
});

describe('title', () => {
  const HEADLINE = 'Flood waters close two bridges in the city centre';

  it('drops a site name the og:title adds, when the h1 gives the headline alone', () => {
    const article = page(
      `<meta property="og:title" content="${HEADLINE} | Example News">`,
      `<h1>${HEADLINE}</h1>`,
    );
    assert.equal(article.title, HEADLINE);
  });

  it('keeps the whole headline when the <title> only cuts it short', () => {
    const article = page('<title>Flood waters close two bridges</title>', `<h1>${HEADLINE}</h1>`);
    assert.equal(article.title, HEADLINE);
  });

  it('does not take a logo in the h1 for the headline, and splits off the site name', () => {
    const head = `<meta property="og:site_name" content="Example News"><meta property="og:title" content="${HEADLINE} - Example News">`;
    assert.equal(page(head, '<h1>Example News</h1>').title, HEADLINE);
  });
});

describe('URLs', () => {
  it('keeps the canonical URL, made absolute against og:url', () => {
    const article = page(
      '<link rel="canonical" href="/world/floods"><meta property="og:url" content="https://news.example/world/floods?ref=og">',
    );
    assert.equal(article.canonicalUrl, 'https://news.example/world/floods');
    assert.equal(article.url, 'https://news.example/world/floods');
  });

  it('falls back to og:url for url without inventing a canonical URL', () => {
    const article = page('<meta property="og:url" content="https://news.example/world/floods">');
    assert.equal(article.url, 'https://news.example/world/floods');
    assert.equal(article.canonicalUrl, null);
  });

  it('keeps a JSON Lines url as url and the page canonical URL apart', () => {
    const raw: RawDocument = {
      input: 'pages.jsonl#1',
      format: 'html',
      encoding: 'utf-8',
      content: `<html><head><link rel="canonical" href="https://wire.example/2021/03/24/floods"></head><body>${STORY.map((text) => `<p>${text}</p>`).join('')}</body></html>`,
      meta: { url: 'https://portal.example/copy/floods' },
    };
    const article = extractArticle(raw);
    assert.equal(article.url, 'https://portal.example/copy/floods');
    assert.equal(article.canonicalUrl, 'https://wire.example/2021/03/24/floods');
    assert.deepEqual(dateOf(article), ['2021-03-24', 'url', 0.4]);
  });
});

describe('flattened text', () => {
  const text = `Floods close bridges\n\nReuters | Updated: 24-03-2021 20:48 IST\n\n${STORY.join('\n\n')}`;

  it('dates the story by its date line', () => {
    const article = extractArticle({ input: 'page.txt', format: 'text', content: text, encoding: 'utf-8' });
    assert.deepEqual(dateOf(article), ['2021-03-24T20:48:00+05:30', 'dateline', 0.5]);
    assert.equal(article.siteName, null);
    assert.equal(article.canonicalUrl, null);
  });

  it('takes a date from the JSON Lines url when the text has none', () => {
    const article = extractArticle({
      input: 'pages.jsonl#2',
      format: 'text',
      content: STORY.join('\n\n'),
      encoding: 'utf-8',
      meta: { url: 'https://news.example/2021/03/24/floods' },
    });
    assert.deepEqual(dateOf(article), ['2021-03-24', 'url', 0.4]);
  });

  it('takes the JSON Lines date as given, with full confidence', () => {
    const article = extractArticle({
      input: 'pages.jsonl#3',
      format: 'text',
      content: text,
      encoding: 'utf-8',
      meta: { published: '2021-03-25' },
    });
    assert.deepEqual(dateOf(article), ['2021-03-25', 'jsonl', 1]);
  });

  it('normalises the JSON Lines date to ISO 8601, and ignores one that is not a date', () => {
    const withDate = (published: string): Article =>
      extractArticle({
        input: 'pages.jsonl#4',
        format: 'text',
        content: text,
        encoding: 'utf-8',
        meta: { published },
      });
    assert.deepEqual(dateOf(withDate('March 25, 2021')), ['2021-03-25', 'jsonl', 1]);
    assert.deepEqual(dateOf(withDate('25/03/2021 09:30 GMT')), ['2021-03-25T09:30:00+00:00', 'jsonl', 1]);
    // The text's own date line decides instead.
    assert.deepEqual(dateOf(withDate('not a date')), ['2021-03-24T20:48:00+05:30', 'dateline', 0.5]);
  });
});
