import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model/article.js';
import { spanToSource } from '../../src/text/offsets.js';

function html(content: string): RawDocument {
  return { input: 'page.html', format: 'html', content, encoding: 'utf-8' };
}

const STORY_PARAGRAPHS = [
  'The West must engage with Russia to promote mutual interests but remain very clear-eyed, the secretary of state said on Wednesday, at the first cabinet-level meeting with the alliance.',
  'NATO Secretary General Jens Stoltenberg called on Russia to resume dialogue through a council that has not met for two years, arguing that even a difficult relationship needed to be managed.',
  'Blinken called for a firm, shared position on Russia. “Ultimately, I think what we can hope is to have a relationship with Russia that is at least predictable and stable,” he told reporters.',
  'NATO’s Russia policy follows a two-track approach of deterrence and dialogue, though the alliance suspended all practical cooperation with Moscow in April 2014 after the annexation of Crimea.',
];

const PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Engage Russia, Blinken tells NATO | Example News</title>
  <meta property="og:title" content="Engage Russia, Blinken tells NATO">
  <meta property="article:published_time" content="2021-03-24T15:18:00Z">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="https://news.example.com/world/engage-russia">
  <script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Someone Else"},"datePublished":"2020-01-01"}</script>
  <style>p { color: red }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <div class="layout">
    <main>
      <article class="story">
        <h1>Engage Russia, Blinken tells NATO</h1>
        <p class="byline">By Jane Doe</p>
        <p>${STORY_PARAGRAPHS[0]}</p>
        <p>${STORY_PARAGRAPHS[1]!.replace('Jens Stoltenberg', 'Jens&nbsp;Stoltenberg')}</p>
        <p><strong>ALSO READ:</strong> <a href="/other">Macron wants to talk to Putin</a></p>
        <p>${STORY_PARAGRAPHS[2]!.replace('“', '&ldquo;').replace('”', '&rdquo;')}</p>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        <p>${STORY_PARAGRAPHS[3]}</p>
        <script>var ad = "<p>not text</p>";</script>
      </article>
    </main>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></aside>
  </div>
  <footer><p>© 2021 Example News. All rights reserved.</p><p>Contact us: desk@example.com</p></footer>
</body>
</html>`;

describe('HTML extraction', () => {
  const article = extractArticle(html(PAGE));

  it('keeps the story paragraphs in order, entities decoded', () => {
    const paragraphs = article.paragraphs.map((paragraph) =>
      article.text.slice(paragraph.start, paragraph.end),
    );
    assert.deepEqual(
      paragraphs,
      STORY_PARAGRAPHS.map((text) => text.replace('Jens Stoltenberg', 'Jens Stoltenberg')),
    );
  });

  it('leaves out navigation, sidebar, footer, scripts, share bar, byline and teaser', () => {
    for (const chrome of [
      'Home',
      'Most read',
      '©',
      'desk@example.com',
      'not text',
      'Share on Facebook',
      'ALSO READ',
      'By Jane Doe',
    ]) {
      assert.ok(!article.text.includes(chrome), chrome);
    }
  });

  it('records the teaser inside the story as a teaser block', () => {
    const teaser = article.boilerplate.find((block) => block.kind === 'teaser');
    assert.ok(teaser);
    assert.equal(teaser.text, 'ALSO READ: Macron wants to talk to Putin');
    assert.ok(PAGE.slice(teaser.start, teaser.end).startsWith('ALSO READ:</strong>'));
  });

  it('reads the metadata: meta tags win over JSON-LD', () => {
    assert.equal(article.title, 'Engage Russia, Blinken tells NATO');
    assert.equal(article.published, '2021-03-24T15:18:00Z');
    assert.equal(article.byline, 'Jane Doe');
    assert.equal(article.url, 'https://news.example.com/world/engage-russia');
    assert.equal(article.language, 'en');
    assert.equal(article.format, 'html');
  });

  it('maps words of the text back onto the markup', () => {
    for (const word of ['Wednesday', 'Stoltenberg', 'Ultimately', 'Crimea']) {
      const offset = article.text.indexOf(word);
      const source = spanToSource(article.origin, offset, offset + word.length);
      assert.equal(PAGE.slice(source.start, source.end), word);
    }
  });

  it('maps a character reference to the whole reference', () => {
    const offset = article.text.indexOf('“');
    const source = spanToSource(article.origin, offset, offset + 1);
    assert.equal(PAGE.slice(source.start, source.end), '&ldquo;');
    const space = article.text.indexOf('Jens Stoltenberg') + 'Jens'.length;
    const nbsp = spanToSource(article.origin, space, space + 1);
    // The collapsed space maps onto the gap between its neighbours: the no-break space itself.
    assert.equal(PAGE.slice(nbsp.start, nbsp.end), '&nbsp;');
  });

  it('maps every paragraph inside its source element', () => {
    for (const paragraph of article.paragraphs) {
      const source = spanToSource(article.origin, paragraph.start, paragraph.end);
      const markup = PAGE.slice(source.start, source.end);
      assert.ok(!markup.includes('<p'), markup);
      assert.equal(
        markup.replace(/&[a-z]+;/g, ' ').split(/\s+/)[0],
        article.text.slice(paragraph.start).split(/\s+/)[0],
      );
    }
  });
});

describe('HTML edge cases', () => {
  it('extracts a fragment without html or body', () => {
    const article = extractArticle(
      html(
        '<p>A fragment of a story that still has a sentence or two, and ends with a period.</p><p>Second.</p>',
      ),
    );
    assert.ok(article.text.startsWith('A fragment of a story'));
  });

  it('uses the <title> and <time datetime> when nothing better is there', () => {
    const article = extractArticle(
      html(
        '<html><head><title>Plain title</title></head><body><time datetime="2019-11-20">Nov 20</time><div><p>The only paragraph of this page is long enough to count as prose, with commas, and a period.</p></div></body></html>',
      ),
    );
    assert.equal(article.title, 'Plain title');
    assert.equal(article.published, '2019-11-20');
  });

  it('reads JSON-LD when meta tags are missing', () => {
    const article = extractArticle(
      html(
        '<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD headline","author":[{"name":"A. Writer"}],"datePublished":"2019-11-20T08:00:00+01:00"}]}</script></head><body><article><p>The body of this article is long enough to be prose, with a comma, and a full stop at the end.</p></article></body></html>',
      ),
    );
    assert.equal(article.title, 'LD headline');
    assert.equal(article.byline, 'A. Writer');
    assert.equal(article.published, '2019-11-20T08:00:00+01:00');
  });

  it('throws INPUT_EMPTY for a page without text', () => {
    assert.throws(
      () => extractArticle(html('<html><head><title>x</title></head><body><script>1</script></body></html>')),
      {
        code: 'INPUT_EMPTY',
      },
    );
  });
});
