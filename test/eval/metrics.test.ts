import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracy, confusionTable, f1Of, macroF1 } from '../../eval/metrics.js';

describe('classification metrics', () => {
  const gold = ['cut', 'cut', 'light', 'heavy', 'non', 'non'];
  const predicted = ['cut', 'light', 'light', 'non', 'non', 'non'];

  it('computes accuracy as the share of exact labels', () => {
    assert.equal(accuracy(gold, predicted), 4 / 6);
  });

  it('computes the F1 of one class from its precision and recall', () => {
    // non: 2 true positives, 1 false positive (heavy), no false negative → P = 2/3, R = 1.
    assert.ok(Math.abs(f1Of(gold, predicted, 'non') - 0.8) < 1e-12);
    // heavy: never predicted → 0.
    assert.equal(f1Of(gold, predicted, 'heavy'), 0);
  });

  it('averages per-class F1 over the gold classes for macro-F1', () => {
    const perClass = ['cut', 'heavy', 'light', 'non'].map((label) => f1Of(gold, predicted, label));
    assert.ok(Math.abs(macroF1(gold, predicted) - perClass.reduce((x, y) => x + y, 0) / 4) < 1e-12);
  });

  it('prints a confusion table whose rows count every gold item', () => {
    const rows = confusionTable(gold, predicted).split('\n').slice(1);
    const total = rows
      .flatMap((row) => row.trim().split(/\s+/).slice(1))
      .reduce((sum, cell) => sum + Number(cell), 0);
    assert.equal(total, gold.length);
  });
});
