import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { areNeighbours, type PairPlace, reuseGroups } from '../../src/align/passages.js';

/** Brute force: connected components of the neighbour graph, every pair tested with every other. */
function referenceGroups(pairs: readonly PairPlace[], blocksA: number[], blocksB: number[]): string[] {
  const seen = new Set<number>();
  const groups: string[] = [];
  for (let start = 0; start < pairs.length; start++) {
    if (seen.has(start)) continue;
    const members: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const current = queue.pop()!;
      members.push(current);
      for (let other = 0; other < pairs.length; other++) {
        if (seen.has(other)) continue;
        if (
          areNeighbours(pairs[current]!, pairs[other]!, blocksA, blocksB) ||
          areNeighbours(pairs[other]!, pairs[current]!, blocksA, blocksB)
        ) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    groups.push(canonical(members.map((index) => pairs[index]!)));
  }
  return groups.sort();
}

function canonical(group: readonly PairPlace[]): string {
  return group
    .map((pair) => `${pair.a}:${pair.b}`)
    .sort()
    .join(',');
}

/** Non-decreasing block numbers over `length` sentences. */
const blocks = (length: number) =>
  fc.array(fc.boolean(), { minLength: length, maxLength: length }).map((breaks) => {
    const list: number[] = [];
    breaks.forEach((cut, index) => {
      list.push((list[index - 1] ?? 0) + (cut && index > 0 ? 1 : 0));
    });
    return list;
  });

describe('passage merging', () => {
  it('groups aligned sentence pairs exactly as the connected components of the neighbour relation', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ a: fc.nat(19), b: fc.nat(19) }), {
          maxLength: 30,
          selector: (pair) => `${pair.a}:${pair.b}`,
        }),
        blocks(20),
        blocks(20),
        (unsorted, blocksA, blocksB) => {
          const pairs = [...unsorted].sort((x, y) => x.a - y.a || x.b - y.b);
          const groups = reuseGroups(pairs, blocksA, blocksB)
            .map((group) => canonical(group.map((index) => pairs[index]!)))
            .sort();
          assert.deepEqual(groups, referenceGroups(pairs, blocksA, blocksB));
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });

  it('joins neighbouring pairs across a paragraph break and not across removed text', () => {
    const pairs = [
      { a: 0, b: 5 },
      { a: 1, b: 6 },
      { a: 2, b: 7 },
    ];
    assert.equal(reuseGroups(pairs, [0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]).length, 1);
    // Sentence 7 of b comes after text the extractor removed.
    assert.equal(reuseGroups(pairs, [0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1]).length, 2);
  });

  it('keeps apart reuses far from each other, or in opposite orders', () => {
    assert.equal(
      reuseGroups(
        [
          { a: 0, b: 10 },
          { a: 8, b: 18 },
        ],
        new Array(20).fill(0),
        new Array(20).fill(0),
      ).length,
      2,
    );
    assert.equal(
      reuseGroups(
        [
          { a: 0, b: 12 },
          { a: 3, b: 9 },
        ],
        new Array(20).fill(0),
        new Array(20).fill(0),
      ).length,
      2,
    );
  });
});
