import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { shareVocabulary } from '../../src/align/vocabulary.js';
import {
  type ArticleFingerprint,
  CANDIDATE_OVERLAP,
  vocabularyCandidates,
} from '../../src/pipeline/candidates.js';

function fingerprint(entries: ReadonlyArray<readonly [string, number]>): ArticleFingerprint {
  const vocabulary = new Map(entries);
  return {
    stems: [...vocabulary.keys()],
    weights: Float64Array.from(vocabulary.values()),
    counts: Uint32Array.from(vocabulary.keys(), () => 1),
    signature: new Uint32Array(0),
  };
}

const vocabularies = fc.array(
  fc.array(
    fc.tuple(fc.constantFrom(...'abcdefghijklmnop'.split('')), fc.double({ min: 0.15, max: 1, noNaN: true })),
    {
      maxLength: 12,
    },
  ),
  { minLength: 2, maxLength: 12 },
);

describe('candidate pairs from the inverted index', () => {
  it('are exactly the pairs the all-pairs vocabulary prefilter keeps', () => {
    fc.assert(
      fc.property(vocabularies, (lists) => {
        const fingerprints = lists.map(fingerprint);
        const maps = lists.map((entries) => new Map(entries));
        const expected: Array<[number, number]> = [];
        for (let i = 0; i < maps.length; i++) {
          for (let j = i + 1; j < maps.length; j++) {
            if (shareVocabulary(maps[i]!, maps[j]!) >= CANDIDATE_OVERLAP) expected.push([i, j]);
          }
        }
        assert.deepEqual(vocabularyCandidates(fingerprints), expected);
      }),
      { numRuns: 300 },
    );
  });
});
