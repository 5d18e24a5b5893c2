import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { coarseKind, errorKinds } from '../../eval/extraction-error-kinds.js';
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
});
