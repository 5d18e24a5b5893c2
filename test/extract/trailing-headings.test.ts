import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';

const PARAGRAPHS = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
];

function extractText(ending: string): string {
  const [first, ...rest] = PARAGRAPHS.map((line) => `<p class="txt">${line}</p>`);
  const content = `<html><head><title>Harbour bridge | Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="main"><h1>Council votes to rebuild harbour bridge</h1>
<div class="body">${first}<h2>Ten years of debate</h2>${rest.join('\n')}${ending}</div></div>
<footer><p>© 2019 Daily Example.</p></footer></body></html>`;
  return extractArticle({ input: 'page.html', format: 'html', content, encoding: 'utf-8' }).text;
}

describe('headings the story ends with', () => {
  it('leaves out a short heading with nothing of the story after it, and keeps its subheads', () => {
    const text = extractText('<h3>From our region desk</h3>');
    assert.ok(!text.includes('From our region desk'), 'trailing heading left out');
    assert.ok(text.includes('Ten years of debate'), 'subhead kept');
    assert.ok(text.includes('a ferry will carry people'), 'last paragraph kept');
  });

  it('keeps a heading that a paragraph of the story follows', () => {
    const closing =
      'The council will show the designs in the town hall, where residents can comment on them.';
    const text = extractText(`<h3>What happens next</h3><p class="txt">${closing}</p>`);
    assert.ok(text.includes('What happens next') && text.includes(closing));
  });
});
