import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bioRunPage,
  deepLinkPage,
  deeplyNestedPage,
  LARGE_PAGE_PARAGRAPHS,
  largePage,
  nestedChromePage,
  STRESS_STORY,
  unclosedMarkupPage,
} from '../../bench/stress-pages.js';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';
import { spanToSource } from '../../src/text/offsets.js';

const STORY = STRESS_STORY;

function extract(content: string): Article {
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

/** Every word of the text maps back onto the same word in the markup. */
function assertMapsBack(article: Article): void {
  for (const match of article.text.matchAll(/\p{L}+/gu)) {
    const source = spanToSource(article.origin, match.index, match.index + match[0].length);
    assert.equal(article.content.slice(source.start, source.end), match[0]);
  }
}

describe('broken markup', () => {
  it('unclosed paragraphs and elements', () => {
    const article = extract(`<html><body><div class="story"><h1>Floods<p>${STORY.join('<p>')}<div><span>`);
    assert.equal(article.text, STORY.join('\n\n'));
    assertMapsBack(article);
  });

  it('a page glued from two documents, or closed early by an embedded snippet', () => {
    const story = STORY.map((text) => `<p>${text}</p>`).join('');
    for (const content of [
      `<html><body></body></html><html><head><title>Floods</title></head><body><h1>Floods</h1>${story}</body></html>`,
      `<html><body><div class="ad"><html><body><a href="/ad">Advert</a></body></html></div><h1>Floods</h1>${story}</body></html>`,
      // One <body>, closed before the content: the page's text follows it.
      `<html><head><title>Floods</title></head><body id="page"></body><div><h1>Floods</h1>${story}</div></html>`,
      `<html><head><title>Floods</title></head><body/><div class="main"><h1>Floods</h1>${story}</div>`,
    ]) {
      const article = extract(content);
      assert.equal(article.text, STORY.join('\n\n'));
      assertMapsBack(article);
    }
  });

  it('stray closing tags everywhere', () => {
    const stray = '</div></span></p></td></article>';
    const article = extract(
      `${stray}<html><body>${stray}<article>${STORY.map((text) => `<p>${text}</p>${stray}`).join('')}</article></body></html>${stray}`,
    );
    assert.equal(article.text, STORY.join('\n\n'));
    assertMapsBack(article);
  });

  it('50 000 nested divs, closed or not', () => {
    // Parsing this deep a tree costs htmlparser2 time quadratic in the depth: `npm run bench` times it.
    for (const closed of [true, false]) {
      assert.equal(extract(deeplyNestedPage(50_000, closed)).text, STORY.join('\n\n'));
    }
  });

  it('20 000 nested chrome-classed wrappers around the story', () => {
    // The wrappers are skipped as chrome at first; the story is then found without skipping.
    assert.equal(extract(nestedChromePage(20_000)).text, STORY.join('\n\n'));
  });

  it('a link around 20 000 nested spans', () => {
    assert.equal(extract(deepLinkPage(20_000)).text, STORY.join('\n\n'));
  });

  it('an unterminated comment hides the rest of the page, as in a browser', () => {
    const article = extract(
      `<html><body><p>${STORY[0]}</p><p>${STORY[1]}</p><!-- <p>${STORY[2]}</p></body></html>`,
    );
    assert.equal(article.text, STORY.slice(0, 2).join('\n\n'));
  });

  it('an unterminated script keeps its code out of the text', () => {
    const article = extract(
      `<html><body><p>${STORY[0]}</p><p>${STORY[1]}</p><script>var teaser = "<p>Not story text.</p>`,
    );
    assert.equal(article.text, STORY.slice(0, 2).join('\n\n'));
  });

  it('a megabyte of comments and scripts opened and never closed: the page up to the first', () => {
    // `npm run bench` times these pages: nothing scans the markup once per opening.
    for (const opening of ['comment', 'script'] as const) {
      const article = extract(unclosedMarkupPage(opening, 1_000_000));
      assert.equal(article.text, `${STORY[0]}\n\nLine 0`, opening);
    }
  });

  it('a megabyte of links opened and never closed is linked text, not story: the paragraph under the headline is', () => {
    const article = extract(unclosedMarkupPage('link', 1_000_000));
    assert.equal(article.title, 'Floods close bridges');
    assert.equal(article.text, STORY[0]);
  });

  it('a duplicated <html> and a tag cut off at the end', () => {
    const article = extract(
      `<html><html lang="en"><body><article class=story><p>${STORY[0]}</p><p>${STORY[1]}</p><p>${STORY[2]}</p></article><img src="x`,
    );
    assert.equal(article.text, STORY.join('\n\n'));
    assertMapsBack(article);
  });

  it('a quote left open swallows the story, as in a browser, and says so in one line', () => {
    assert.throws(
      () => extract(`<html><body><article class="story><p>${STORY[0]}</p></article></body></html>`),
      {
        code: 'INPUT_EMPTY',
        message: 'page.html: no article text found',
      },
    );
  });
});

describe('large pages', () => {
  it('a story followed by thousands of bio lines keeps the story', () => {
    // Each bio is a candidate end of the story; weighing them all must stay linear.
    assert.ok(extract(bioRunPage('html', 20_000)).text.startsWith(STORY.join('\n\n')));
  });

  it('a 10 MB page (inline data, menus, comments) gives its story alone', () => {
    const page = largePage();
    assert.ok(page.length > 10_000_000, String(page.length));
    const result = extract(page);
    assert.equal(result.paragraphs.length, LARGE_PAGE_PARAGRAPHS);
    assert.ok(result.text.startsWith('Paragraph 0: the council said'));
    assert.ok(!result.text.includes('comment number'));
  });
});
