import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { coarseKind, errorKinds, hiddenBy } from '../../eval/extraction-error-kinds.js';
import { contentRoot, parseHtml } from '../../src/extract/html/dom.js';
import { MILL_STORY, writeOnePageSet } from './fixtures.js';

const STORY = MILL_STORY;
const MENU = 'Weather Sport Letters Puzzles';

/** A made-up page: a menu, then the headline above the story's article. */
const PAGE = `<html><head><title>Mill to become museum</title></head><body>
<div><a href="/w">Weather</a> <a href="/s">Sport</a> <a href="/l">Letters</a> <a href="/p">Puzzles</a></div>
<h1>Mill to become museum</h1>
<article>${STORY.map((line) => `<p>${line}</p>`).join('')}</article>
</body></html>`;

function madeUpSet(datasets: string): string {
  return writeOnePageSet(join(datasets, 'trafilatura-eval-made'), PAGE, 'evaldata.json', {
    page: { url: '', file: 'page.html', with: [STORY[1], 'Mill to become museum'], without: [MENU] },
  });
}

describe('extraction error kinds', () => {
  it('places each missed segment by structure and gives the figure were its kind found', async () => {
    const datasets = mkdtempSync(join(tmpdir(), 'wiretrace-kinds-'));
    try {
      const kinds = await errorKinds(madeUpSet(datasets));
      assert.equal(kinds.pages, 1);
      // The headline is kept apart from the text: one segment missed, before the story, the <h1>.
      const missed = [...kinds.missed.entries()];
      assert.equal(missed.length, 1);
      assert.match(missed[0]![0], /^outside, before, .*the h1$/);
      assert.equal(coarseKind(missed[0]![0]), 'outside the container, before the story');
      // The menu is rightly left out, and nothing of the chrome is kept.
      assert.equal(
        [...kinds.leftOut.values()].reduce((sum, tally) => sum + tally.amount, 0),
        1,
      );
      assert.equal(kinds.kept.size, 0);
      // One of two segments found: F1 2/3; with the missed kind found, 1.
      assert.equal(kinds.figure.toFixed(3), '0.667');
      assert.equal(kinds.ceilings.get('outside the container, before the story'), 1);
    } finally {
      rmSync(datasets, { recursive: true, force: true });
    }
  });

  it('names the signal that hides a segment of the page text shown in no block', () => {
    const root = contentRoot(
      parseHtml(`<html><body><p>Shown line of the page.</p>
<div hidden><p>A paragraph behind the hidden attribute.</p></div>
<div aria-hidden="true"><span>A line read to no screen reader.</span></div>
<div style="display: none"><p>A collapsed part of the story.</p></div>
<script>var teaser = "A teaser kept in a script";</script>
<button>Load more comments</button>
<p>Words run <br>across a line break.</p></body></html>`),
    );
    assert.equal(hiddenBy(root, 'A paragraph behind the hidden attribute.'), 'hidden attribute');
    assert.equal(hiddenBy(root, 'A line read to no screen reader.'), 'aria-hidden');
    assert.equal(
      hiddenBy(root, 'A collapsed part of the story.'),
      'inline style display:none or visibility:hidden',
    );
    assert.equal(hiddenBy(root, 'A teaser kept in a script'), 'inside <script>');
    assert.equal(hiddenBy(root, 'Load more comments'), 'never read: <button>');
    // A <br> ends a block: the segment's words run across two of them, hidden by nothing.
    assert.equal(hiddenBy(root, 'Words run across'), 'split across blocks');
  });
});
