import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MIN_WORD_SCORE,
  type SoftMatch,
  softCoverage,
  softMatch,
  type WeightedToken,
} from '../../src/align/soft-match.js';
import { WordMatcher } from '../../src/align/word-match.js';
import { createEngine } from '../../src/engine/engine.js';
import { seededRandom } from '../../src/seeded-random.js';
import { analyseArticle } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

const { lexicon } = createEngine();

/** Words with synonyms, respellings, related words and repeats among them. */
const WORDS = [
  'buy',
  'purchase',
  'acquire',
  'car',
  'automobile',
  'vehicle',
  'big',
  'large',
  'huge',
  'Paris',
  'Pariss',
  'government',
  'goverment',
  'minister',
  'ministers',
  'rise',
  'increase',
  'decrease',
  'quickly',
  'rapidly',
  'house',
  'home',
  'river',
  'bank',
  'money',
  'cash',
  'police',
  'officers',
];

/**
 * softMatch as it was written before its working arrays were reused: fresh arrays per call,
 * candidates sorted by score, value, then position. The reference the fast version must equal.
 */
function referenceMatch(
  left: readonly WeightedToken[],
  right: readonly WeightedToken[],
  matcher: WordMatcher,
): SoftMatch {
  const candidates: Array<{
    l: number;
    r: number;
    score: number;
    value: number;
    match: ReturnType<WordMatcher['matchForms']>;
  }> = [];
  for (const [l, x] of left.entries()) {
    for (const [r, y] of right.entries()) {
      const match = matcher.matchForms(x.form, y.form);
      if (match.score < MIN_WORD_SCORE) continue;
      candidates.push({ l, r, score: match.score, value: match.score * Math.min(x.weight, y.weight), match });
    }
  }
  candidates.sort((x, y) => y.score - x.score || y.value - x.value || x.l - y.l || x.r - y.r);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const sums = [0, 0, 0, 0];
  const links: SoftMatch['links'] = [];
  for (const { l, r, match } of candidates) {
    if (usedLeft.has(l) || usedRight.has(r)) continue;
    usedLeft.add(l);
    usedRight.add(r);
    sums[0]! += left[l]!.weight * match.score;
    sums[1]! += right[r]!.weight * match.score;
    if (['equal', 'spelling', 'synonym'].includes(match.op)) {
      sums[2]! += left[l]!.weight * match.score;
      sums[3]! += right[r]!.weight * match.score;
    }
    links.push({ left: left[l]!.index, right: right[r]!.index, match });
  }
  const total = (tokens: readonly WeightedToken[]) => tokens.reduce((sum, token) => sum + token.weight, 0);
  const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);
  return {
    leftCovered: ratio(sums[0]!, total(left)),
    rightCovered: ratio(sums[1]!, total(right)),
    leftStrict: ratio(sums[2]!, total(left)),
    rightStrict: ratio(sums[3]!, total(right)),
    links,
  };
}

function randomSide(random: () => number, matcher: WordMatcher, length: number): WeightedToken[] {
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const analysed = analyseArticle(articleFromText('side', `${words.join(' ')}.`));
  return analysed.tokens
    .map((token, index) => ({
      index,
      token,
      weight: 0.1 + Math.round(random() * 10) / 10,
      form: matcher.formOf(token),
    }))
    .filter(({ token }) => !token.stop);
}

describe('soft match', () => {
  it('equals a fresh-array reference on random sides of every size, one matcher throughout', () => {
    const random = seededRandom(7);
    const matcher = new WordMatcher(lexicon);
    const ops = new Set<string>();
    // Sizes up to 80 words on a side: past the insertion sort's limit and the arrays' first size.
    for (let round = 0; round < 300; round++) {
      const left = randomSide(random, matcher, 1 + Math.floor(random() * (round % 10 === 0 ? 80 : 12)));
      const right = randomSide(random, matcher, 1 + Math.floor(random() * (round % 7 === 0 ? 80 : 12)));
      const expected = referenceMatch(left, right, matcher);
      for (const link of expected.links) ops.add(link.match.op);
      assert.deepEqual(softMatch(left, right, matcher), expected);
      const { links, ...figures } = expected;
      assert.deepEqual(softCoverage(left, right, matcher), { ...figures, linkCount: links.length });
    }
    // The sides met words matched in every way, not only equal ones.
    assert.ok(
      ['equal', 'synonym', 'spelling', 'related'].every((op) => ops.has(op)),
      [...ops].join(', '),
    );
  });

  it('gives a sentence copied as it is (weights by word, as alignment gives them) the reference figures', () => {
    const random = seededRandom(11);
    const matcher = new WordMatcher(lexicon);
    for (let round = 0; round < 50; round++) {
      const side = randomSide(random, matcher, 1 + Math.floor(random() * 30));
      // One weight per form, as contentWeight gives: repeated words weigh the same.
      const byForm = new Map<number, number>();
      const left = side.map((token) => ({
        ...token,
        weight: byForm.get(token.form) ?? byForm.set(token.form, token.weight).get(token.form)!,
      }));
      const right = left.map((token) => ({ ...token }));
      const expected = referenceMatch(left, right, matcher);
      assert.deepEqual(softMatch(left, right, matcher), expected);
      const { links, ...figures } = expected;
      assert.deepEqual(softCoverage(left, right, matcher), { ...figures, linkCount: links.length });
    }
  });
});
