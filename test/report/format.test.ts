import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changesByWeight, elide, elideMiddle, focusDifference, round3 } from '../../src/report/format.js';
import { spunPair } from './fixtures.js';

describe('format helpers', () => {
  it('rounds to 3 decimals without negative zero', () => {
    assert.equal(round3(0.84567), 0.846);
    assert.ok(Object.is(round3(-0.0001), 0));
  });

  it('elides by code points, never splitting a surrogate pair', () => {
    assert.equal(elide('short', 10), 'short');
    assert.equal(elide('a long headline', 7), 'a long…');
    assert.equal(elide('😀😀😀😀', 3), '😀😀…');
    // Cuts at word boundaries: both ends stay whole words.
    assert.equal(elideMiddle('The West must engage with Moscow to develop', 20), 'The West…develop');
  });

  it('focuses a change on the words that differ', () => {
    assert.deepEqual(
      focusDifference(
        'when times are difficult as they are now',
        'when times are problematic as they are now',
      ),
      ['…are difficult as…', '…are problematic as…'],
    );
    assert.deepEqual(focusDifference('Antony', 'Anthony'), ['Antony', 'Anthony']);
  });

  it('orders changes by weight, keeping detector order on ties', () => {
    const types = changesByWeight(spunPair.changes).map((change) => `${change.weight}:${change.type}`);
    assert.deepEqual(types.slice(0, 4), [
      '3:quote-to-reported',
      '2:synonym-substituted',
      '2:name-misspelt',
      '2:paragraph-dropped',
    ]);
  });
});
