import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bloomFor, bloomHas } from '../../src/store/sqlite/bloom.js';

describe('bucket key Bloom filter', () => {
  it('holds every key it was built from and few others', () => {
    // Keys shaped like LSH bucket keys: family and band above 2^32, a 32-bit hash below.
    const keys = Array.from({ length: 5000 }, (_, i) => ((i % 80) + 1) * 2 ** 32 + ((i * 2654435761) >>> 0));
    const filter = bloomFor(keys);
    assert.ok(keys.every((key) => bloomHas(filter, key)));
    const others = Array.from({ length: 20000 }, (_, i) => 90 * 2 ** 32 + ((i * 40503 + 7) >>> 0));
    const falsePositives = others.filter((key) => bloomHas(filter, key)).length;
    assert.ok(falsePositives / others.length < 0.01, `false positive rate ${falsePositives / others.length}`);
  });

  it('of no keys holds nothing', () => {
    assert.equal(bloomHas(bloomFor([]), 42), false);
  });
});
