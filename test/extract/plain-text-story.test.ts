import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockFeatures } from '../../src/extract/block-features.js';
import { extractArticle } from '../../src/extract/index.js';
import { blockFromPieces } from '../../src/extract/text-block.js';
import type { Article } from '../../src/model/article.js';

/** A flattened page: one block per line, blank lines between them. */
function page(lines: readonly string[]): Article {
  return extractArticle({
    input: 'page.txt',
    format: 'text',
    content: lines.join('\n\n'),
    encoding: 'utf-8',
  });
}

const MENU = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Sign In'];

const STORY = [
  'The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has run for more than a decade.',
  'Engineers had warned that the steel frame, built in 1931, could no longer carry the weight of modern lorries and buses.',
  'Work is due to start next spring and should take three years, during which a ferry will carry people across the river.',
];

const MORE_STORY = [
  'The council said the new bridge would have a wider footpath and a separate lane for bicycles on its eastern side.',
  'Shopkeepers on both banks welcomed the decision, though some worried about losing trade while the works go on.',
  'A public meeting on the design will be held at the town hall next month, and residents can send comments online.',
];

describe('flattened pages: where the story is', () => {
  it('takes the story under the page heading over a heavier run of promotions elsewhere', () => {
    const article = page([
      'Cup standings after the final round | Example Sports | Football | Tennis',
      ...MENU,
      'Cup standings after the final round',
      'Here are the cup standings after the final round of the season.',
      'The leaders have 120 points, eight more than the team in second place, with two rounds left to play.',
      'Check back every week for the latest cup standings!',
      'Share on WhatsApp',
      'Columns',
      'Advertising',
      'Power Ranking',
      'Podcast',
      'Forum',
      'Click on the photo of our columnist and read every column he has written about racing for us this year.',
      'Click on the picture above and see how the drivers are ranked this season at the grand prix and overall in the year.',
      'Click and learn the television times of the grand prix, the track, the statistics, the tyres and the weather for practice.',
      'Privacy Policy',
    ]);
    assert.ok(article.text.startsWith('Here are the cup standings'));
    assert.ok(!article.text.includes('Click on the photo'));
  });

  it('keeps the list a story line introduces with a colon', () => {
    const article = page([
      ...MENU,
      ...STORY,
      'The council has hired a second boat for the busiest hours, and the ferry will call at these landings during the works:',
      'North Quay – every 20 minutes from 6am',
      'Old Market Steps – every 30 minutes',
      'Harbour Station – hourly after 8pm',
      'Share',
    ]);
    assert.ok(article.text.includes('Old Market Steps – every 30 minutes'));
    assert.ok(article.text.includes('Harbour Station – hourly after 8pm'));
  });

  it('drops the headlines under a list header inside the story', () => {
    const article = page([
      ...MENU,
      ...STORY.slice(0, 2),
      'Related',
      'Ten bridges that changed their cities',
      'Why ferries are coming back in fashion',
      ...MORE_STORY,
      'Share',
    ]);
    assert.ok(!article.text.includes('Ten bridges'));
    assert.ok(!article.text.includes('Why ferries'));
    assert.ok(article.text.includes(MORE_STORY[0]!));
  });

  it('ends the story at the box about its author', () => {
    const article = page([
      ...MENU,
      ...STORY,
      'About Jane Doe',
      'Jane has covered city politics for twenty years and lives by the river with her two cats and a great many books.',
      'Share',
    ]);
    assert.ok(article.text.endsWith('carry people across the river.'));
    const bio = page([
      ...MENU,
      ...STORY,
      'Jane Doe is a staff writer at Example News covering transport.',
      'Share',
    ]);
    assert.ok(!bio.text.includes('staff writer'));
  });

  it('drops captions that carry a picture credit', () => {
    const article = page([
      ...MENU,
      STORY[0]!,
      'The bridge at dusk, seen from the north bank (Image: AGENCY )',
      STORY[1]!,
      'A drawing of the new bridge.',
      '(Image credit: City Council)',
      STORY[2]!,
      'Commuters queue for the ferry at North Quay on Tuesday, March 3, 2020, as work on the bridge begins. Jane Roe, AP',
      ...MORE_STORY,
      'Share',
    ]);
    assert.ok(!article.text.includes('Commuters queue for the ferry'));
    assert.ok(!article.text.includes('seen from the north bank'));
    assert.ok(!article.text.includes('A drawing of the new bridge'));
    assert.ok(!article.text.includes('Image credit'));
    assert.equal(article.paragraphs.length, 6);
  });

  it('drops a run of one-word menu entries inside the story but keeps a list of longer items', () => {
    const article = page([
      ...MENU,
      ...STORY.slice(0, 2),
      'Politics',
      'Transport',
      'Environment',
      STORY[2]!,
      'Harbour Works Ltd of Leeds',
      'Northern Steel and Sons',
      'The River Bridge Company',
      ...MORE_STORY,
      'Share',
    ]);
    assert.ok(!article.text.includes('Transport'));
    assert.ok(article.text.includes('Northern Steel and Sons'));
  });
});

