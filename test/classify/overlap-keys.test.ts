import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gramContainment, ngramKeysUpTo } from '../../src/classify/gram-keys.js';
import { greedyStringTiling, ngramSet, setContainment, tiledWords } from '../../src/classify/overlap.js';
import { seededRandom } from '../../src/seeded-random.js';
import { wordHashes, wordKeys } from '../../src/text/word-keys.js';

/** Word sequences over a small skewed vocabulary, so that runs and repeated n-grams are common. */
function randomPairs(count: number, seed: number): Array<[string[], string[]]> {
  const random = seededRandom(seed);
  const sequence = (length: number, vocabulary: number): string[] =>
    Array.from({ length }, () => `w${Math.floor(random() * random() * vocabulary)}`);
  return Array.from({ length: count }, () => {
    const vocabulary = 3 + Math.floor(random() * 60);
    const x = sequence(Math.floor(random() * 200), vocabulary);
    // Half the pairs share long runs (a copy with a moved part), half are independent.
    const y =
      random() < 0.5
        ? sequence(Math.floor(random() * 200), vocabulary)
        : [...x.slice(Math.floor(random() * 40)), ...sequence(10, vocabulary), ...x.slice(0, 30)];
    return [x, y];
  });
}

/** Greedy string tiling as Wise states it: every start pair tried, longest unmarked tiles first. */
function referenceTiling(x: readonly string[], y: readonly string[], minTile: number): number {
  const markedX = new Uint8Array(x.length);
  const markedY = new Uint8Array(y.length);
  let tiled = 0;
  let longest: number;
  do {
    longest = minTile;
    let matches: Array<[number, number]> = [];
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < y.length; j++) {
        let length = 0;
        while (
          i + length < x.length &&
          j + length < y.length &&
          x[i + length] === y[j + length] &&
          !markedX[i + length] &&
          !markedY[j + length]
        )
          length++;
        if (length > longest) {
          longest = length;
          matches = [[i, j]];
        } else if (length === longest) matches.push([i, j]);
      }
    }
    for (const [i, j] of matches) {
      if (markedX.subarray(i, i + longest).includes(1) || markedY.subarray(j, j + longest).includes(1))
        continue;
      markedX.fill(1, i, i + longest);
      markedY.fill(1, j, j + longest);
      tiled += longest;
    }
  } while (longest > minTile);
  return tiled;
}

describe('overlap measures on numeric keys', () => {
  it('greedy string tiling anchored on n-grams tiles exactly as the brute-force reference', () => {
    for (const [x, y] of randomPairs(300, 7)) {
      for (const minTile of [1, 2, 3, 4]) {
        const expected = referenceTiling(x, y, minTile);
        assert.equal(greedyStringTiling(x, y, minTile), expected);
        assert.equal(tiledWords(wordKeys(wordHashes(x)), wordKeys(wordHashes(y)), minTile), expected);
      }
    }
  });

  it('n-gram containment from sorted keys equals the containment of string sets', () => {
    for (const [x, y] of randomPairs(200, 11)) {
      const keysX = ngramKeysUpTo(wordHashes(x), 5);
      const keysY = ngramKeysUpTo(wordHashes(y), 5);
      for (let n = 1; n <= 5; n++) {
        assert.equal(keysX[n - 1]!.size, ngramSet(x, n).size);
        assert.equal(
          gramContainment(keysX[n - 1]!, keysY[n - 1]!),
          setContainment(ngramSet(x, n), ngramSet(y, n)),
        );
      }
    }
  });

  it('word order makes different n-grams', () => {
    const [ab] = ngramKeysUpTo(wordHashes(['a', 'b']), 2).slice(1);
    const [ba] = ngramKeysUpTo(wordHashes(['b', 'a']), 2).slice(1);
    assert.equal(gramContainment(ab!, ba!), 0);
    assert.equal(gramContainment(ab!, ab!), 1);
  });
});
