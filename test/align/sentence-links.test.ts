import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignArticles } from '../../src/align/align.js';
import { runSentencePairs, sharedVerbatimRuns } from '../../src/align/run-links.js';
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

  it('links short lines copied together, each too short to count alone', () => {
    // Three short lines of the source, run together into one sentence of a longer copy.
    const a = analyseArticle(
      articleFromText(
        'a',
        'Ferry timetable changes.\n\nHarbour crossings suspended.\n\nBuses replace boats.\n\nThe port authority met on Monday to discuss the winter season.',
      ),
    );
    const b = analyseArticle(
      articleFromText(
        'b',
        'Parking charges rise in June across the old town. Ferry timetable changes harbour crossings suspended buses replace boats. Shopkeepers complained about commuters.',
      ),
    );
    const runs = sharedVerbatimRuns(a, b);
    assert.ok(runs.some((run) => run.length >= 8));
    const linked = new Set(runSentencePairs(a, b, runs, 3).map(([sentenceA]) => sentenceA));
    assert.deepEqual([...linked].sort(), [0, 1, 2]);
    const pairs = alignArticles(a, b, lexicon).pairs;
    for (const sentence of [0, 1, 2]) assert.ok(pairs.some((pair) => pair.a === sentence && pair.b === 1));
  });

  it('finds no run where the texts share fewer words in a row than a seed', () => {
    const a = analyseArticle(articleFromText('a', 'The bridge stays shut until May.'));
    const b = analyseArticle(articleFromText('b', 'The bridge opens again in June.'));
    assert.deepEqual(sharedVerbatimRuns(a, b), []);
  });
});
