import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseThreshold,
  MIXING_RISK,
  mixingTail,
  type PageSubset,
  TAIL_PAIRS,
} from '../../eval/story-fit.js';

/** Pages 0..n-1, each its own event but pages 0 and 1; cross-event similarities given by rank. */
function subsetWith(crossSimilarity: (rank: number) => number, pages: number): PageSubset {
  const similarities: PageSubset['similarities'] = [];
  let rank = 0;
  for (let i = 0; i < pages; i++) {
    for (let j = i + 1; j < pages; j++) {
      const sameEvent = i === 0 && j === 1;
      similarities.push({ i, j, similarity: sameEvent ? 0.9 : crossSimilarity(rank++) });
    }
  }
  return { links: [], related: [], similarities };
}

const eventsOf = (pages: number): string[] =>
  Array.from({ length: pages }, (_, page) => (page < 2 ? 'e0' : `e${page}`));

describe('story threshold floor from the cross-event tail', () => {
  it('puts the floor where the fitted exponential tail expects MIXING_RISK pairs above it', () => {
    const pages = 30;
    // Cross-event similarities 0.5, 0.49, … falling by 0.01 a rank (floored at 0).
    const subset = subsetWith((rank) => Math.max(0, 0.5 - rank / 100), pages);
    const tail = mixingTail(subset, eventsOf(pages));
    const start = 0.5 - TAIL_PAIRS / 100;
    assert.ok(Math.abs(tail.start - start) < 1e-9);
    // Mean excess of 0.5, 0.49, …, start + 0.01 over start.
    const scale = (TAIL_PAIRS + 1) / 2 / 100;
    assert.ok(Math.abs(tail.scale - scale) < 1e-9);
    assert.ok(Math.abs(tail.floor - (start + scale * Math.log(TAIL_PAIRS / MIXING_RISK))) < 1e-9);
    assert.ok(tail.floor > 0.5, 'above the highest cross-event similarity seen');
  });

  it('has no floor when too few cross-event pairs are listed to fit a tail', () => {
    const pages = 8; // 27 cross-event pairs
    assert.equal(
      mixingTail(
        subsetWith(() => 0.3, pages),
        eventsOf(pages),
      ).floor,
      0,
    );
  });

  it('chooses no threshold under the floor, even where the pages mix no events', () => {
    const events = ['a', 'a', 'b'];
    // Every threshold up to 0.6 joins the two pages of event a and nothing else; above it none join.
    const group = (threshold: number) => (threshold <= 0.6 ? [[0, 1], [2]] : [[0], [1], [2]]);
    assert.equal(chooseThreshold(group, events), 0.32);
    assert.equal(chooseThreshold(group, events, 0.5), 0.55);
    // A floor above the whole grid leaves its last value.
    assert.equal(chooseThreshold(group, events, 0.95), 0.8);
  });
});
