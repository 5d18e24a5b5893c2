import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreFromPages, shingleCounts, shingleMatch } from '../../eval/extraction.js';
import { headToHead } from '../../eval/extraction-benchmarks.js';
import { isStoryText, textTruth } from '../../eval/extraction-truths.js';

describe('benchmark metric', () => {
  it('counts 4-token shingles with repeats, case kept', () => {
    const counts = shingleCounts('a b c d a b c d');
    assert.equal(counts.size, 4);
    assert.equal(
      [...counts.values()].reduce((sum, count) => sum + count, 0),
      5,
    );
    assert.equal(shingleCounts('A b c d').has(['a', 'b', 'c', 'd'].join('\u0001')), false);
  });

  it('makes one shingle of a text shorter than four tokens', () => {
    assert.deepEqual([...shingleCounts('one, two!').values()], [1]);
    assert.equal(shingleCounts('').size, 0);
  });

  it('normalises a page to sum to one', () => {
    const match = shingleMatch('a b c d e', 'a b c d x y');
    // gold {abcd, bcde}, predicted {abcd, bcdx, cdxy}: 1 shared, 2 extra, 1 missing.
    assert.deepEqual(match, { truePositive: 0.25, falsePositive: 0.5, falseNegative: 0.25 });
  });

  it('averages precision and recall over pages, then takes F1', () => {
    const perfect = shingleMatch('w x y z', 'w x y z');
    const half = shingleMatch('a b c d e', 'a b c d x y');
    const score = scoreFromPages([perfect, half]);
    assert.equal(score.pages, 2);
    assert.equal(score.precision, (1 + 1 / 3) / 2);
    assert.equal(score.recall, (1 + 1 / 2) / 2);
    assert.ok(
      Math.abs(score.f1 - (2 * score.precision * score.recall) / (score.precision + score.recall)) < 1e-12,
    );
  });

  it('leaves pages without prediction out of precision, but counts them in recall', () => {
    const empty = shingleMatch('a b c d', '');
    const score = scoreFromPages([empty, shingleMatch('w x y z', 'w x y z')]);
    assert.equal(score.precision, 1);
    assert.equal(score.recall, 0.5);
  });
});

describe('training labels of page blocks', () => {
  const truth = textTruth(
    'Harbour reopens after storm\nThe harbour reopened on Monday, a week after the storm that sank two boats. Fishermen said the damage was worse than they had feared.',
  );

  it('takes a block the truth holds word for word as story', () => {
    assert.equal(
      isStoryText(truth, 'The harbour reopened on Monday, a week after the storm that sank two boats.'),
      true,
    );
  });

  it('takes a block whose words the truth holds with other spacing as story by its word trigrams', () => {
    // The page sets the sentence with a line break and a space before the comma.
    assert.equal(
      isStoryText(
        truth,
        'The harbour reopened on Monday , a week after the storm that sank two boats. Fishermen said the damage was worse than they had feared.',
      ),
      true,
    );
  });

  it('takes a block of other words as chrome, and leaves a half-matching one out', () => {
    assert.equal(isStoryText(truth, 'Sign up for our newsletter and get the news every morning'), false);
    assert.equal(isStoryText(truth, 'The harbour reopened on Monday, a week after the party in town'), null);
  });
});

describe('page by page against a published extractor', () => {
  it('counts the pages each side is ahead on, small and large gaps apart, over the pages both scored', () => {
    const ours = [
      { precision: 1, recall: 0.9, f1: 0.95 },
      { precision: 1, recall: 0.5, f1: 0.6 },
      { precision: 0.9, recall: 1, f1: 0.99 },
      { precision: 1, recall: 1, f1: 1 },
    ];
    const theirs = { a: [0.9, 1, 0.97], b: [1, 1, 0.9], c: [0.5, 1, 0.7] };
    const duel = headToHead('other', ['a', 'b', 'c', 'd'], ours, theirs);
    assert.equal(duel.pages, 3);
    assert.deepEqual([duel.ahead, duel.behindSlightly, duel.behindMore], [1, 1, 1]);
    assert.ok(Math.abs(duel.theirs.precision - 0.8) < 1e-12);
    assert.ok(Math.abs(duel.ours.recall - 0.8) < 1e-12);
  });
});
