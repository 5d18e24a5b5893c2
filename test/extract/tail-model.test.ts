import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyBeforeTail } from '../../src/extract/extract-html.js';
import {
  KEPT_BLOCKS,
  LEAD_FEATURE_NAMES,
  TAIL_FEATURE_NAMES,
  type TailModel,
  withoutLeadChrome,
  withoutTailChrome,
} from '../../src/extract/html/tail-model.js';
import { extractArticle } from '../../src/extract/index.js';

const STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the council decided on Tuesday, after a long debate.',
  'Members voted eleven to four in favour of the plan, which a heritage grant, and the town, will largely pay for.',
  'Work on the roof, which has leaked for years, is expected to start in the spring, the builders said.',
  'The first rooms, the council said, could open to visitors by the end of next year, if the work goes well.',
  'A weaving loom that stood in the mill for a century will come back from a museum in the city to stand there again.',
  'Volunteers who knew the mill when it still worked have offered to show visitors how the wheel turned the stones.',
  'The council will ask residents for old photographs of the mill, so that the rooms can show it as it was.',
];

const BIO = 'Jane Roe writes about towns and villages for the paper. Follow her on the site for more.';

/** A made-up page: the story's paragraphs, then, after a share row, an author note set in italics among them. */
const PAGE = `<html><head><title>Mill to become museum</title></head><body>
<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<article><h1>Mill to become museum</h1>${STORY.map((line) => `<p>${line}</p>`).join('')}
<div class="row"><a href="/share">Share</a></div>
<p><em>${BIO}</em></p></article></body></html>`;

const RAW = { input: 'page.html', format: 'html' as const, content: PAGE, encoding: 'utf-8' };

/** A made-up model that reads only "set-apart share": chrome when the block is in italics. */
function italicsModel(threshold: number): TailModel {
  const weights = TAIL_FEATURE_NAMES.map((name) => (name === 'set-apart share' ? 10 : 0));
  return {
    features: [...TAIL_FEATURE_NAMES],
    mean: weights.map(() => 0),
    scale: weights.map(() => 1),
    weights,
    bias: -5,
    threshold,
  };
}

describe('tail model', () => {
  it('relabels as chrome the story blocks at its end that the model scores above its threshold', () => {
    const { blocks, labels } = storyBeforeTail(RAW);
    const bio = blocks.findIndex((block) => block.text === BIO);
    assert.equal(labels[bio], 'story', 'the line filter keeps the author note');
    const cut = withoutTailChrome(blocks, labels, italicsModel(0.9));
    assert.equal(cut[bio], 'other');
    assert.equal(cut.filter((label) => label === 'story').length, STORY.length);
  });

  it('is off at threshold 1 and never takes a story below its first blocks', () => {
    const { blocks, labels } = storyBeforeTail(RAW);
    assert.deepEqual(withoutTailChrome(blocks, labels, italicsModel(1)), labels);
    // A story of KEPT_BLOCKS blocks, the author note the last of them: nothing is looked at.
    const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
    const kept = new Set(storyIndices.slice(-KEPT_BLOCKS));
    const short = labels.map((label, index) => (label === 'story' && !kept.has(index) ? 'other' : label));
    assert.deepEqual(withoutTailChrome(blocks, short, italicsModel(0.01)), short);
  });

  it("cuts a short story's trailing note once the story keeps its first blocks", () => {
    const { blocks, labels } = storyBeforeTail(RAW);
    const bio = blocks.findIndex((block) => block.text === BIO);
    const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
    const kept = new Set(storyIndices.slice(-(KEPT_BLOCKS + 1)));
    const short = labels.map((label, index) => (label === 'story' && !kept.has(index) ? 'other' : label));
    const cut = withoutTailChrome(blocks, short, italicsModel(0.9));
    assert.equal(cut[bio], 'other');
    assert.equal(cut.filter((label) => label === 'story').length, KEPT_BLOCKS);
  });

  it('keeps every paragraph of a plain story with the learned model', () => {
    const plain = PAGE.replace(`<p><em>${BIO}</em></p>`, '');
    const article = extractArticle({ ...RAW, content: plain });
    for (const line of STORY) assert.ok(article.text.includes(line), line);
  });
});

const KICKER = 'Our reporter on the council beat, on the morning after the vote, in the hall itself.';

/** A made-up page: a kicker set in italics above the story's paragraphs. */
const LEAD_PAGE = PAGE.replace(
  '<h1>Mill to become museum</h1>',
  `<h1>Mill to become museum</h1><p><em>${KICKER}</em></p>`,
).replace(`<p><em>${BIO}</em></p>`, '');

/** The lead model's made-up counterpart of `italicsModel`. */
function italicsLeadModel(threshold: number): TailModel {
  return { ...italicsModel(threshold), features: [...LEAD_FEATURE_NAMES] };
}

describe('lead model', () => {
  it('relabels as chrome the story blocks at its start that the model scores above its threshold', () => {
    const { blocks, labels } = storyBeforeTail({ ...RAW, content: LEAD_PAGE });
    const kicker = blocks.findIndex((block) => block.text === KICKER);
    assert.equal(labels[kicker], 'story', 'the line filter keeps the kicker');
    const cut = withoutLeadChrome(blocks, labels, italicsLeadModel(0.9));
    assert.equal(cut[kicker], 'other');
    assert.equal(cut.filter((label) => label === 'story').length, STORY.length);
    assert.deepEqual(withoutLeadChrome(blocks, labels, italicsLeadModel(1)), labels);
  });
});
