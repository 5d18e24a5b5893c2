import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcsPositions, rougeLsum, sentenceTokens } from '../../eval/rouge.js';

/** Made-up cases worked out by hand, following rouge-score's summary-level LCS. */
describe('ROUGE-LSum', () => {
  it('scores an exact copy 1', () => {
    assert.deepEqual(rougeLsum('One two three.', 'One two three.'), { precision: 1, recall: 1, f1: 1 });
  });

  it('keeps case and punctuation: tokens are split on whitespace alone', () => {
    // "the" ≠ "The" and "end." ≠ "end": only "cat" matches. P = 1/3, R = 1/3.
    const score = rougeLsum('The cat end.', 'the cat end');
    assert.equal(score.precision, 1 / 3);
    assert.equal(score.recall, 1 / 3);
  });

  it('counts the longest common subsequence within a sentence', () => {
    // LCS of [a b c d.] and [a c e.] is [a c]: P = 2/3, R = 2/4, F = 4/7.
    const score = rougeLsum('a b c d.', 'a c e.');
    assert.equal(score.precision, 2 / 3);
    assert.equal(score.recall, 1 / 2);
    assert.ok(Math.abs(score.f1 - 4 / 7) < 1e-12);
  });

  it('takes the union of LCS over predicted sentences, whatever their order', () => {
    // Each reference sentence finds itself in another predicted sentence: all 4 tokens hit.
    assert.deepEqual(rougeLsum('Alpha beta. Gamma delta.', 'Gamma delta. Alpha beta.'), {
      precision: 1,
      recall: 1,
      f1: 1,
    });
    // One reference sentence [A B C D E.] against [A B X.] and [D E.]: union {A B D E.}.
    const split = rougeLsum('A B C D E.', 'A B X. D E.');
    assert.equal(split.precision, 4 / 5);
    assert.equal(split.recall, 4 / 5);
  });

  it('counts a token no more often than it occurs on both sides', () => {
    // Reference [X Q.] [X R.], prediction [X S.]: X hits once, for the first sentence only.
    const score = rougeLsum('X Q. X R.', 'X S.');
    assert.equal(score.precision, 1 / 2);
    assert.equal(score.recall, 1 / 4);
    assert.ok(Math.abs(score.f1 - 1 / 3) < 1e-12);
    // Reference [X Y.], prediction [X Z.] [X Y.]: union {X, Y.} = 2 hits of 4 predicted tokens.
    const repeated = rougeLsum('X Y.', 'X Z. X Y.');
    assert.equal(repeated.precision, 1 / 2);
    assert.equal(repeated.recall, 1);
  });

  it('gives recall 1 to an empty reference and 0 to an empty prediction', () => {
    assert.deepEqual(rougeLsum('', ''), { precision: 1, recall: 1, f1: 1 });
    assert.equal(rougeLsum('  ', 'some words').recall, 1);
    assert.equal(rougeLsum('  ', 'some words').f1, 0);
    assert.deepEqual(rougeLsum('some words', ''), { precision: 0, recall: 0, f1: 0 });
  });

  it('backtracks one LCS the way rouge-score does', () => {
    assert.deepEqual(lcsPositions([1, 2, 3, 4], [2, 4, 1]), [1, 3]);
    assert.deepEqual(lcsPositions([1, 2], [3]), []);
  });
});

describe('Punkt-like sentence splitter', () => {
  // As Punkt: a question mark ends its sentence even before a lower-case word.
  it('splits after sentence punctuation but not after abbreviations, initials or acronyms', () => {
    const sentences = sentenceTokens(
      'Mr. Lee met J. R. Doe in the U.S. capital. "Why?" he asked. It rained... Then it stopped.\nA line\nwithout a stop',
    ).map((tokens) => tokens.join(' '));
    assert.deepEqual(sentences, [
      'Mr. Lee met J. R. Doe in the U.S. capital.',
      '"Why?"',
      'he asked.',
      'It rained...',
      'Then it stopped.',
      'A line without a stop',
    ]);
  });
});
