import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AnalysedArticle } from '../../src/model/analysis.js';
import {
  groupStories,
  joinsStory,
  type PairSimilarity,
  storySimilarities,
  storyVectors,
  termCounts,
} from '../../src/provenance/stories.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

const pair = (i: number, j: number, similarity: number): PairSimilarity => ({ i, j, similarity });

describe('story grouping', () => {
  it('does not chain two stories through a page that is a little like each', () => {
    // 0-1 one story, 3-4 another; 2 shares some words with 1 and with 3.
    const similarities = [pair(0, 1, 0.7), pair(1, 2, 0.45), pair(2, 3, 0.45), pair(3, 4, 0.7)];
    assert.deepEqual(groupStories(5, [], similarities, 0.4), [[0, 1], [2], [3, 4]]);
  });

  it('lets a page join when it is close to the whole story', () => {
    const similarities = [pair(0, 1, 0.7), pair(0, 2, 0.5), pair(1, 2, 0.45)];
    assert.deepEqual(groupStories(3, [], similarities, 0.4), [[0, 1, 2]]);
  });

  it('keeps a derived family whole, however far its copies of copies drifted', () => {
    const links: Array<[number, number]> = [
      [0, 1],
      [1, 2],
    ];
    assert.deepEqual(groupStories(4, links, [pair(0, 2, 0.05), pair(2, 3, 0.1)], 0.4), [[0, 1, 2], [3]]);
  });

  it('gives the same groups whatever the numbering of the documents', () => {
    const matrix = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 28, maxLength: 28 });
    fc.assert(
      fc.property(matrix, fc.integer({ min: 0, max: 5040 }), (values, seed) => {
        const count = 8;
        const similarities: PairSimilarity[] = [];
        let k = 0;
        for (let i = 0; i < count; i++)
          for (let j = i + 1; j < count; j++) similarities.push(pair(i, j, values[k++]!));
        const order = permutation(count, seed);
        const renamed = similarities.map(({ i, j, similarity }) => {
          const [x, y] = [order[i]!, order[j]!];
          return pair(Math.min(x, y), Math.max(x, y), similarity);
        });
        const asSets = (groups: number[][], rename: (index: number) => number) =>
          groups
            .map((group) =>
              group
                .map(rename)
                .sort((x, y) => x - y)
                .join(','),
            )
            .sort();
        assert.deepEqual(
          asSets(groupStories(count, [], renamed, 0.5), (index) => index),
          asSets(groupStories(count, [], similarities, 0.5), (index) => order[index]!),
        );
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});

describe('story similarity', () => {
  const analysed = (text: string): AnalysedArticle => analyseArticle(articleFromText('doc', text));

  it('is a cosine: 1 for the same text, 0 for texts without a content word in common, symmetric', () => {
    const texts = [
      'Storms flooded the harbour town and closed the coastal railway for two days.',
      'Storms flooded the harbour town and closed the coastal railway for two days.',
      'A violinist premiered a concerto written for her by a young composer.',
    ];
    const similarities = storySimilarities(storyVectors(texts.map((text) => termCounts(analysed(text)))));
    assert.equal(similarities.length, 1);
    assert.equal(similarities[0]!.i, 0);
    assert.equal(similarities[0]!.j, 1);
    assert.ok(Math.abs(similarities[0]!.similarity - 1) < 1e-9);
  });

  it('lists every pair sharing a word with the cosine a brute-force dot product gives', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.integer({ min: 1, max: 4 })),
          {
            maxLength: 12,
          },
        ),
        (documents) => {
          const vectors = storyVectors(documents.map((counts) => new Map(Object.entries(counts))));
          const expected: PairSimilarity[] = [];
          for (let i = 0; i < vectors.length; i++) {
            for (let j = i + 1; j < vectors.length; j++) {
              let dot = 0;
              for (const [term, weight] of vectors[i]!) dot += weight * (vectors[j]!.get(term) ?? 0);
              if (dot > 0) expected.push(pair(i, j, dot));
            }
          }
          const found = storySimilarities(vectors);
          assert.deepEqual(
            found.map(({ i, j }) => [i, j]),
            expected.map(({ i, j }) => [i, j]),
          );
          found.forEach((similarity, index) => {
            assert.ok(Math.abs(similarity.similarity - expected[index]!.similarity) < 1e-12);
          });
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });
});

/** The seed-th permutation of 0…count-1 (factorial numbering). */
function permutation(count: number, seed: number): number[] {
  const left = Array.from({ length: count }, (_, index) => index);
  const order: number[] = [];
  let rest = seed;
  while (left.length > 0) {
    order.push(left.splice(rest % left.length, 1)[0]!);
    rest = Math.floor(rest / (left.length + 1));
  }
  return order;
}

describe('which relations join a story by themselves', () => {
  it('joins a whole copy, and a partial copy when one text is mostly the other', () => {
    assert.equal(joinsStory({ relation: 'spun' }), true);
    assert.equal(joinsStory({ relation: 'copy', partial: true, sourceShare: 0.2, copyShare: 0.5 }), true);
    assert.equal(joinsStory({ relation: 'copy', partial: true, sourceShare: 0.9, copyShare: 0.1 }), true);
  });

  it('leaves a passage shared by two texts that are mostly their own, and a pair not derived, to similarity', () => {
    assert.equal(joinsStory({ relation: 'spun', partial: true, sourceShare: 0.2, copyShare: 0.08 }), false);
    assert.equal(joinsStory({ relation: 'copy', partial: true, sourceShare: 0.49, copyShare: 0.3 }), false);
    assert.equal(joinsStory({ relation: 'same-story' }), false);
  });
});
