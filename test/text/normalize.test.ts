import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalText, canonicalTextByRules } from '../../src/text/normalize.js';

/** Units that exercise every branch: ASCII, typography, Unicode spaces, cased and caseless scripts, the sigma, İ, surrogates. */
const UNITS = [
  ...'aZ 09.,!?\'"`\t\n\r\u000b\u000c',
  ...'\u00a0\u00b4\u00ab\u00bb\u00c9\u00df\u0130\u0131\u01c5',
  ...'\u2010\u2013\u2014\u2015\u2016\u2017\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2212',
  ...'\u1680\u2000\u2005\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u180e',
  ...'\u0391\u03a3\u03c3\u03c2\u0410\u044f\u0401\u0531\u05d0\u0627\u07ff\u0800',
  ...'\u3042\u30ab\u4e2d\uac00\u1e9e\u2c65\ud83d\ude00\ud801\udc00',
];

describe('canonical text', () => {
  it('collapses spaces, folds typography and lower-cases', () => {
    assert.equal(canonicalText('  “It’s  DONE”\u00a0—\tΣΟΦΙΑ\n\n Москва  '), '"it\'s done" - σοφια москва');
  });

  it('gives what its rules give, on any mix of scripts, spaces and typography', () => {
    const unit = fc.constantFrom(...UNITS);
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        assert.equal(canonicalText(text), canonicalTextByRules(text));
      }),
      { numRuns: 3000 },
    );
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const text = `A${String.fromCharCode(unit)}b ${String.fromCharCode(unit)}`;
      assert.equal(canonicalText(text), canonicalTextByRules(text), `unit ${unit.toString(16)}`);
    }
  });
});
