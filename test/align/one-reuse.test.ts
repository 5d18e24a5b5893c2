import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { oneReusePerSentence } from '../../src/align/passages.js';
import type { SentencePair } from '../../src/model/alignment.js';

function pair(a: number, b: number): SentencePair {
  return { a, b, similarity: 1, exact: 1, kind: 'verbatim', edits: [] };
}

describe('one reuse per sentence', () => {
  it('leaves a shared sentence to the likelier group and judges the other on what it keeps', () => {
    // Copy sentence 5 is linked to its origin (source 10, with 11↔6) and to source 2, far away.
    const origin = [pair(10, 5), pair(11, 6)];
    const elsewhere = [pair(2, 5)];
    const likelihood = (group: readonly SentencePair[]): number => group.length / 2;
    const kept = oneReusePerSentence([elsewhere, origin], likelihood);
    assert.deepEqual(kept, [{ group: origin, likelihood: 1 }]);
  });

  it('gives every sentence to one group at most, whatever the groups', () => {
    const groups = fc.array(
      fc.array(fc.record({ a: fc.integer({ min: 0, max: 6 }), b: fc.integer({ min: 0, max: 6 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(groups, (places) => {
        const candidates = places.map((group) => group.map(({ a, b }) => pair(a, b)));
        const kept = oneReusePerSentence(candidates, (group) => group.reduce((sum, p) => sum + p.a, 0));
        const seenA = new Set<number>();
        const seenB = new Set<number>();
        for (const { group } of kept) {
          for (const sentence of new Set(group.map((p) => p.a))) {
            assert.ok(!seenA.has(sentence));
            seenA.add(sentence);
          }
          for (const sentence of new Set(group.map((p) => p.b))) {
            assert.ok(!seenB.has(sentence));
            seenB.add(sentence);
          }
        }
      }),
    );
  });
});
