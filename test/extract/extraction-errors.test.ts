import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { errorPlaces } from '../../eval/extraction-errors.js';

const STORY = [
  'The old mill on the river will be turned into a museum of local crafts, the council decided on Tuesday.',
  'Members voted eleven to four in favour of the plan, which a heritage grant will largely pay for.',
  'Work on the roof, which has leaked for years, is expected to start in the spring, the builders said.',
  'The first rooms could open to visitors by the end of next year, if the work goes well, the council said.',
];
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
      const folder = join(datasets, 'aeb-made');
      mkdirSync(join(folder, 'html'), { recursive: true });
      writeFileSync(join(folder, 'html', 'page.html.gz'), gzipSync(PAGE));
      // The truth also holds the headline, which extraction keeps in the title, not the text.
      const truth = ['Mill to become museum', ...STORY].join('\n');
      writeFileSync(join(folder, 'ground-truth.json'), JSON.stringify({ page: { articleBody: truth } }));
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
