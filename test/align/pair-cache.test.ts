import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntPairCache } from '../../src/align/pair-cache.js';

describe('the word-pair cache', () => {
  it('keeps every pair while it grows, in either generation, and forgets the oldest beyond two generations', () => {
    const capacity = 50_000;
    const cache = new IntPairCache<number>(capacity);
    // Grows from its first small table through several doublings.
    for (let x = 0; x < capacity - 1; x++) cache.set(x, x * 7 + 1, x);
    cache.set(999_999, 5, -1); // never read
    for (let x = 0; x < capacity - 1; x++) assert.equal(cache.get(x, x * 7 + 1), x);
    assert.equal(cache.get(1, 1), undefined);
    // A second generation: the first is still readable, and what is read moves back to the young one.
    for (let x = capacity; x < 2 * capacity; x++) cache.set(x, 3, x);
    assert.equal(cache.get(10, 71), 10);
    // A third: the pairs of the first generation never read again are gone; the one read stays.
    for (let x = 2 * capacity; x < 3 * capacity; x++) cache.set(x, 3, x);
    assert.equal(cache.get(999_999, 5), undefined);
    assert.equal(cache.get(10, 71), 10);
    assert.equal(cache.get(2 * capacity + 5, 3), 2 * capacity + 5);
    cache.clear();
    assert.equal(cache.get(2 * capacity + 5, 3), undefined);
  });
});
