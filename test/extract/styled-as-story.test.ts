import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';

const STORY = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'The council said the new bridge would have a wider footpath and a separate lane for bicycles on its eastern side.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
];

/** A page whose story paragraphs (`<p class="body">`) are followed by `after` in the same element. */
function page(after: string, before = ''): Article {
  const paragraphs = STORY.map((line) => `<p class="body">${line}</p>`).join('\n');
  const content = `<html><head><title>Council votes to rebuild harbour bridge | Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="main"><h1>Council votes to rebuild harbour bridge</h1>
<div class="story">${before}
${paragraphs}
${after}</div>
<div class="more"><a href="/a">Ten bridges that changed their cities and the people who built them</a></div></div>
<footer><p>© 2019 Daily Example. All rights reserved.</p></footer></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' });
}

describe('lines set as the story own paragraphs', () => {
  it("keeps the story's credit line set as one of its paragraphs", () => {
    const article = page('<p class="body">Reporting by Jane Roe; Editing by John Doe</p>');
    assert.ok(article.text.includes('Reporting by Jane Roe'));
    assert.ok(!article.text.includes('All rights reserved'));
  });

  it('keeps a contact line set as one of its paragraphs', () => {
    const article = page('<p class="body">Contact: newsdesk@example.com</p>');
    assert.ok(article.text.includes('newsdesk@example.com'));
  });

  it('leaves out a credit line styled apart from the story', () => {
    const article = page('<p class="credits">Reporting by Jane Roe; Editing by John Doe</p>');
    assert.ok(!article.text.includes('Reporting by Jane Roe'));
  });

  it('leaves out a picture credit set as a paragraph', () => {
    const article = page('<p class="body">Photo: Jane Roe</p>');
    assert.ok(!article.text.includes('Jane Roe'));
  });

  it("keeps a linked item of the story's own list", () => {
    const list = `<ul class="points"><li>The engineering report of 2018 on the steel frame</li>
<li><a href="/minutes">Council minutes</a></li>
<li>The ferry timetable for the three years of works</li></ul>`;
    const closing =
      'The council will publish its plans for the approach roads in the summer, the mayor said.';
    const article = page(`${list}<p class="body">${closing}</p>`);
    assert.ok(article.text.includes('Council minutes'));
    assert.ok(article.text.includes('ferry timetable'));
  });

  it('leaves out a list of links of its own', () => {
    const menu = `<ul class="menu"><li><a href="/a">Bridges</a></li><li><a href="/b">Ferries</a></li><li><a href="/c">Roads</a></li></ul>`;
    const article = page(menu);
    assert.ok(!article.text.includes('Ferries'));
  });
});
