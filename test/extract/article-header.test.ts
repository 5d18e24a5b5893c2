import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle, withExtraParts } from '../../src/extract/index.js';
import type { Article, InputFormat } from '../../src/model/article.js';

/**
 * The article's header: the page's lines from its headline down to the story, apart from the
 * story text, with what each line is and where it sits in the input.
 */
function extract(content: string, format: InputFormat = 'html', header = true): Article {
  return extractArticle({ input: `page.${format}`, format, content, encoding: 'utf-8' }, { header });
}

const STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the town council decided on Tuesday evening after a long debate.',
  'Members voted eleven to four in favour of the plan, which will cost about two million pounds and be paid for largely by a heritage grant.',
  'Work on the roof is expected to start in the spring, and the first rooms could open to visitors by the end of next year.',
];
const HEADLINE = 'Old mill on the river to become a museum of crafts';
const STANDFIRST = 'Council backs a heritage plan for the empty building after a two-hour debate';
const MENU = ['Home', 'World', 'Business', 'Sport', 'Weather', 'Contact us']
  .map((entry) => `<a href="/${entry.toLowerCase()}">${entry}</a>`)
  .join(' ');
const SHARE =
  '<div class="tools"><a href="/share/fb">Facebook</a> <a href="/share/tw">Twitter</a> <a href="/mail">Email</a></div>';
const OTHER_TEASER =
  'Harbour festival returns this summer with three days of music, food stalls and boat races on the river, organisers said on Monday, promising the biggest programme the town has seen in ten years, with free entry for children and late trains home.';

function page(headlineMarkup: string): string {
  return `<html><head><title>${HEADLINE} - The Valley Courier</title></head><body>
<nav>${MENU}</nav>
<aside><ul><li><a href="/festival">Harbour festival returns this summer</a></li><li><a href="/bus">New bus routes start on Monday</a></li></ul></aside>
${headlineMarkup}
<p class="standfirst">${STANDFIRST}</p>
${SHARE}
<p class="byline">By Jane Roe</p>
<p class="date">Updated 4:12 pm, March 6, 2020</p>
<div class="story">${STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</div>
<footer>Copyright 2020 The Valley Courier</footer>
</body></html>`;
}

/** The header as kind and text, line by line. */
function headerLines(article: Article): Array<[string, string]> | undefined {
  return article.header?.map((line) => [line.kind, line.text]);
}

/** What the made-up page sets under its headline, as the header reads it. */
const UNDER_HEADLINE: Array<[string, string]> = [
  ['other', STANDFIRST],
  ['byline', 'By Jane Roe'],
  ['dateline', 'Updated 4:12 pm, March 6, 2020'],
];

describe('article header', () => {
  it('gives the lines from the <h1> down to the story, each with its kind and input offsets', () => {
    const content = page(`<h1>${HEADLINE}</h1>`);
    const article = extract(content);
    assert.deepEqual(headerLines(article), [['headline', HEADLINE], ...UNDER_HEADLINE]);
    for (const line of article.header ?? []) assert.equal(content.slice(line.start, line.end), line.text);
    assert.equal(article.text, STORY.join('\n\n'), 'the header stays out of the story text');
  });

  it('takes a copy of the page title for the headline on a page without an <h1>', () => {
    const article = extract(page(`<div class="headline"><b>${HEADLINE}</b></div>`));
    assert.equal(article.header?.[0]?.kind, 'headline');
    assert.equal(article.header?.[0]?.text, HEADLINE);
    assert.ok(
      !article.header?.some((line) => line.text.includes('Harbour festival')),
      'nothing above the headline',
    );
  });

  it('takes the nearest <h2> for the headline on a page with neither an <h1> nor a title copy', () => {
    const headline = 'Heritage grant saves the riverside mill';
    const content = page(`<h2>${headline}</h2>`).replace(`<title>${HEADLINE} - `, '<title>');
    const article = extract(content);
    assert.deepEqual(headerLines(article), [['headline', headline], ...UNDER_HEADLINE]);
  });

  it('leaves out share bars, menus and long teasers under the headline', () => {
    const content = page(`<h1>${HEADLINE}</h1><p>${OTHER_TEASER}</p><p>${MENU}</p>`);
    const texts = extract(content).header?.map((line) => line.text) ?? [];
    for (const chrome of ['Facebook', 'Harbour festival', 'Business'])
      assert.ok(!texts.some((text) => text.includes(chrome)), `header holds ${chrome}: ${texts.join(' | ')}`);
  });

  it('is empty when no headline sits above the story, and absent unless asked for', () => {
    const content = `<html><head><title>The Valley Courier</title></head><body><nav>${MENU}</nav>
<div class="story">${STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</div></body></html>`;
    assert.deepEqual(extract(content).header, []);
    assert.equal(extract(page(`<h1>${HEADLINE}</h1>`), 'html', false).header, undefined);
  });

  it('reads the header of a plain text from its title line down', () => {
    const text = [HEADLINE, 'By Jane Roe', ...STORY].join('\n\n');
    const article = extract(text, 'text');
    assert.deepEqual(headerLines(article), [
      ['headline', HEADLINE],
      ['byline', 'By Jane Roe'],
    ]);
    assert.equal(article.text, STORY.join('\n\n'));
  });

  it('is added to an article extracted without it, as extraction with it gives', () => {
    const content = page(`<h1>${HEADLINE}</h1>`);
    const plain = extract(content, 'html', false);
    assert.deepEqual(withExtraParts(plain, { header: true }).header, extract(content).header);
    assert.equal(withExtraParts(plain, {}), plain, 'nothing asked, nothing read again');
  });
});
