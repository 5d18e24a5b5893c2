import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whyNoArticle } from '../../src/extract/article-check.js';
import { assembleArticle } from '../../src/extract/assemble-article.js';
import { contentRoot, parseHtml } from '../../src/extract/html/dom.js';
import { htmlBlocks } from '../../src/extract/html/html-blocks.js';
import { pageWords } from '../../src/extract/html/page-words.js';
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
  scorersPage,
  searchPage,
  withDeclaredArticle,
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

  it('stays NO_ARTICLE when the page footer and sidebar hold a paragraph about the site', () => {
    const about =
      '<p>The Daily Example has reported on the city and the region since 1898. Our newsroom of forty journalists works from the old harbour office, and the paper is owned by a charitable trust that keeps it independent of any party, company or church.</p>';
    for (const make of [notFoundPage, loginPage, searchPage, homePage]) {
      const content = make()
        .replace('</footer>', `<div class="about">${about}</div></footer>`)
        .replace('</aside>', `<div class="blurb">${about.replace('since 1898', 'every day')}</div></aside>`);
      assert.throws(() => extract(content, 'html'), { code: 'NO_ARTICLE' });
    }
  });

  it('still gives the best guess to a caller who asks for it', () => {
    const front = { input: 'front.html', format: 'html', content: homePage(), encoding: 'utf-8' } as const;
    assert.throws(() => extractArticle(front), { code: 'NO_ARTICLE' });
    const article = extractArticle(front, { requireStory: false });
    // The teasers are the page's best guess at a story.
    assert.ok(
      article.text.startsWith('The mayor urged residents to stay away from the river bank.'),
      article.text,
    );
  });
});

describe('pages their publisher declares articles', () => {
  it('a story told in short lines is extracted when the page declares an article, refused when not', () => {
    assert.throws(() => extract(scorersPage(false), 'html'), { code: 'NO_ARTICLE' });
    const text = extract(scorersPage(true), 'html').text;
    assert.ok(text.startsWith('City 3 United 1'), text);
    assert.ok(text.includes('Man of the match: Brown'), text);
    const byJsonLd = extract(withDeclaredArticle(scorersPage(false), 'JSON-LD'), 'html').text;
    assert.equal(byJsonLd, text);
  });

  it('a section front declared an article is still a list of teasers, not a story', () => {
    const front = withDeclaredArticle(homePage()).replace(
      '<title>Home |',
      '<title>The latest from the city |',
    );
    assert.throws(
      () => extract(front, 'html'),
      (error: Error & { code?: string }) =>
        error.code === 'NO_ARTICLE' && /short teasers/.test(error.message),
    );
  });

  it('a gallery or an error page declared an article is still no article: its title says so', () => {
    for (const make of [galleryPage, notFoundPage]) {
      assert.throws(() => extract(withDeclaredArticle(make()), 'html'), { code: 'NO_ARTICLE' });
    }
  });
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

describe('the no-article check reads the blocks extraction made', () => {
  const SENTENCE =
    'Read how every councillor voted on the new budget, which raises spending on schools, roads and parks across the county by a tenth next year, and what the opposition plans to do about it.';
  const MENU = [
    'World',
    'Business',
    'Sport',
    'Culture',
    'Opinion',
    'Weather',
    'Science',
    'Travel',
    'Health',
    'Video',
  ]
    .map((section) => `<li><a href="/${section}">${section} and more from our reporters</a></li>`)
    .join('');

  /** The verdict on a page whose paragraphs are taken as the story, whatever the classifier says. */
  function verdict(paragraph: string): string | null {
    const content = `<html><body><ul>${MENU}</ul>${paragraph}</body></html>`;
    const document = parseHtml(content);
    const blocks = htmlBlocks(content, contentRoot(document), { skipUnlikely: false });
    const labels = blocks.map((block) => (block.tag === 'p' ? 'story' : 'navigation'));
    const raw = { input: 'page.html', format: 'html', content, encoding: 'utf-8' } as const;
    const article = assembleArticle(raw, blocks, labels, {
      title: null,
      dateClues: [],
      modified: null,
      byline: null,
      siteName: null,
      url: null,
      canonicalUrl: null,
      declaredLanguage: null,
    });
    const storyBlocks = blocks.filter((_, index) => labels[index] === 'story');
    return whyNoArticle(article, {
      storyBlocks,
      pageWords: () => pageWords(document),
      declaresArticle: false,
    });
  }

  it('a paragraph that is entirely one link is link text, not prose', () => {
    assert.equal(verdict(`<p>${SENTENCE} ${SENTENCE}</p>`), null);
    assert.match(
      verdict(`<p><a href="/budget">${SENTENCE} ${SENTENCE}</a></p>`) ?? '',
      /^too little prose: 0 words of story text among \d+ words of page chrome$/,
    );
  });

  it('counts the words a browser shows: not those of a comment or a script left open', () => {
    const page = (after: string) => `<p>${SENTENCE}</p>${after}`;
    const hidden = '<div>Menu item and more links to other pages of the site</div>'.repeat(20);
    assert.match(verdict(page(hidden)) ?? '', /^too little prose/);
    assert.equal(verdict(page(`<!-- ${hidden}`)), null);
    assert.equal(verdict(page(`<script>${hidden}`)), null);
  });
});