describe('flattened pages: where the story begins and ends', () => {
  it('goes on over the dates or data that end a story, up to its closing credit', () => {
    const article = page([
      ...MENU,
      ...STORY,
      'Ferry Timetable',
      'June 9 – North Quay, 6am @ Landing One',
      'June 10 – Old Market Steps, 7am @ Landing Two',
      'Harbour Station',
      'June 11 – Harbour Station, 8am @ Landing Three',
      'Additional reporting by John Smith',
      'Share',
    ]);
    assert.ok(article.text.includes('June 10 – Old Market Steps'));
    assert.ok(article.text.includes('June 11 – Harbour Station'));
    assert.ok(!article.text.includes('Additional reporting'));
  });

  it('keeps the dates that end a plain article without any page chrome', () => {
    const article = page([
      ...STORY,
      'Ferry Timetable',
      'June 9 – North Quay, 6am @ Landing One',
      'June 10 – Old Market Steps, 7am @ Landing Two',
      'June 11 – Harbour Station, 8am @ Landing Three',
    ]);
    assert.ok(article.text.includes('June 9 – North Quay'));
    assert.ok(article.text.includes('June 11 – Harbour Station'));
  });

  it("does not go on over other stories' headlines after the story", () => {
    const headlines = page([
      ...MENU,
      ...STORY,
      'Ten Bridges That Changed Their Cities',
      'Why Ferries Are Coming Back In Fashion',
      'The Best River Walks For A Sunday Afternoon',
      'Mayor Opens New Library In 2019',
      'Five things to know about the harbour, including its 1931 frame',
      'Privacy Policy',
    ]);
    assert.ok(headlines.text.endsWith('carry people across the river.'));
    const sections = page([
      ...MENU,
      ...STORY,
      'News',
      'Council leader says the new budget will protect libraries',
      'Sport',
      'Local club wins the county cup after a late goal',
      'News',
      'Police appeal for witnesses after a crash on the ring road',
      'Privacy Policy',
    ]);
    assert.ok(sections.text.endsWith('carry people across the river.'));
    const numbered = page([
      ...MENU,
      ...STORY,
      'Council leader resigns after 12 years in office',
      'Five things to know about the 2020 budget',
      'Why 3 in 10 drivers avoid the ring road',
      'Privacy Policy',
    ]);
    assert.ok(numbered.text.endsWith('carry people across the river.'));
  });

  it('takes in the short sentences and list that open a story', () => {
    const article = page([
      ...MENU,
      'Harbour bridge to be rebuilt',
      'Good news for commuters!',
      'New footpath',
      'Cycle lane',
      ...STORY,
      'Share',
    ]);
    assert.ok(article.text.startsWith('Good news for commuters!'));
  });

  it('starts below the byline when a deck sits above it', () => {
    const article = page([
      ...MENU,
      'Harbour bridge to be rebuilt',
      'The council ends a decade of debate over the crossing, which engineers say can no longer carry buses.',
      'By Jane Doe | March 2, 2020 at 4:05 PM',
      ...STORY,
      'Share',
    ]);
    assert.ok(article.text.startsWith(STORY[0]!));
  });

  it("ends a press release before the company's profile", () => {
    const article = page([
      ...MENU,
      ...STORY,
      'Acme Bridges AG is a family-owned maker of steel structures for roads and railways. It has some 900 staff.',
      'Acme Bridges is based in Leeds and builds in nine countries.',
      'Subscribe to our newsletter',
    ]);
    assert.ok(article.text.endsWith('carry people across the river.'));
  });

  it('does not go on into a comment thread', () => {
    const article = page([
      ...MENU,
      ...STORY,
      '3 thoughts on “Harbour bridge to be rebuilt”',
      'John Smith',
      'Great article, thanks for writing it.',
      'Reply',
      'Mary Jones',
      'I drive over that bridge every day and it is about time.',
      'Reply',
    ]);
    assert.ok(article.text.endsWith('carry people across the river.'));
  });

  it('ends the story where a comment form opens, in other languages too', () => {
    const article = page([
      ...MENU,
      ...STORY,
      'Lascia un commento Annulla risposta',
      'Devi essere connesso per inviare un commento, e ricordati di essere gentile con tutti gli altri lettori.',
    ]);
    assert.ok(article.text.endsWith('carry people across the river.'));
  });
});

