import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDerivationTrees } from '../../src/provenance/tree.js';

describe('derivation trees', () => {
  it('roots a star at the document every copy is closest to', () => {
    // 0 is the source of 1 and 2; 1 and 2 are only related through it.
    const trees = buildDerivationTrees(3, [
      { i: 0, j: 1, score: 0.9, vote: 1.2 },
      { i: 0, j: 2, score: 0.8, vote: 0.9 },
      { i: 1, j: 2, score: 0.6, vote: 0.1 },
    ]);
    assert.equal(trees.length, 1);
    assert.equal(trees[0]!.root, 0);
    assert.deepEqual(
      trees[0]!.edges.map((edge) => [edge.parent, edge.child]),
      [
        [0, 1],
        [0, 2],
      ],
    );
  });

  it('follows a chain of copies of copies and picks the root the votes support', () => {
    const trees = buildDerivationTrees(3, [
      { i: 0, j: 1, score: 0.9, vote: -1 }, // 1 is the source of 0
      { i: 1, j: 2, score: 0.9, vote: -1 }, // 2 is the source of 1
    ]);
    assert.equal(trees[0]!.root, 2);
    assert.deepEqual(
      trees[0]!.edges.map((edge) => [edge.parent, edge.child]),
      [
        [2, 1],
        [1, 0],
      ],
    );
    assert.ok(trees[0]!.rootConfidence > 0.5);
  });

  it('keeps separate stories apart and leaves lone documents out', () => {
    const trees = buildDerivationTrees(5, [
      { i: 0, j: 1, score: 0.9, vote: 1 },
      { i: 2, j: 3, score: 0.9, vote: -1 },
    ]);
    assert.deepEqual(
      trees.map((tree) => tree.root),
      [0, 3],
    );
  });
});
