import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import type { Article } from '../../src/model/article.js';
import { spanToSource, toSource } from '../../src/text/offsets.js';
import { SEED_NAMES, seedDocument } from './fixtures.js';

function occurrences(text: string, fragment: string): number {
  return text.split(fragment).length - 1;
}

function paragraphTexts(article: Article): string[] {
  return article.paragraphs.map((paragraph) => article.text.slice(paragraph.start, paragraph.end));
}

describe('seed 001: wire copy on a news portal', () => {
  const article = extractArticle(seedDocument(SEED_NAMES[1]));

  it('keeps every story paragraph exactly once', () => {
    for (const opening of [
      'The West must engage',
      'Blinken called for a firm',
      'On Tuesday, Blinken had described',
    ]) {
      assert.equal(occurrences(article.text, opening), 1, opening);
    }
    assert.equal(article.paragraphs.length, 7);
  });

  it('drops the menus, lists, footer and contact lines', () => {
    for (const chrome of [
      'TRENDING',
      'Curse of Oak Island',
      'Devdiscourse',
      'Copyright',
      'Email:',
      'Left Menu',
    ]) {
      assert.ok(!article.text.includes(chrome), chrome);
    }
  });

  it('reads the dateline as date and byline', () => {
    assert.ok(article.published?.startsWith('2021-03-24'));
    assert.equal(article.published, '2021-03-24T20:48:00+05:30');
    assert.equal(article.byline, 'Reuters');
    const dateline = article.boilerplate.find((block) => block.kind === 'dateline');
    assert.ok(dateline?.text.startsWith('Reuters | Updated'));
  });

  it('takes the headline as title and marks its copy', () => {
    assert.equal(article.title, 'Engage Russia but remain "clear-eyed" while doing so, Blinken tells NATO');
    assert.equal(article.boilerplate.filter((block) => block.kind === 'title').length, 2);
    assert.ok(!article.text.includes('Blinken tells NATO'));
  });

  it('marks the standfirst that repeats the lede as a duplicate', () => {
    const duplicates = article.boilerplate.filter((block) => block.kind === 'duplicate');
    assert.equal(duplicates.length, 1);
    assert.ok(duplicates[0]!.text.startsWith('The West must engage with Russia'));
    assert.ok(duplicates[0]!.start < toSource(article.origin, 0));
  });

  it('names the kinds of chrome', () => {
    const kindOf = (fragment: string) =>
      article.boilerplate.find((block) => block.text.includes(fragment))?.kind;
    assert.equal(kindOf('has not been edited by'), 'disclaimer');
    assert.equal(kindOf('TRENDING'), 'related');
    assert.equal(kindOf('Curse of Oak Island'), 'related');
    assert.equal(kindOf('Email:'), 'footer');
    assert.equal(kindOf('Copyright'), 'footer');
    assert.equal(kindOf('Give Feedback'), 'social');
    assert.equal(kindOf('Left Menu'), 'navigation');
  });

  it('fills every field', () => {
    assert.equal(article.language, 'en');
    assert.equal(article.format, 'text');
    assert.equal(article.encoding, 'utf-8');
    assert.equal(article.url, null);
    assert.equal(article.content, seedDocument(SEED_NAMES[1]).content);
  });
});

describe('seed 000: content-farm rewrite with a trading-site footer', () => {
  const article = extractArticle(seedDocument(SEED_NAMES[0]));

  it('drops the footer prompts and ad words', () => {
    for (const chrome of ['Spreads', 'Leave a Reply', 'homepage', 'Trading', 'West moscow']) {
      assert.ok(!article.text.includes(chrome), chrome);
    }
  });

  it('keeps the story from first to last paragraph', () => {
    assert.ok(article.text.startsWith('According to U.S. Secretary of State Antony Blinken'));
    assert.ok(article.text.endsWith('threats that required NATO to come together.'));
    assert.equal(article.paragraphs.length, 10);
  });

  it('marks the pull quote that repeats a later sentence as a duplicate', () => {
    const pullQuote = article.boilerplate.find((block) => block.text.startsWith('dialogue is essential'));
    assert.equal(pullQuote?.kind, 'duplicate');
    assert.equal(occurrences(article.text, 'dialogue is essential, especially'), 1);
  });

  it('labels the bullet list of trading words as advertising', () => {
    const bullets = article.boilerplate.filter((block) => block.text.startsWith('•'));
    assert.equal(bullets.length, 4);
    assert.ok(bullets.every((block) => block.kind === 'advertising'));
    assert.equal(article.boilerplate.find((block) => block.text === 'Leave a Reply')?.kind, 'social');
  });

  it('takes the first line as title', () => {
    assert.equal(article.title, 'West must engage with Moscow to develop mutual interests');
  });
});

describe('seed 002: translated rewrite with an inserted teaser', () => {
  const document = seedDocument(SEED_NAMES[2]);
  const article = extractArticle(document);

  it('drops the ALSO READ teaser as a teaser block pointing at its line', () => {
    assert.ok(!article.text.includes('ALSO READ'));
    const teaser = article.boilerplate.find((block) => block.kind === 'teaser');
    assert.ok(teaser);
    assert.equal(document.content.slice(teaser.start, teaser.end), teaser.text);
    assert.ok(teaser.text.startsWith('ALSO READ:'));
    assert.ok(teaser.text.endsWith('Macron wants to talk to Putin'));
  });

  it('keeps the paragraphs around the teaser', () => {
    const paragraphs = paragraphTexts(article);
    assert.ok(
      paragraphs.some((paragraph) => paragraph.startsWith('“Even in the absence of any improvement')),
    );
    assert.ok(paragraphs.some((paragraph) => paragraph.startsWith('NATO’s policy towards Russia')));
    assert.ok(paragraphs.includes('Blinken called for a firm common position in Russia.'));
  });

  it('keeps the repeated headline and its deck out of the text', () => {
    assert.equal(
      article.title,
      'Blinken and Stoltenberg called for firmness and realism in engaging with Russia',
    );
    assert.ok(article.text.startsWith('The West must work with Russia'));
    assert.equal(article.boilerplate.filter((block) => block.kind === 'title').length, 3);
  });
});

describe('every seed', () => {
  for (const name of SEED_NAMES) {
    it(`${name}: paragraphs are exact slices of the input`, () => {
      const document = seedDocument(name);
      const article = extractArticle(document);
      for (const paragraph of article.paragraphs) {
        const source = spanToSource(article.origin, paragraph.start, paragraph.end);
        assert.equal(
          document.content.slice(source.start, source.end),
          article.text.slice(paragraph.start, paragraph.end),
        );
      }
      for (const block of article.boilerplate)
        assert.equal(document.content.slice(block.start, block.end), block.text);
    });

    it(`${name}: boilerplate is in input order and never overlaps the story`, () => {
      const article = extractArticle(seedDocument(name));
      const storySpans = article.paragraphs.map((paragraph) =>
        spanToSource(article.origin, paragraph.start, paragraph.end),
      );
      for (let index = 1; index < article.boilerplate.length; index++) {
        assert.ok(article.boilerplate[index - 1]!.start <= article.boilerplate[index]!.start);
      }
      for (const block of article.boilerplate) {
        assert.ok(storySpans.every((span) => block.end <= span.start || block.start >= span.end));
      }
    });

    it(`${name}: extraction is deterministic`, () => {
      const first = extractArticle(seedDocument(name));
      const second = extractArticle(seedDocument(name));
      assert.deepEqual({ ...first, origin: null }, { ...second, origin: null });
      assert.deepEqual(first.origin, second.origin);
    });
  }
});
