import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  coveredLength,
  detects,
  type PanAnnotation,
  panGranularity,
  panPrecision,
  panRecall,
  panScores,
} from '../../eval/pan-metrics.js';

function annotation(
  thisRange: [number, number],
  sourceRange: [number, number],
  thisReference = 'suspicious-document00001.txt',
): PanAnnotation {
  return {
    thisReference,
    thisOffset: thisRange[0],
    thisLength: thisRange[1] - thisRange[0],
    sourceReference: 'source-document00001.txt',
    sourceOffset: sourceRange[0],
    sourceLength: sourceRange[1] - sourceRange[0],
  };
}

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
}

describe('PAN text-alignment measures (Potthast et al. 2010)', () => {
  // One case: 100 characters in the suspicious document, 50 in the source (150 in all).
  const reuse = annotation([0, 100], [0, 50]);
  // Half of the case's suspicious part plus 50 characters after it, and all of its source part.
  const late = annotation([50, 150], [0, 50]);
  // The first half of the suspicious part, the second half of the source part.
  const early = annotation([0, 50], [25, 50]);

  it('counts a detection only when it overlaps the case in both documents of the same pair', () => {
    assert.ok(detects(late, reuse));
    assert.ok(!detects(annotation([0, 100], [50, 80]), reuse));
    assert.ok(!detects(annotation([0, 100], [0, 50], 'suspicious-document00002.txt'), reuse));
    // Touching ranges do not overlap: [0, 100) and [100, 120).
    assert.ok(!detects(annotation([100, 120], [0, 50]), reuse));
  });

  it('measures the covered length of a range by a union of ranges', () => {
    assert.equal(
      coveredLength(10, 20, [
        [0, 15],
        [12, 18],
        [25, 40],
      ]),
      13,
    );
    assert.equal(coveredLength(0, 10, []), 0);
  });

  it('scores one detection: characters of both documents, macro-averaged', () => {
    // Case chars covered: 50 (suspicious) + 50 (source) of 150; detection chars in the case: the same 100 of 150.
    close(panRecall([reuse], [late]), 100 / 150);
    close(panPrecision([reuse], [late]), 100 / 150);
    assert.equal(panGranularity([reuse], [late]), 1);
    close(panScores([reuse], [late]).plagdet, 2 / 3);
  });

  it('counts the union of detections for recall and every detection for granularity', () => {
    // Union over the case: suspicious [0, 150) ∩ [0, 100) = 100, source [0, 50) = 50 → recall 1.
    close(panRecall([reuse], [late, early]), 1);
    // late: 100/150; early: (50 + 25) / 75 = 1 → mean 5/6.
    close(panPrecision([reuse], [late, early]), 5 / 6);
    assert.equal(panGranularity([reuse], [late, early]), 2);
    const f1 = (2 * (5 / 6)) / (5 / 6 + 1);
    close(panScores([reuse], [late, early]).plagdet, f1 / Math.log2(3));
  });

  it('gives a detection of nothing zero precision and a missed case zero recall', () => {
    const elsewhere = annotation([0, 40], [0, 40], 'suspicious-document00002.txt');
    close(panPrecision([reuse], [late, elsewhere]), (100 / 150 + 0) / 2);
    const missed = annotation([300, 400], [300, 350]);
    close(panRecall([reuse, missed], [late]), (100 / 150 + 0) / 2);
    // Granularity is averaged over detected cases only.
    assert.equal(panGranularity([reuse, missed], [late, early]), 2);
  });

  it('scores an empty detection list as precision 0, granularity 1, plagdet 0', () => {
    const scores = panScores([reuse], []);
    assert.deepEqual([scores.precision, scores.recall, scores.granularity, scores.plagdet], [0, 0, 1, 0]);
  });
});
