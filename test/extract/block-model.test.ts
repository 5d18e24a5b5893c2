import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyLayout } from '../../src/extract/extract-html.js';
import {
  BLOCK_FEATURE_NAMES,
  type BlockModel,
  blockCandidates,
  storyProbability,
  withModelBlocks,
} from '../../src/extract/html/block-model.js';

const STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the council decided on Tuesday, after a long debate.',
  'Members voted eleven to four in favour of the plan, which a heritage grant, and the town, will largely pay for.',
  'Work on the roof, which has leaked for years, is expected to start in the spring.',
  'The first rooms, the council said, could open to visitors by the end of next year.',
];

const PAGE = `<html><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="box"><div><div><span>A second column of the story goes on here.</span></div></div></div>
<article><h1>Mill to become museum</h1>${STORY.map((line) => `<p>${line}</p>`).join('')}</article></body></html>`;

function layout() {
  return storyLayout({ input: 'page.html', format: 'html', content: PAGE, encoding: 'utf-8' });
}

/** A made-up model that reads only "prose sentence": story when the block is one. */
function proseModel(threshold: number): BlockModel {
  const weights = BLOCK_FEATURE_NAMES.map((name) => (name === 'prose sentence' ? 10 : 0));
  return {
    features: [...BLOCK_FEATURE_NAMES],
    means: weights.map(() => 0),
    scales: weights.map(() => 1),
    weights,
    bias: -5,
    threshold,
  };
}

describe('block model', () => {
  it('offers the blocks outside the content container as candidates', () => {
    const texts = blockCandidates(layout()).map((candidate) => candidate.block.text);
    assert.ok(texts.some((text) => text.startsWith('A second column')));
  });

  it('adds candidates it scores above its threshold, in page order', () => {
    assert.ok(storyProbability(proseModel(0.5), new Array(BLOCK_FEATURE_NAMES.length).fill(0)) < 0.01);
    const { blocks, labels } = withModelBlocks(layout(), proseModel(0.5));
    const story = blocks.filter((_, index) => labels[index] === 'story').map((block) => block.text);
    assert.deepEqual(story, ['A second column of the story goes on here.', ...STORY]);
  });

  it('adds nothing when its threshold is 1 (off)', () => {
    const before = layout();
    const { blocks } = withModelBlocks(before, proseModel(1));
    assert.deepEqual(blocks, before.containerBlocks);
  });
});
