import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  differingScores,
  fitWordWeights,
  outOfFoldScores,
  type WordRow,
} from '../../src/classify/word-weights.js';

/** Made-up pairs: "nasdaq" differs mostly in non-paraphrases, "said" in paraphrases. */
function rows(): WordRow[] {
  const list: WordRow[] = [];
  for (let index = 0; index < 40; index++) {
    const positive = index % 2 === 0;
    const words = positive ? ['said', index % 4 === 0 ? 'nasdaq' : 'today'] : ['nasdaq', 'fell'];
    list.push({ words, positive });
  }
  return list;
}

describe('learned weights of differing words', () => {
  it('weigh a word by its log-odds of paraphrase against the prior', () => {
    const table = fitWordWeights(rows());
    assert.ok(table.weights.nasdaq! < 0, 'an added index argues against a paraphrase');
    assert.ok(table.weights.said! > 0);
    assert.equal(table.weights.rare, undefined);
  });

  it('skip words seen in too few pairs', () => {
    const table = fitWordWeights([...rows(), { words: ['once'], positive: false }]);
    assert.equal(table.weights.once, undefined);
  });

  it('sum the weights and keep the one most against', () => {
    const table = { minPairs: 1, smoothing: 1, weights: { a: 0.5, b: -1, c: -0.25 } };
    assert.deepEqual(differingScores(['a', 'b', 'c', 'unknown'], table), { sum: -0.75, worst: -1 });
    assert.deepEqual(differingScores(['a'], undefined), { sum: 0, worst: 0 });
  });

  it('score training rows from weights fitted on the other inner folds', () => {
    const scores = outOfFoldScores(rows());
    assert.equal(scores.length, 40);
    assert.ok(scores.every((score) => Number.isFinite(score.sum) && score.worst <= 0));
  });
});
