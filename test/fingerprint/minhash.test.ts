import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lshCandidatePairs } from '../../src/fingerprint/lsh.js';
import {
  estimateJaccard,
  exactJaccard,
  minhashSignature,
  SIGNATURE_SIZE,
  shingleHashes,
} from '../../src/fingerprint/minhash.js';

/** Two word lists drawn from a small vocabulary, so that they share shingles often. */
const wordLists = fc.tuple(
  fc.array(fc.constantFrom(...'alpha beta gamma delta epsilon zeta eta theta'.split(' ')), {
    minLength: 6,
    maxLength: 60,
  }),
  fc.array(fc.constantFrom(...'alpha beta gamma delta epsilon zeta eta theta'.split(' ')), {
    minLength: 0,
    maxLength: 20,
  }),
  fc.nat(),
);

describe('MinHash', () => {
  it('estimates the exact Jaccard similarity of word shingles within 4 standard errors', () => {
    fc.assert(
      fc.property(wordLists, ([words, edit, at]) => {
        // The second text: the first with a run of words replaced, so similarity spans 0..1.
        const position = at % words.length;
        const other = [...words.slice(0, position), ...edit, ...words.slice(position + edit.length)];
        const a = shingleHashes(words, 3);
        const b = shingleHashes(other, 3);
        const exact = exactJaccard(a, b);
        const estimate = estimateJaccard(minhashSignature(a), minhashSignature(b));
        const standardError = Math.sqrt(Math.max(exact * (1 - exact), 0.01) / SIGNATURE_SIZE);
        assert.ok(
          Math.abs(estimate - exact) <= 4 * standardError + 1e-9,
          `exact ${exact}, estimate ${estimate}`,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same signature for the same words, and 1 for identical texts', () => {
    const words = 'the minister said on tuesday that talks would resume next week'.split(' ');
    const first = minhashSignature(shingleHashes(words));
    assert.deepEqual(minhashSignature(shingleHashes([...words])), first);
    assert.equal(estimateJaccard(first, minhashSignature(shingleHashes(words))), 1);
  });

  it('finds by LSH the pairs of near-identical texts and not unrelated ones', () => {
    const base = Array.from({ length: 200 }, (_, index) => `w${index}`);
    const near = [...base.slice(0, 190), 'x1', 'x2', ...base.slice(190)];
    const other = Array.from({ length: 200 }, (_, index) => `v${index}`);
    const signatures = [base, other, near].map((words) => minhashSignature(shingleHashes(words)));
    assert.deepEqual(lshCandidatePairs(signatures), [[0, 2]]);
  });
});
