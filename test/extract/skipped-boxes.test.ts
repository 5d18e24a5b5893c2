import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

const STORY = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
];
const MIDDLE =
  'The council said the new bridge would have a wider footpath and a separate lane for bicycles on its eastern side.';

/** A story of `<p class="txt">` paragraphs with `box` between its second and third. */
function page(box: string): Article {
  const [one, two, ...rest] = STORY.map((line) => `<p class="txt">${line}</p>`);
  const content = `<html><head><title>Council votes to rebuild harbour bridge | Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="main"><h1>Council votes to rebuild harbour bridge</h1>
<div class="text">${one}
${two}
${box}
${rest.join('\n')}</div>
<div class="more"><a href="/a">Ten bridges that changed their cities and the people who built them</a></div></div>
<footer><p>© 2019 Daily Example. All rights reserved.</p></footer></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

describe('story prose in a box skipped for its class', () => {
  it("keeps a paragraph styled as the story's in a chrome-named box between its paragraphs", () => {
    const article = page(`<div class="sidebar-wrap"><p class="txt">${MIDDLE}</p></div>`);
    assert.ok(article.text.includes('separate lane for bicycles'));
    assert.ok(article.text.indexOf('steel frame') < article.text.indexOf('separate lane'));
    assert.ok(article.text.indexOf('separate lane') < article.text.indexOf('Shopkeepers'));
  });

  it('leaves out prose styled apart from the story in such a box', () => {
    const article = page(`<div class="sidebar-wrap"><p class="teaser">${MIDDLE}</p></div>`);
    assert.ok(!article.text.includes('separate lane for bicycles'));
  });

  it('leaves out a box repeating a paragraph the story shows', () => {
    const article = page(`<div class="sidebar-wrap"><p class="txt">“${STORY[1]}”</p></div>`);
    assert.equal(article.text.split('no longer carry the weight').length, 2);
  });

  it('leaves out a linked list in such a box', () => {
    const links =
      '<a href="/a">Bridge works will close the river road for three years, the council says.</a>';
    const article = page(`<div class="sidebar-wrap"><p class="txt">${links}</p></div>`);
    assert.ok(!article.text.includes('close the river road'));
  });
});
