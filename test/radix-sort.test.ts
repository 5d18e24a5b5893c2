import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sortEntriesByKey } from '../src/radix-sort.js';

describe('sortEntriesByKey', () => {
  it('sorts by key as a stable comparison sort does, over the whole range of bucket keys', () => {
    const key = fc.oneof(
      fc.integer({ min: 0, max: 16 }),
      fc.integer({ min: 0, max: 2 ** 32 + 5 }),
      fc.maxSafeNat(),
      fc.constantFrom(2 ** 32 - 1, 2 ** 32, 2 ** 52, Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat({ max: 2 ** 32 - 1 })), { maxLength: 300 }), (entries) => {
        const keys = Float64Array.from(entries, ([k]) => k);
        const values = Uint32Array.from(entries, ([, v]) => v);
        sortEntriesByKey(keys, values);
        // Array.prototype.sort is stable: entries of one key stay in input order.
        const expected = [...entries].sort((a, b) => a[0] - b[0]);
        assert.deepEqual(
          [...keys].map((k, at) => [k, values[at]]),
          expected,
        );
      }),
    );
  });

  it('refuses what is not a non-negative safe integer', () => {
    for (const bad of [-1, 0.5, 2 ** 53, Number.NaN]) {
      assert.throws(() => sortEntriesByKey(Float64Array.of(3, bad), Uint32Array.of(0, 1)), RangeError);
    }
  });
});
