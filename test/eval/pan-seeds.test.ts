import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedNamed } from '../../eval/pan.js';
import { type PanAnnotation, panScores } from '../../eval/pan-metrics.js';

const annotation = (offset: number): PanAnnotation => ({
  thisReference: 'suspicious-document00001.txt',
  thisOffset: offset,
  thisLength: 100,
  sourceReference: 'source-document00001.txt',
  sourceOffset: 0,
  sourceLength: 100,
});

describe('PAN-format suites of several seeds pooled', () => {
  it('scores each suite’s detections against its own cases only', () => {
    // Suite 1 finds its case; suite 2 (same document names, another case) finds nothing.
    const cases = [seedNamed(1, annotation(0)), seedNamed(2, annotation(500))];
    const detections = [seedNamed(1, annotation(0))];
    const pooled = panScores(cases, detections);
    assert.equal(pooled.recall, 0.5);
    assert.equal(pooled.precision, 1);
    // The same document name in two suites is two documents.
    assert.notEqual(seedNamed(1, annotation(0)).thisReference, seedNamed(2, annotation(0)).thisReference);
  });
});
