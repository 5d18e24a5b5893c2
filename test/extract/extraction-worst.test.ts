import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAIN_KIND, worstOf } from '../../eval/extraction-worst.js';
import { MILL_STORY, writeOnePageSet } from './fixtures.js';

/** A made-up page: the headline, then the story's article of four paragraphs. */
const PAGE = `<html><head><title>Mill to become museum</title></head><body>
<h1>Mill to become museum</h1>
<article>${MILL_STORY.map((line) => `<p>${line}</p>`).join('')}</article>
</body></html>`;

describe('the pages that lose most, by kind', () => {
  it('tallies a page whose truth is one paragraph of the box extracted as the right box plus chrome', async () => {
    const datasets = mkdtempSync(join(tmpdir(), 'wiretrace-worst-'));
    try {
      // The truth holds the first paragraph alone: the other three are, to it, chrome.
      const folder = writeOnePageSet(join(datasets, 'l3s-gn1-made'), PAGE, 'ground-truth.json', {
        page: { plaintext: MILL_STORY[0] },
      });
      const set = await worstOf(folder, 0.5);
      assert.equal(set.pages, 1);
      assert.equal(set.worst.length, 1);
      const kinds = (table: string) => [...(set.kinds.get(table)?.keys() ?? [])];
      assert.deepEqual(kinds('bucket'), ['right box plus chrome (recall >= 0.9, precision < 0.5)']);
      assert.deepEqual(kinds('chrome kept (words or blocks)'), ['no table: prose, in the container']);
      assert.deepEqual(kinds(MAIN_KIND), ['right box, chrome kept: no table']);
      // The truth, one sentence of 20 words, is a short story in a prose block of the container.
      assert.deepEqual(kinds('short story (truth under 50 words): its blocks, where they stand'), [
        'a block of prose (12+ words ending a sentence), some in the container',
      ]);
    } finally {
      rmSync(datasets, { recursive: true, force: true });
    }
  });

  it('leaves out a page above the bar', async () => {
    const datasets = mkdtempSync(join(tmpdir(), 'wiretrace-worst-'));
    try {
      const folder = writeOnePageSet(join(datasets, 'l3s-gn1-made'), PAGE, 'ground-truth.json', {
        page: { plaintext: MILL_STORY.join('\n\n') },
      });
      const set = await worstOf(folder, 0.5);
      assert.equal(set.pages, 1);
      assert.equal(set.worst.length, 0);
    } finally {
      rmSync(datasets, { recursive: true, force: true });
    }
  });
});
