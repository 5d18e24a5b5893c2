import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sharedWithEarlier } from '../../src/corpus/batch-buckets.js';

describe('sharedWithEarlier', () => {
  it('counts the keys each document shares with each earlier one, as comparing every pair does', () => {
    const keyLists = fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.maxSafeNat()), { maxLength: 12 }),
      {
        maxLength: 14,
      },
    );
    fc.assert(
      fc.property(keyLists, (lists) => {
        const expected = lists.map((keys, document) => {
          const counts = new Map<number, number>();
          for (let earlier = 0; earlier < document; earlier++) {
            let count = 0;
            for (const key of keys) for (const other of lists[earlier]!) if (other === key) count++;
            if (count > 0) counts.set(earlier, count);
          }
          return counts;
        });
        const found = sharedWithEarlier(lists).map(
          (counts) => new Map([...counts].sort((a, b) => a[0] - b[0])),
        );
        assert.deepEqual(found, expected);
      }),
    );
  });
});
