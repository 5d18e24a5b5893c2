import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carriedRuns } from '../../src/align/carried-runs.js';
import type { SentencePair, TokenEdit } from '../../src/model/alignment.js';

function pair(a: number, b: number, edits: TokenEdit[]): SentencePair {
  return { a, b, similarity: 1, exact: 1, kind: 'verbatim', edits };
}

describe('carried runs', () => {
  it('goes on from one sentence pair into the next when both texts go on', () => {
    const first = pair(0, 0, [
      { op: 'equal', a: 0, b: 10 },
      { op: 'equal', a: 1, b: 11 },
    ]);
    const second = pair(1, 1, [
      { op: 'equal', a: 2, b: 12 },
      { op: 'synonym', a: 3, b: 13 },
      { op: 'equal', a: 4, b: 14 },
    ]);
    // Given in any order, the run is measured along the source.
    assert.deepEqual(carriedRuns([second, first]), { exact: 3, kept: 5 });
  });

  it('breaks a run at a substitute, an insert or an edit refused', () => {
    const edits: TokenEdit[] = [
      { op: 'equal', a: 0, b: 0 },
      { op: 'substitute', a: 1, b: 1 },
      { op: 'equal', a: 2, b: 2 },
      { op: 'insert', a: null, b: 3 },
      { op: 'equal', a: 3, b: 4 },
      { op: 'equal', a: 4, b: 5 },
    ];
    assert.deepEqual(carriedRuns([pair(0, 0, edits)]), { exact: 2, kept: 2 });
    assert.deepEqual(
      carriedRuns([pair(0, 0, edits)], (edit) => edit.a === 4),
      { exact: 1, kept: 1 },
    );
  });
});
