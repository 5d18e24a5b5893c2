import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { errorPlaces } from '../../eval/extraction-errors.js';
import { MILL_STORY, writeOnePageSet } from './fixtures.js';

const STORY = MILL_STORY;
const BOX = 'More from the paper on weather and sport';

/** A made-up page: a box of links to other pages, then the story in an article. */
const PAGE = `<html><head><title>Mill to become museum</title></head><body>
<div class="box"><a href="/more">${BOX}</a></div>
<article><h1>Mill to become museum</h1>${STORY.map((line) => `<p>${line}</p>`).join('')}</article>
</body></html>`;

describe('extraction error places', () => {
  it('tallies the words left out by where they sit, story apart from chrome', async () => {
    const datasets = mkdtempSync(join(tmpdir(), 'wiretrace-errors-'));
    try {
      // The truth also holds the headline, which extraction keeps in the title, not the text.
      const truth = ['Mill to become museum', ...STORY].join('\n');
      const folder = writeOnePageSet(join(datasets, 'aeb-made'), PAGE, 'ground-truth.json', {
        page: { articleBody: truth },
      });
      const { places, keptChrome } = await errorPlaces(folder);
      const missed = [...places.values()].reduce((sum, tally) => sum + tally.missedStory, 0);
      const leftOut = [...places.values()].reduce((sum, tally) => sum + tally.leftChrome, 0);
      assert.equal(missed, 4, 'the four words of the headline');
      assert.equal(leftOut, BOX.split(' ').length);
      assert.equal(
        [...keptChrome.values()].reduce((sum, count) => sum + count, 0),
        0,
      );
    } finally {
      rmSync(datasets, { recursive: true, force: true });
    }
  });
});
