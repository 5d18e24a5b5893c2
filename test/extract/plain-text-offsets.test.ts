import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isWiretraceError } from '../../src/errors.js';
import { extractArticle } from '../../src/extract/index.js';
import type { Article, RawDocument } from '../../src/model/article.js';
import { spanToSource, toSource } from '../../src/text/offsets.js';

function plain(content: string): RawDocument {
  return { input: 'test.txt', format: 'text', content, encoding: 'utf-8' };
}

/** Extracts, or null when the input holds no text (the one documented error). */
function tryExtract(content: string): Article | null {
  try {
    return extractArticle(plain(content));
  } catch (error) {
    if (isWiretraceError(error) && error.code === 'INPUT_EMPTY') return null;
    throw error;
  }
}

function assertParagraphsMapBack(content: string, article: Article): void {
  for (const paragraph of article.paragraphs) {
    const text = article.text.slice(paragraph.start, paragraph.end);
    const source = spanToSource(article.origin, paragraph.start, paragraph.end);
    assert.equal(content.slice(source.start, source.end), text);
  }
}

const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const sentence = fc
  .array(word, { minLength: 1, maxLength: 25 })
  .chain((words) => fc.constantFrom('.', '!', '?', '', ':', '...').map((end) => words.join(' ') + end));
const line = fc.oneof(
  sentence,
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '   ', '\t', '• Share', '© 2021 Example', 'ALSO READ: elsewhere', 'Menu'),
);
const document = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'))
  .map(([lines, newline]) => lines.join(newline));

describe('plain-text offsets', () => {
  it('maps every paragraph back to an identical slice of random input', () => {
    fc.assert(
      fc.property(document, (content) => {
        const article = tryExtract(content);
        if (article === null) return;
        assertParagraphsMapBack(content, article);
        assert.equal(
          article.text,
          article.paragraphs.map((p) => article.text.slice(p.start, p.end)).join('\n\n'),
        );
      }),
      { numRuns: 300, seed: 20210324 },
    );
  });

  it('maps any character offset inside the text into the input', () => {
    fc.assert(
      fc.property(document, fc.nat(), (content, pick) => {
        const article = tryExtract(content);
        if (article === null || article.text.length === 0) return;
        const offset = pick % article.text.length;
        const character = article.text[offset]!;
        if (/\s/.test(character)) return;
        assert.equal(content[toSource(article.origin, offset)], character);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('re-joins hard-wrapped lines into one paragraph that still maps exactly', () => {
    const content = [
      'The council met on Tuesday to discuss the budget for the coming year, and',
      'members agreed that spending on roads should rise by a tenth while other',
      'items stay as they were last year.',
      '',
      'A second paragraph follows here, wrapped at the same width as the first',
      'one, so that the reflow has something to do.',
    ].join('\n');
    const article = extractArticle(plain(content));
    assert.equal(article.paragraphs.length, 2);
    assertParagraphsMapBack(content, article);
    assert.ok(article.text.startsWith('The council met'));
    assert.ok(article.text.includes('items stay as they were last year.\n\nA second paragraph'));
  });

  it('keeps a clean article whole', () => {
    const content =
      'First sentence of a story that is plain and simple, with no chrome at all.\n\nSecond one, equally plain, closing the story for good.\n';
    const article = extractArticle(plain(content));
    assert.equal(article.paragraphs.length, 2);
    assert.equal(article.boilerplate.length, 0);
    assert.equal(article.title, null);
  });

  it('keeps a lone short line as the text rather than failing', () => {
    const article = extractArticle(plain('  Breaking: markets close higher  \n'));
    assert.equal(article.text, 'Breaking: markets close higher');
  });

  it('throws INPUT_EMPTY when there is no text at all', () => {
    for (const content of ['', '   \n\n\t  ']) {
      assert.throws(
        () => extractArticle(plain(content)),
        (error: unknown) =>
          isWiretraceError(error) && error.code === 'INPUT_EMPTY' && error.input === 'test.txt',
      );
    }
  });

  it('lets document metadata win over what extraction finds', () => {
    const raw = plain(
      'Some Headline Here For The Story\n\nReuters | Updated: 24-03-2021 20:48 IST\n\nThe body of the story is long enough to be prose, and it ends properly.\n',
    );
    const found = extractArticle(raw);
    assert.equal(found.title, 'Some Headline Here For The Story');
    assert.equal(found.byline, 'Reuters');
    const withMeta = extractArticle({
      ...raw,
      meta: { title: 'Given title', published: '2021-03-25', source: 'AP', url: 'https://example.com/a' },
    });
    assert.equal(withMeta.title, 'Given title');
    assert.equal(withMeta.published, '2021-03-25');
    assert.equal(withMeta.byline, 'AP');
    assert.equal(withMeta.url, 'https://example.com/a');
  });

  it('sets the byline from a wire credit in the text and keeps the credit', () => {
    const article = extractArticle(
      plain(
        'BRUSSELS (Reuters) - The West must engage with Russia, the U.S. secretary of state said on Wednesday.\n',
      ),
    );
    assert.equal(article.byline, 'Reuters');
    assert.ok(article.text.startsWith('BRUSSELS (Reuters) -'));
  });
});

describe('clean articles', () => {
  it('keeps lists, formulas and short closing lines of text without page chrome', () => {
    const content = [
      'PageRank Explained',
      '',
      'PageRank assigns every page of the web graph a score between 0 and 1, computed from the links that point to it.',
      '',
      'The score of a page with three inbound links is:',
      'PR(A) = PR(B) + PR(C) + PR(D)',
      '',
      '* Inbound links – pages that link to this one',
      '* Outbound links – pages this one links to',
      '',
      'However, the update cycle is slow.',
    ].join('\n');
    const article = extractArticle(plain(content));
    assert.equal(article.title, 'PageRank Explained');
    for (const line of [
      'PR(A) = PR(B)',
      '* Inbound links',
      '* Outbound links',
      'However, the update cycle is slow.',
    ]) {
      assert.ok(article.text.includes(line), line);
    }
    assert.deepEqual(
      article.boilerplate.map((block) => block.kind),
      ['title'],
    );
  });
});
