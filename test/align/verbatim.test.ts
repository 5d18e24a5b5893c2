import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sharedRuns, VERBATIM_RUN } from '../../src/align/verbatim.js';
import { tokenize } from '../../src/text/tokenize.js';

/** Brute force: a token is covered when some window of VERBATIM_RUN words around it occurs in the other text. */
function coveredByBruteForce(own: string[], other: string[]): number[] {
  const otherText = ` ${other.join(' ')} `;
  const marks = new Array<number>(own.length).fill(0);
  for (let start = 0; start + VERBATIM_RUN <= own.length; start++) {
    const window = ` ${own.slice(start, start + VERBATIM_RUN).join(' ')} `;
    if (otherText.includes(window)) marks.fill(1, start, start + VERBATIM_RUN);
  }
  return marks;
}

describe('verbatim runs', () => {
  it('agrees with brute-force substring search', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'echo');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 30 }), (left, right) => {
        const tokensA = tokenize(left.join(' '));
        const tokensB = tokenize(right.join(' '));
        const { inA, inB } = sharedRuns(tokensA, tokensB);
        assert.deepEqual(Array.from(inA), coveredByBruteForce(left, right));
        assert.deepEqual(Array.from(inB), coveredByBruteForce(right, left));
      }),
    );
  });
});
