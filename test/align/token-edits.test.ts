import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignTokens } from '../../src/align/token-edits.js';
import { WordMatcher } from '../../src/align/word-match.js';
import { loadLexicon } from '../../src/text/lexicon.js';
import { tokenize } from '../../src/text/tokenize.js';

const matcher = new WordMatcher(loadLexicon());

/** Longest common subsequence by the textbook dynamic programme: the reference for in-order matches. */
function lcsLength(left: readonly string[], right: readonly string[]): number {
  const table = Array.from({ length: left.length + 1 }, () => new Array<number>(right.length + 1).fill(0));
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      table[i]![j] =
        left[i - 1] === right[j - 1]
          ? table[i - 1]![j - 1]! + 1
          : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[left.length]![right.length]!;
}

function sentence(text: string) {
  const tokens = tokenize(text);
  return { offset: 0, tokens, weights: tokens.map(() => 1) };
}

describe('word alignment of two sentences', () => {
  it('lists every token of both sides exactly once and matches at least the longest common subsequence', () => {
    // Made-up words: the lexicon knows none of them, so only identical words can match.
    const word = fc.constantFrom('zorblat', 'quindle', 'fraxom', 'plindor', 'vextro');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 15 }), fc.array(word, { maxLength: 15 }), (left, right) => {
        const edits = alignTokens(sentence(left.join(' ')), sentence(right.join(' ')), matcher);
        const fromA = edits.flatMap((edit) => (edit.a === null ? [] : [edit.a])).sort((x, y) => x - y);
        const fromB = edits.flatMap((edit) => (edit.b === null ? [] : [edit.b])).sort((x, y) => x - y);
        assert.deepEqual(fromA, [...left.keys()]);
        assert.deepEqual(fromB, [...right.keys()]);
        const equal = edits.filter((edit) => edit.op === 'equal').length;
        assert.ok(equal >= lcsLength(left, right));
        for (const edit of edits) {
          if (edit.op === 'equal') assert.equal(left[edit.a!], right[edit.b!]);
        }
      }),
    );
  });

  it('names synonym swaps, respellings and in-place replacements', () => {
    const edits = alignTokens(
      sentence('Antony Blinken condemned the reckless and adversary actions of deterrence'),
      sentence('Anthony Blinken condemned the reckless and rival actions of containment'),
      matcher,
    );
    const ops = edits.map((edit) => edit.op);
    assert.equal(ops[0], 'spelling');
    assert.equal(ops[6], 'synonym');
    assert.notEqual(ops[9], 'equal');
    assert.notEqual(ops[9], 'insert');
  });
});
