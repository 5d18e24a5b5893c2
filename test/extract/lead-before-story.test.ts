import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

// Lines that join the story from before its body: its lead on a page without an <h1>, its deck
// under the <h1>, its lead in a box of its own that the page's description copies.

const STORY = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
  'The council will hold an exhibition of the designs in the town hall, where residents can leave their comments on the plans.',
];
const LEAD =
  'After more than a decade of debate, the council has decided that the old harbour bridge will be rebuilt, and the works start in spring.';
const TEASER =
  'A new exhibition at the museum of modern painting shows forty works by artists from the coast, open every weekend until March.';
const NOTICE = 'Sign in to read the latest news from the region and manage your account settings.';

function extract(body: string, head = ''): Article {
  const content = `<html><head><title>Harbour bridge | Daily Example</title>${head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
${body}
<footer><p>© 2019 Daily Example. All rights reserved.</p></footer></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

const story = () => `<div class="text">${STORY.map((line) => `<p class="txt">${line}</p>`).join('\n')}</div>`;

describe('the lead in a box of its own right before the story', () => {
  it("takes a lead paragraph on the story's topic from the box before it on a page without an <h1>", () => {
    const article =
      extract(`<div class="main"><div class="top"><div class="intro"><p class="summary">${LEAD}</p></div></div>
<div class="picture"><img src="/bridge.jpg" alt=""></div>
<div class="body">${story()}</div></div>`);
    assert.ok(article.text.includes('the works start in spring'), 'lead kept');
    assert.ok(article.text.indexOf('the works start in spring') < article.text.indexOf('steel frame'));
  });

  it('leaves out a teaser of another story or a sign-in notice in that place', () => {
    for (const line of [TEASER, NOTICE]) {
      const article =
        extract(`<div class="main"><div class="top"><div class="intro"><p class="summary">${line}</p></div></div>
<div class="picture"><img src="/bridge.jpg" alt=""></div>
<div class="body">${story()}</div></div>`);
      assert.ok(article.text.includes('steel frame'));
      assert.ok(!article.text.includes(line.slice(0, 30)), `left out: ${line.slice(0, 30)}`);
    }
  });
});

describe('the deck under the headline', () => {
  const DECK = 'Work on the new crossing starts in spring and will take three years to finish';
  const withDeck = (deck: string) =>
    extract(`<div class="main"><h1>Council votes to rebuild harbour bridge</h1>
<h2 class="deck">${deck}</h2><div class="byline">By Jane Roe</div>
<div class="body">${story()}</div></div>`);

  it('takes a deck set as a heading between the <h1> and the story, after the title', () => {
    const article = withDeck(DECK);
    assert.ok(article.text.includes(DECK), 'deck kept');
    assert.ok(!article.text.includes('Council votes to rebuild'), 'headline left to the title');
    assert.ok(!article.text.includes('By Jane Roe'), 'byline left out');
  });

  it('leaves out a short label or a dateline set the same way', () => {
    for (const line of ['Harbour news', 'Published 3 March 2020, 10:15']) {
      assert.ok(!withDeck(line).text.includes(line), `left out: ${line}`);
    }
  });
});

describe("the lead the page's description copies", () => {
  const SHORT_STANDFIRST = 'The old harbour bridge will be rebuilt, the council decided.';
  const page = (intro: string, description: string) =>
    extract(
      `<div class="main"><h1>Council votes to rebuild harbour bridge</h1>
<div class="sidebar-teaser"><p class="intro">${intro}</p></div>
<div class="body">${story()}</div></div>`,
      `<meta property="og:description" content="${description}">`,
    );

  it('takes the lead from a box named like chrome when the description copies it', () => {
    const article = page(LEAD, LEAD);
    assert.ok(article.text.startsWith(LEAD), article.text.slice(0, 80));
    assert.ok(!article.text.includes('Council votes'), 'the headline stays the title');
  });

  it('leaves the box out when the description says something else, or copies a short standfirst', () => {
    assert.ok(!page(LEAD, TEASER).text.includes('the works start in spring'));
    assert.ok(!page(SHORT_STANDFIRST, SHORT_STANDFIRST).text.includes(SHORT_STANDFIRST));
  });
});
