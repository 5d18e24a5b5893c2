import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

const STORY = [
  'Heavy rain flooded dozens of streets in the city centre on Tuesday night, forcing the council to close two bridges and open an emergency shelter at the town hall.',
  'The mayor said repairs to the drainage system would begin next week and urged residents to stay away from the river bank until the water level falls.',
  'Forecasters expect more rain on Thursday, although they said the worst of the storm had passed and the river should drop below the flood mark by the weekend.',
];

function extract(content: string): Article {
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

/** Every word of the text maps back onto the same word in the markup. */
function assertMapsBack(article: Article): void {
  for (const match of article.text.matchAll(/\p{L}+/gu)) {
    const source = article.origin.spanToSource(match.index, match.index + match[0].length);
    assert.equal(article.content.slice(source.start, source.end), match[0]);
  }
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('broken markup', () => {
  it('unclosed paragraphs and elements', () => {
    const article = extract(`<html><body><div class="story"><h1>Floods<p>${STORY.join('<p>')}<div><span>`);
    assert.equal(article.text, STORY.join('\n\n'));
    assertMapsBack(article);
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
    const depth = 50_000;
    const story = STORY.map((text) => `<p>${text}</p>`).join('');
    for (const closing of ['</div>'.repeat(depth), '']) {
      const { result, ms } = timed(() =>
        extract(`<html><body>${'<div>'.repeat(depth)}${story}${closing}</body></html>`),
      );
      assert.equal(result.text, STORY.join('\n\n'));
      // Parsing this deep a tree costs htmlparser2 time quadratic in the depth; it must stay bounded.
      assert.ok(ms < 15_000, `${ms} ms`);
    }
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
  it('a 10 MB page (inline data, menus, comments) extracts in well under a few seconds', () => {
    const story = Array.from(
      { length: 30 },
      (_, index) =>
        `<p>Paragraph ${index}: the council said on Tuesday that repairs to the flood defences would cost ${index + 2} million pounds, and that work on the river wall would begin in the spring.</p>`,
    ).join('\n');
    const data: string[] = [];
    for (let index = 0, size = 0; size < 6_000_000; index++) {
      const item = `{"id":${index},"title":"Another headline about something","url":"/a/b/${index}"},`;
      data.push(item);
      size += item.length;
    }
    const menu: string[] = [];
    for (let index = 0; index < 25_000; index++) {
      menu.push(
        `<li><a href="/story/${index}">Headline number ${index} about events today</a><span class="time">${index % 24} hours ago</span></li>`,
      );
    }
    const comments: string[] = [];
    for (let index = 0; index < 10_000; index++) {
      comments.push(
        `<div class="comment"><span class="user">user${index}</span><p>I think this is comment number ${index} and I agree with the council.</p></div>`,
      );
    }
    const page = `<!DOCTYPE html><html><head><title>Flood repairs</title><script>window.__DATA__=[${data.join('')}]</script></head><body><nav><ul>${menu.join('\n')}</ul></nav><article><h1>Flood repairs</h1>${story}</article><section class="comments">${comments.join('\n')}</section></body></html>`;
    assert.ok(page.length > 10_000_000, String(page.length));
    const { result, ms } = timed(() => extract(page));
    assert.equal(result.paragraphs.length, 30);
    assert.ok(result.text.startsWith('Paragraph 0: the council said'));
    assert.ok(!result.text.includes('comment number'));
    assert.ok(ms < 5_000, `${ms} ms`);
  });
});
