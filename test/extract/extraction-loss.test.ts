import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { blockKind, setLoss } from '../../eval/extraction-loss.js';
import { contentRoot, parseHtml } from '../../src/extract/html/dom.js';
import { htmlBlocks } from '../../src/extract/html/html-blocks.js';
import { MILL_STORY, writeOnePageSet } from './fixtures.js';

const MENU = 'Weather Sport Letters Puzzles';

/** A made-up page: a menu, the headline above the story's article, a captioned picture in it. */
const PAGE = `<html><head><title>Mill to become museum</title></head><body>
<div><a href="/w">Weather</a> <a href="/s">Sport</a> <a href="/l">Letters</a> <a href="/p">Puzzles</a></div>
<h1>Mill to become museum</h1>
<article>${MILL_STORY.map((line) => `<p>${line}</p>`).join('')}
<figure><figcaption>The mill from the river bank</figcaption></figure>
<ul><li>Open daily</li></ul></article>
</body></html>`;

describe('extraction loss by block kind', () => {
  it('names headings, captions, list items, short blocks and prose', () => {
    const blocks = htmlBlocks(PAGE, contentRoot(parseHtml(PAGE)), { skipUnlikely: false, landmarks: true });
    const kindOf = (text: string) => blockKind(blocks.find((block) => block.text === text)!);
    assert.equal(kindOf('Mill to become museum'), 'heading');
    assert.equal(kindOf('The mill from the river bank'), 'caption');
    assert.equal(kindOf('Open daily'), 'list item');
    assert.equal(kindOf(MILL_STORY[1]!), 'prose');
    assert.equal(kindOf('Weather Sport Letters Puzzles'), 'short');
  });

  it('splits the loss into precision and recall and places the missed headline before the story', async () => {
    const datasets = mkdtempSync(join(tmpdir(), 'wiretrace-loss-'));
    try {
      const folder = writeOnePageSet(join(datasets, 'trafilatura-eval-made'), PAGE, 'evaldata.json', {
        page: { url: '', file: 'page.html', with: [MILL_STORY[1], 'Mill to become museum'], without: [MENU] },
      });
      const loss = await setLoss(folder);
      // One of two segments found and no chrome kept: F1 2/3, perfect with the recall found.
      assert.equal(loss.figure.toFixed(3), '0.667');
      assert.equal(loss.perfectPrecision.toFixed(3), '0.667');
      assert.equal(loss.perfectRecall, 1);
      assert.equal(loss.cells.get('heading | before')?.missed, 1);
      assert.equal(loss.cells.get('short | before')?.chromeWords, 1);
      assert.equal(loss.cells.get('short | before')?.kept, 0);
    } finally {
      rmSync(datasets, { recursive: true, force: true });
    }
  });
});