describe('flattened pages: headlines run into a lede', () => {
  const features = (text: string) =>
    blockFeatures(blockFromPieces([{ text, start: 0, end: text.length, gapBefore: '' }]));

  it('takes a Title Case headline followed by a sentence for one', () => {
    const text =
      'Council Says Three Hurt After Fall From Footbridge A 31-year-old man was taken to hospital on Sunday.';
    assert.ok(features(text).headlinePrefixed);
  });

  it("does not take a wire story's opening for one", () => {
    const text =
      '(Reuters) — The Northland State Energy Regulator (NSER) is investigating the company, two people said.';
    assert.ok(!features(text).headlinePrefixed);
  });

  it('does not take a sentence opening with a list of names for one', () => {
    const text =
      'Ohio Sen. Jane Roe, Maine Rep. John Doe, businessman Peter Brown and others are under pressure.';
    assert.ok(!features(text).headlinePrefixed);
  });
});

describe('flattened pages: the title', () => {
  const headline = 'Council votes to rebuild the old harbour bridge';

  it('drops the site name the page shows on lines of its own (logo, footer)', () => {
    const article = page([
      `${headline} | Example Gazette`,
      'Example Gazette',
      ...MENU,
      ...STORY,
      'Example Gazette',
      '© 2024 Example Gazette. All rights reserved.',
    ]);
    assert.equal(article.title, headline);
  });

  it('keeps the title whole when nothing on the page says which end is the site', () => {
    const article = page([`${headline} | Example Gazette`, ...MENU, ...STORY, 'Privacy Policy']);
    assert.equal(article.title, `${headline} | Example Gazette`);
  });
});

describe('a text of one paragraph', () => {
  it('is the story whole, even with a copyright line run into its sentence', () => {
    const text = `${STORY[0]} Copyright 2024 Example Gazette.`;
    const article = page([text]);
    assert.equal(article.text, text);
  });

  it('loses the copyright line when it stands on a line of its own', () => {
    const article = page([...STORY, '© 2024 Example Gazette. All rights reserved.']);
    assert.ok(!article.text.includes('Example Gazette'));
  });
});

describe('a clean text without page chrome', () => {
  it('keeps the short lines between its headline and its first paragraph as the story lead', () => {
    const article = page([
      'Council to rebuild the old harbour bridge',
      'A decade of debate ends',
      'Tolls will not rise',
      ...STORY,
    ]);
    assert.equal(article.title, 'Council to rebuild the old harbour bridge');
    assert.ok(article.text.startsWith('A decade of debate ends'));
    assert.ok(article.text.includes('Tolls will not rise'));
    assert.ok(article.text.includes(STORY[2]!));
  });
});
