import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article, RawDocument } from '../../src/model/article.js';
import { spanToSource } from '../../src/text/offsets.js';

function extract(content: string): Article {
  const raw: RawDocument = { input: 'page.html', format: 'html', content, encoding: 'utf-8' };
  return extractArticle(raw);
}

const SUBJECTS = [
  'The harbour authority',
  'A spokeswoman for the council',
  'Residents of the northern district',
  'The regional water company',
  'Two engineers on the night shift',
  'The mayor of the town',
  'Local shop owners',
  'The fire brigade',
  'An independent inspector',
  'Farmers upstream of the dam',
  'The national weather office',
  'Parents at the primary school',
];
const VERBS = ['said', 'warned', 'confirmed', 'explained', 'argued', 'reported'];

/** A distinct sentence-like paragraph of running prose. */
function prose(index: number): string {
  const subject = SUBJECTS[index % SUBJECTS.length]!;
  const verb = VERBS[index % VERBS.length]!;
  return `${subject} ${verb} on Tuesday that the flooding of case ${index + 1} had been worse than expected, and that repairs to the embankment, the pumps and the roads would take several weeks to finish.`;
}

function paragraphs(from: number, count: number): string {
  return Array.from({ length: count }, (_, offset) => `<p>${prose(from + offset)}</p>`).join('\n');
}

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Floods | Example</title>${head}</head><body>${body}</body></html>`;
}

function assertStory(article: Article, kept: readonly string[], dropped: readonly string[]): void {
  for (const text of kept) assert.ok(article.text.includes(text), `kept: ${text}`);
  for (const text of dropped) assert.ok(!article.text.includes(text), `dropped: ${text}`);
}

describe('HTML structure: chrome-like classes', () => {
  it('does not skip a layout wrapper that holds most of the page, whatever its class', () => {
    const content = page(`
      <div class="page-promo-gutter">
        <article><h1>Floods</h1>${paragraphs(0, 4)}</article>
        <div class="recirc">${paragraphs(20, 2)}</div>
      </div>`);
    assertStory(extract(content), [prose(0), prose(3)], [prose(20), prose(21)]);
  });

  it('skips a comment section longer than the story', () => {
    const content = page(`
      <article><h1>Floods</h1>${paragraphs(0, 3)}</article>
      <div class="comments-area">${paragraphs(20, 9)}</div>`);
    assertStory(extract(content), [prose(0), prose(2)], [prose(20), prose(28)]);
  });

  it('keeps a quoted post embedded in a social wrapper, drops the share bar', () => {
    const content = page(`
      <article>
        ${paragraphs(0, 3)}
        <div class="social-quote-box"><blockquote class="embedded-post"><p>The water reached the second floor of our house this morning, we are safe.</p>— A resident (@resident) 19 November</blockquote></div>
        ${paragraphs(3, 2)}
        <div class="social-share"><p>Share this story with your friends and family on every network you use.</p></div>
      </article>`);
    assertStory(extract(content), ['The water reached the second floor', prose(4)], ['Share this story']);
  });

  it('drops an author box after the story', () => {
    const content = page(`
      <article>
        <div class="entry-content">${paragraphs(0, 4)}</div>
        <div class="post-author"><p>Jane Doe is a reporter who has covered floods, storms and the weather of the region for the paper since 2014.</p></div>
      </article>`);
    assertStory(extract(content), [prose(0)], ['Jane Doe is a reporter']);
  });
});

describe('HTML structure: choosing the content container', () => {
  it('prefers the story to a longer feed of other posts', () => {
    const teasers = Array.from(
      { length: 5 },
      (_, index) =>
        `<article class="teaser"><p>${prose(20 + index)}</p><p>${prose(40 + index)}</p></article>`,
    ).join('\n');
    const content = page(`
      <div id="primary">
        <article class="story"><h1>Floods</h1>${paragraphs(0, 3)}</article>
        <section class="more"><h3>You may also like</h3>${teasers}</section>
      </div>`);
    assertStory(extract(content), [prose(0), prose(2)], [prose(20), prose(44)]);
  });

  it('takes every chunk of a story its template splits into rows', () => {
    const content = page(`
      <main>
        <div class="chunks">
          <div class="row"><div class="story-body">${paragraphs(0, 3)}</div></div>
          <div class="row"><div class="ad-unit">Advertisement</div></div>
          <div class="row"><div class="story-body">${paragraphs(3, 5)}</div></div>
        </div>
      </main>`);
    assertStory(extract(content), [prose(0), prose(2), prose(3), prose(7)], ['Advertisement']);
  });

  it('does not let a page-wide wrapper win on its class name alone', () => {
    const content = page(`
      <div id="page" class="page-content">
        <div class="top"><p>Sign in to read the latest news from the region and manage your account settings.</p></div>
        <div class="wrap"><div class="field-items"><div class="field-item">${paragraphs(0, 4)}</div></div></div>
        <div class="page-bottom"><p>Example News, 1 Harbour Street, Portsmouth. Telephone 01234 567890 for the newsroom.</p></div>
      </div>`);
    assertStory(extract(content), [prose(0), prose(3)], ['Harbour Street', 'Sign in']);
  });

  it('follows itemprop="articleBody" (in any case) when the scores point elsewhere', () => {
    for (const property of ['articleBody', 'ArticleBody', 'articlebody']) {
      const content = page(`
        <div class="layout">
          <div itemprop="${property}">${paragraphs(0, 3)}</div>
          <div class="column">${paragraphs(30, 6)}</div>
        </div>`);
      assertStory(extract(content), [prose(0), prose(2)], [prose(30), prose(35)]);
    }
  });

  it('finds the JSON-LD articleBody on the page and keeps offsets in the markup', () => {
    const storyText = [prose(0), prose(1), prose(2)];
    const jsonLd = JSON.stringify({ '@type': 'NewsArticle', articleBody: storyText.join('\n\n') });
    const content = page(
      `<div class="layout">
        <div class="text">${storyText.map((text) => `<p>${text}</p>`).join('')}</div>
        <div class="column">${paragraphs(30, 6)}</div>
      </div>`,
      `<script type="application/ld+json">${jsonLd}</script>`,
    );
    const article = extract(content);
    assertStory(article, storyText, [prose(30)]);
    const offset = article.text.indexOf('embankment');
    const source = spanToSource(article.origin, offset, offset + 'embankment'.length);
    assert.equal(content.slice(source.start, source.end), 'embankment');
  });

  it('ignores a JSON-LD articleBody that is only a teaser', () => {
    const jsonLd = JSON.stringify({ '@type': 'NewsArticle', articleBody: `${prose(30).slice(0, 80)}…` });
    const content = page(
      `<div class="layout">
        <div class="main"><div class="a">${paragraphs(0, 6)}</div></div>
        <div class="rail"><div class="b">${paragraphs(30, 2)}</div></div>
      </div>`,
      `<script type="application/ld+json">${jsonLd}</script>`,
    );
    assertStory(extract(content), [prose(0), prose(5)], [prose(30)]);
  });
});

describe('HTML structure: blocks among the story paragraphs', () => {
  it('keeps a sentence carrying a long link, drops a linked headline of another story', () => {
    const content = page(`
      <article><div class="body">
        ${paragraphs(0, 2)}
        <p>The pumping station on the river was <a href="/a">closed for repairs after the storm of last winter</a>.</p>
        <div class="embedded"><ul><li><h3><a href="/other">Council approves new budget for the libraries</a></h3></li></ul></div>
        ${paragraphs(2, 2)}
      </div></article>`);
    assertStory(
      extract(content),
      ['The pumping station on the river was closed for repairs after the storm of last winter.'],
      ['Council approves new budget'],
    );
  });

  it('keeps a lead-in line before the first full sentence, and a bare address the author wrote', () => {
    const content = page(`
      <article><div class="entry-content">
        <p><strong>Reviewed by:</strong> Jane Doe <strong>Cost:</strong> £41.50 Details: <a href="https://shop.example.com">shop.example.com</a></p>
        ${paragraphs(0, 2)}
        <p><a href="https://go.example.net/k7Qw2">https://go.example.net/k7Qw2</a></p>
        ${paragraphs(2, 2)}
      </div></article>`);
    assertStory(extract(content), ['Reviewed by: Jane Doe', 'https://go.example.net/k7Qw2'], []);
  });

  it('drops a trailing list of links under its own heading, keeps a linked list the story goes on after', () => {
    const linkedItem = (index: number): string =>
      `<li><a href="/s${index}">${SUBJECTS[index]} and the new bridge</a> — what it means for the commute this year</li>`;
    const content = page(`
      <article><div class="body">
        <p>Here is what you need to know this morning, in the order the stories broke overnight.</p>
        <ol>${[0, 1, 2].map(linkedItem).join('')}</ol>
        ${paragraphs(0, 3)}
        <div class="heading">More Great Stories</div>
        <ul>${[5, 6, 7].map(linkedItem).join('')}</ul>
      </div></article>`);
    assertStory(
      extract(content),
      [`${SUBJECTS[0]} and the new bridge`, `${SUBJECTS[2]} and the new bridge`, prose(2)],
      ['More Great Stories', `${SUBJECTS[5]} and the new bridge`, `${SUBJECTS[7]} and the new bridge`],
    );
  });

  it('leaves chrome by wording among the paragraphs out', () => {
    const content = page(
      `<article><div class="body">${paragraphs(0, 2)}<h3>You may also like</h3>${paragraphs(2, 2)}</div></article>`,
    );
    assertStory(extract(content), [prose(3)], ['You may also like']);
  });

  it('keeps a line the story repeats among its paragraphs', () => {
    const step = '<p>Stir the sauce every two to three minutes</p>';
    const content = page(
      `<article><div class="recipe">${step}${paragraphs(0, 2)}${step}${paragraphs(2, 2)}${step}</div></article>`,
    );
    const article = extract(content);
    assert.equal(article.text.split('Stir the sauce every two to three minutes').length - 1, 3);
  });

  it('drops teaser excerpts of other posts after the story, keeps the short last box of a boxed story', () => {
    const teaser = (index: number): string =>
      `<div class="next-prev"><div class="cell"><a href="/n${index}"><h5>${SUBJECTS[index]} and the new bridge</h5></a><p>The bridge opens next spring, the council says</p></div></div>`;
    const content = page(`
      <div id="article">${paragraphs(0, 4)}${teaser(8)}${teaser(9)}</div>`);
    assertStory(extract(content), [prose(3)], ['The bridge opens next spring']);
    const cards = [prose(0), prose(1), prose(2), 'The moon is slightly smaller than the Earth’s.']
      .map((text) => `<div class="card"><div class="card-content"><p>${text}</p></div></div>`)
      .join('');
    assertStory(extract(page(`<div class="collection">${cards}</div>`)), ['slightly smaller'], []);
  });
});

describe("HTML structure: the story's own lines, and its lead outside its container", () => {
  const NAV =
    '<nav><a href="/">Home</a> <a href="/w">World</a> <a href="/b">Business</a> <a href="/s">Sport</a></nav>';
  const styled = (from: number, count: number) =>
    Array.from({ length: count }, (_, offset) => `<p class="txt">${prose(from + offset)}</p>`).join('');
  const RELATED = `<div class="related"><h3>More news</h3><ul>${[1, 2, 3, 4, 5]
    .map((n) => `<li><a href="/n${n}">Council approves new budget for schools, part ${n}</a></li>`)
    .join('')}</ul></div>`;

  it("takes a lead styled like the story's paragraphs from a box of its own before the container", () => {
    const content = page(`${NAV}
      <div class="top"><div class="intro">${styled(0, 2)}</div>${RELATED}</div>
      <div class="main"><div class="article-body">${styled(2, 5)}</div></div>`);
    assertStory(extract(content), [prose(0), prose(1), prose(2), prose(6)], ['Council approves']);
  });

  it("keeps a subhead repeating the headline's words among the paragraphs", () => {
    const content = page(
      `${NAV}<h1>Harbour festival returns this summer</h1>
      <div class="article-body">${paragraphs(0, 2)}<h3>Harbour festival returns</h3>${paragraphs(2, 2)}</div>`,
    ).replace(
      '<title>Floods | Example</title>',
      '<title>Harbour festival returns this summer | Example</title>',
    );
    const article = extract(content);
    assertStory(article, [prose(1), 'Harbour festival returns\n', prose(2)], []);
  });

  it('keeps a one-word subhead among the paragraphs, but not the same word as a link', () => {
    const line = (inner: string) =>
      page(
        `${NAV}<h1>Floods</h1><div class="article-body">${paragraphs(0, 2)}<p>${inner}</p>${paragraphs(2, 2)}</div>`,
      );
    assert.match(extract(line('Home')).text, /\nHome\n/);
    assert.doesNotMatch(extract(line('<a href="/">Home</a>')).text, /\nHome\n/);
  });
});

describe("HTML structure: the story's continuation after a break", () => {
  const styled = (from: number, count: number) =>
    Array.from({ length: count }, (_, offset) => `<p class="txt">${prose(from + offset)}</p>`).join('');
  const RELATED = `<div class="related"><h3>More news</h3><ul>${[1, 2, 3, 4, 5]
    .map((n) => `<li><a href="/n${n}">Council approves new budget for schools, part ${n}</a></li>`)
    .join('')}</ul></div>`;
  const BREAK =
    '<div class="box"><ul><li><a href="/x">Flood map</a></li><li><a href="/y">Weather radar</a></li></ul><p>Pumps on the embankment, Monday.</p></div>';

  it('takes paragraphs styled like the body from a box far below its container, past a break', () => {
    const content = page(`
      <div class="page"><div class="col"><div class="main"><h1>Floods</h1>
        <div class="story-body">${styled(0, 6)}</div></div></div></div>
      ${BREAK}
      <div class="lower"><div class="wrap"><div class="inner"><div class="story-body">${styled(6, 2)}</div></div></div></div>
      ${RELATED}
      <div class="comments"><div class="story-body">${styled(9, 1)}</div></div>`);
    // The comment is styled like the body too, but the list of other stories ends the story first.
    assertStory(extract(content), [prose(0), prose(5), prose(6), prose(7)], [prose(9), 'Council approves']);
  });

  it('takes a subhead in the break with the paragraphs after it, but not a box about the author', () => {
    const lower = (heading: string) => `
      <div class="page"><div class="col"><div class="main"><h1>Floods</h1>
        <div class="story-body">${styled(0, 6)}</div></div></div></div>
      ${BREAK}
      <div class="lower"><div class="wrap"><div class="inner"><h2>${heading}</h2>
        <div class="story-body">${styled(6, 2)}</div></div></div></div>
      ${RELATED}`;
    assertStory(
      extract(page(lower('The clean-up begins'))),
      [prose(0), prose(5), 'The clean-up begins', prose(6), prose(7)],
      ['Council approves'],
    );
    assertStory(extract(page(lower('About Jane Roe'))), [prose(0), prose(5)], ['About Jane Roe', prose(6)]);
  });
});
