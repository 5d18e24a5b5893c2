import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { InputFormat } from '../../src/model/article.js';
import {
  briefPage,
  flattened,
  galleryPage,
  homePage,
  listiclePage,
  loginPage,
  notFoundPage,
  oneParagraphPage,
  searchPage,
} from './page-kinds.js';

function extract(content: string, format: InputFormat, input = `page.${format === 'html' ? 'html' : 'txt'}`) {
  return extractArticle({ input, format, content, encoding: 'utf-8' });
}

const NOT_ARTICLES: ReadonlyArray<[string, () => string]> = [
  ['a front page of headlines and teasers', homePage],
  ['search results', searchPage],
  ['a sign-in form', loginPage],
  ['a "page not found" page', notFoundPage],
  ['a photo gallery', galleryPage],
];

describe('pages without a story', () => {
  for (const [name, make] of NOT_ARTICLES) {
    for (const format of ['html', 'text'] as const) {
      it(`${name} (${format}) gives NO_ARTICLE with a reason`, () => {
        const content = format === 'html' ? make() : flattened(make());
        assert.throws(
          () => extract(content, format, 'site/page'),
          (error: Error & { code?: string }) => {
            assert.equal(error.code, 'NO_ARTICLE');
            assert.match(
              error.message,
              /^site\/page: no article found \((?:too little prose|a list of \d+ short teasers)[^\n]*\)$/,
            );
            return true;
          },
        );
      });
    }
  }
});

describe('stories that are short or plain', () => {
  const STORIES: ReadonlyArray<[string, () => string, string]> = [
    ['a three-sentence brief in full page chrome', briefPage, 'The Victoria Bridge reopened'],
    ['a one-paragraph story in full page chrome', oneParagraphPage, 'A rail strike planned'],
    ['a list article: introduction, then items with links', listiclePage, 'Volunteers spent the whole week'],
  ];
  for (const [name, make, opening] of STORIES) {
    for (const format of ['html', 'text'] as const) {
      it(`${name} (${format})`, () => {
        const content = format === 'html' ? make() : flattened(make());
        assert.ok(extract(content, format).text.startsWith(opening));
      });
    }
  }

  it('a single sentence, a bare headline and one paragraph, given as text, are articles', () => {
    for (const text of [
      'The council closed two bridges.',
      'Floods close bridges',
      'Rain',
      'Heavy rain flooded dozens of streets in the city centre on Tuesday night, forcing the council to close two bridges.',
    ]) {
      assert.equal(extract(text, 'text').text, text);
    }
  });

  it('a sentence in a little markup, or under a line of links, is an article', () => {
    assert.equal(
      extract('<p>The council closed two bridges.</p>', 'html').text,
      'The council closed two bridges.',
    );
    const withMenu =
      'Home | World | Sport | Business\n\nThe council closed two bridges on Tuesday after the river rose.';
    assert.ok(extract(withMenu, 'text').text.includes('The council closed two bridges'));
  });
});
