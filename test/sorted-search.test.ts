import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lowerBound, upperBound } from '../src/sorted-search.js';

describe('binary search over ascending values', () => {
  it('finds the first value at or above (lower) and above (upper) a key, as a scan does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 })),
        fc.integer({ min: -1, max: 21 }),
        (values, key) => {
          const sorted = Float64Array.from(values).sort();
          const scan = (above: (value: number) => boolean) => {
            const at = sorted.findIndex(above);
            return at < 0 ? sorted.length : at;
          };
          assert.equal(
            lowerBound(sorted, key),
            scan((value) => value >= key),
          );
          assert.equal(
            upperBound(sorted, key),
            scan((value) => value > key),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
