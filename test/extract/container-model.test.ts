import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerView } from '../../src/extract/extract-html.js';
import {
  CONTAINER_FEATURE_NAMES,
  type ContainerModel,
  preferredContainer,
} from '../../src/extract/html/container-model.js';
import { containerCandidatesOf } from '../../src/extract/html/content-container.js';

const SIDEBAR = [
  'Our town, as every visitor knows, has a long history of crafts, trade, markets, fairs, music and sport, and the paper has followed all of them, week by week, for a hundred years.',
  'Readers who want to share their memories, photographs, letters, recipes or stories, old or new, can send them to the paper, by post, by email or in person, at the office.',
  'The archive, which holds every issue since the first one, is open to readers on weekdays, in the mornings, and on the first Saturday of the month, by appointment.',
];

/** A made-up page: a short story under its headline, then a sidebar of longer, comma-rich paragraphs. */
const PAGE = `<html><head><title>Ferry returns to the harbour</title></head><body>
<h1>Ferry returns to the harbour</h1>
<div class="story"><p>The ferry to the islands returns to the harbour on Monday after its repairs.</p>
<p>Tickets for the first crossings of the ferry are on sale at the harbour office.</p></div>
<div class="about">${SIDEBAR.map((line) => `<p>${line}</p>`).join('')}</div></body></html>`;

/** A made-up model that reads only how densely the text uses the headline's words. */
function headlineModel(margin: number): ContainerModel {
  const weights = CONTAINER_FEATURE_NAMES.map((name) => (name === 'headline words share of text' ? 10 : 0));
  return {
    features: [...CONTAINER_FEATURE_NAMES],
    mean: weights.map(() => 0),
    scale: weights.map(() => 1),
    weights,
    bias: -5,
    margin,
  };
}

describe('container model', () => {
  const view = containerView({ input: 'page.html', format: 'html', content: PAGE, encoding: 'utf-8' });
  const { candidates } = containerCandidatesOf(view.pageBlocks, view.headline);

  it('finds the score winner first and the story among the runners-up', () => {
    assert.equal(candidates[0]?.element.attribs.class, 'about');
    assert.ok(candidates.some((candidate) => candidate.element.attribs.class === 'story'));
  });

  it('prefers the runner-up that tells the headline when the model is clearly for it', () => {
    assert.equal(preferredContainer(candidates, headlineModel(0.1))?.attribs.class, 'story');
  });

  it('keeps the winner when the model is off', () => {
    assert.equal(preferredContainer(candidates, headlineModel(1)), null);
  });
});
