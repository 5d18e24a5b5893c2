import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerView } from '../../src/extract/extract-html.js';
import {
  containerCandidatesOf,
  containerStages,
  proseRunnerUp,
} from '../../src/extract/html/content-container.js';
import { extractArticle } from '../../src/extract/index.js';

/** Listings: comma-rich short items that end like no sentence (they outscore a brief). */
const LISTINGS = [
  'Saturday, 10 am to 4 pm, Town Hall, Market Street, free entry, all welcome',
  'Sunday, 2 pm, Riverside Park, bandstand, brass band, chairs, tea, cake',
  'Monday, 7 pm, Library, upstairs room, book club, new members, no booking',
  'Tuesday, 6 pm, Sports Centre, hall two, badminton, rackets lent, juniors',
  'Wednesday, 11 am, Museum, ground floor, toddlers, songs, stories, crafts',
];

/** A made-up page: a brief of three paragraphs under its headline, then a longer box of listings. */
const PAGE = `<html><head><title>Bridge reopens after repairs</title></head><body>
<div class="brief"><h1>Bridge reopens after repairs</h1>
<p>The old stone bridge over the river, closed since March, reopened to traffic on Friday, two weeks earlier than the council, which owns it, had planned.</p>
<p>Engineers replaced the worn parapet, resurfaced the road, cleared the gutters and repaired the drains, the council said in a statement on Thursday.</p>
<p>Buses, which had been diverted through the town centre, return to their usual route, with the old stops, on Monday morning.</p></div>
<div class="listings">${LISTINGS.map((line) => `<p>${line}</p>`).join('\n')}</div>
</body></html>`;

describe('a brief beaten by a box of short items', () => {
  const raw = { input: 'page.html', format: 'html' as const, content: PAGE, encoding: 'utf-8' };

  it('the listings win the score, the brief is a runner-up and the prose runner-up step picks it', () => {
    const view = containerView(raw);
    const { candidates } = containerCandidatesOf(view.pageBlocks, view.headline);
    assert.equal(candidates[0]?.element.attribs.class, 'listings');
    assert.equal(proseRunnerUp(candidates)?.attribs.class, 'brief');
    assert.equal(containerStages(view.pageBlocks, view.declared, view.headline).top?.attribs.class, 'brief');
  });

  it('extracts the brief, not the listings', () => {
    const text = extractArticle(raw).text;
    assert.match(text, /stone bridge over the river, closed since March/);
    assert.match(text, /Buses, which had been diverted/);
    assert.doesNotMatch(text, /book club/);
  });
});
