import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignArticles } from '../../src/align/align.js';
import { createEngine } from '../../src/engine/engine.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

const { lexicon } = createEngine();

const source = [
  'The museum reopened its east wing on Saturday after two years of repairs to the roof and the heating.',
  'Summer opening hours and ticket prices',
  'Visitors queued from early morning to see the restored collection of maritime paintings.',
].join('\n\n');

// The heading (no full stop) is put into running text: it runs on into the next sentence.
const copy = [
  'Traffic was slow on the ring road all week because of the works near the harbour bridge.',
  'Summer opening hours and ticket prices the council will set new parking charges near the harbour in June, ' +
    'after shopkeepers complained that commuters blocked the loading bays outside their bakeries, pharmacies ' +
    'and hardware stores every weekday morning for most of the winter.',
].join(' ');

describe('sentence links', () => {
  it('links a sentence found word for word inside a longer sentence of the other text', () => {
    const a = analyseArticle(articleFromText('source', source));
    const b = analyseArticle(articleFromText('copy', copy));
    const alignment = alignArticles(a, b, lexicon);
    const heading = a.sentences.findIndex((sentence) =>
      a.article.text.slice(sentence.start, sentence.end).startsWith('Summer opening'),
    );
    assert.ok(heading >= 0);
    assert.ok(alignment.pairs.some((pair) => pair.a === heading));
  });

  it('does not link a short sentence of common words found inside another', () => {
    const a = analyseArticle(
      articleFromText('a', 'After what happened here.\n\nThe bridge stays shut until May.'),
    );
    const b = analyseArticle(
      articleFromText('b', 'After what happened here the town wants a new bridge built by a local firm.'),
    );
    assert.equal(alignArticles(a, b, lexicon).pairs.length, 0);
  });
});
