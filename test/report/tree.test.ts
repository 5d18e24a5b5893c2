import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Story } from '../../src/model/story.js';
import { flattenTree, storyForest, unrelatedInputs } from '../../src/report/tree.js';
import { portalPair, spunPair, trace, wireStory } from './fixtures.js';

describe('storyForest', () => {
  it('hangs copies under their source, in edge order', () => {
    const forest = storyForest(wireStory);
    assert.equal(forest.trees.length, 1);
    assert.deepEqual(
      flattenTree(forest.trees[0]!).map((node) => node.input),
      ['wire.txt', 'portal.html', 'spun.txt'],
    );
    assert.deepEqual(forest.loose, []);
  });

  it('draws every document once, even with two sources or a cycle', () => {
    const tangled: Story = {
      ...wireStory,
      documents: ['wire.txt', 'portal.html', 'spun.txt', 'other.txt'],
      edges: [
        { source: 'wire.txt', copy: 'portal.html', result: portalPair },
        { source: 'wire.txt', copy: 'spun.txt', result: spunPair },
        { source: 'portal.html', copy: 'spun.txt', result: spunPair },
        { source: 'spun.txt', copy: 'wire.txt', result: spunPair },
      ],
    };
    const forest = storyForest(tangled);
    const drawn = forest.trees.flatMap(flattenTree).map((node) => node.input);
    assert.deepEqual(drawn, ['wire.txt', 'portal.html', 'spun.txt']);
    assert.deepEqual(forest.loose, ['other.txt']);
  });
});

describe('unrelatedInputs', () => {
  it('lists documents of no story or of a one-document story', () => {
    assert.deepEqual(unrelatedInputs(trace), ['weather.txt']);
  });
});
