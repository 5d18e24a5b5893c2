import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decodeFingerprint,
  encodeFingerprint,
  fingerprintKeys,
  fingerprintSimilarity,
  fingerprintText,
} from '../../src/fingerprint/document-fingerprint.js';
import { featureSets, textFeatureSets } from '../../src/fingerprint/features.js';
import { FingerprintScratch } from '../../src/fingerprint/scratch.js';
import { estimateContainment, estimateJaccard, minhash } from '../../src/fingerprint/signature.js';
import { fingerprintWords } from '../../src/fingerprint/word-stream.js';

const WIRE = readFileSync(
  new URL('../../../test/fixtures/seeds/001_91a7594f1c02de45.txt', import.meta.url),
  'utf8',
);

function exactJaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const value of a) if (b.has(value)) shared++;
  return shared / (a.size + b.size - shared);
}

describe('MinHash signatures', () => {
  it('estimate Jaccard similarity within sampling error (against the exact value)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
        (shared, onlyA, onlyB, offset) => {
          const a = new Set<number>();
          const b = new Set<number>();
          for (let i = 0; i < shared; i++) {
            a.add(offset + i);
            b.add(offset + i);
          }
          for (let i = 0; i < onlyA; i++) a.add(offset + 10_000 + i);
          for (let i = 0; i < onlyB; i++) b.add(offset + 20_000 + i);
          const estimate = estimateJaccard(minhash([...a], 128), minhash([...b], 128));
          // 128 positions: the standard error is at most 0.045; five of them is never reached by chance.
          return Math.abs(estimate - exactJaccard(a, b)) < 0.23;
        },
      ),
      { numRuns: 60, seed: 8 },
    );
  });

  it('estimates containment of a part in its whole', () => {
    const whole = Array.from({ length: 800 }, (_, i) => i * 7919);
    const part = whole.slice(100, 300);
    const jaccard = estimateJaccard(minhash(whole, 64), minhash(part, 64));
    assert.ok(Math.abs(jaccard - 0.25) < 0.15, `jaccard ${jaccard}`);
    assert.ok(estimateContainment(jaccard, 800, 200) > 0.7);
  });

  it('gives an empty set no keys and no similarity', () => {
    const empty = fingerprintText('');
    assert.deepEqual(fingerprintKeys(empty), []);
    assert.equal(fingerprintSimilarity(empty, empty).words.jaccard, 0);
  });
});

describe('document fingerprints', () => {
  it('are deterministic, round-trip through bytes and file under safe-integer keys', () => {
    const first = fingerprintText(WIRE);
    const again = decodeFingerprint(encodeFingerprint(fingerprintText(WIRE)));
    assert.deepEqual(again, first);
    const keys = fingerprintKeys(first);
    assert.equal(keys.length, 32 + 32 + 16);
    assert.ok(keys.every((key) => Number.isSafeInteger(key) && key >= 0));
    assert.deepEqual(fingerprintKeys(again), keys);
  });

  it('keep the skeleton of a text whose content words are swapped for synonyms', () => {
    const source = 'Officials said on Tuesday that the difficult talks with NATO would resume in 2021.';
    const spun =
      'Officials said on Tuesday that the problematic discussions with NATO would continue in 2021.';
    const sourceSets = featureSets(fingerprintWords(source));
    const spunSets = featureSets(fingerprintWords(spun));
    assert.deepEqual(spunSets.skeleton, sourceSets.skeleton);
    assert.notDeepEqual(spunSets.words, sourceSets.words);
  });

  it('keep names, numbers and quotes of a reworded sentence', () => {
    const source =
      'Blinken met Stoltenberg in Brussels on 24 March, calling the alliance "the bedrock of our security".';
    const reworded =
      'In Brussels, Blinken and Stoltenberg held talks on 24 March; he described the pact as "the bedrock of our security".';
    const a = new Set(featureSets(fingerprintWords(source)).entities);
    const b = new Set(featureSets(fingerprintWords(reworded)).entities);
    assert.ok(exactJaccard(a, b) > 0.5, `entities Jaccard ${exactJaccard(a, b)}`);
  });

  it('read names only where a sentence does not start, numbers without separators, and quotes', () => {
    const words = fingerprintWords('The Pentagon paid 29,762 dollars. “We agree,” Austin said.');
    const names = words.filter((word) => word.name).map((word) => word.norm);
    assert.deepEqual(names, ['pentagon', 'austin']);
    assert.deepEqual(
      words.filter((word) => word.isNumber).map((word) => word.norm),
      ['29762'],
    );
    assert.deepEqual(
      words.filter((word) => word.quoted).map((word) => word.norm),
      ['we', 'agree'],
    );
  });

  it('see a trimmed copy as contained in its source', () => {
    const half = WIRE.slice(0, Math.floor(WIRE.length / 2));
    const similarity = fingerprintSimilarity(fingerprintText(WIRE), fingerprintText(half));
    assert.ok(similarity.words.containment > 0.8, JSON.stringify(similarity));
  });
});

describe('word hashes (the fast pass)', () => {
  it('give the same feature sets as the readable word stream, on ASCII, accented, Cyrillic, Greek, Turkish, Arabic, Hebrew, CJK and quoted text', () => {
    const texts = [
      WIRE,
      'Ünïcödé Straße “quoted Words” it’s 29,762 and 2.5. ÉCOLE São Paulo’s reporting, reported edly.',
      'He said: "We will not back down," adding that 1,000 troops and 3.5 billion euros were pledged.\n\n"New paragraph',
      'Москва ЗАЯВИЛА: «Мы не отступим». ΟΔΟΣ Σοφία ΑΘΗΝΑ İstanbul’da İSTANBUL. القاهرة قالت שלום 東京 2024.',
      '',
    ];
    for (const text of texts) {
      assert.deepEqual(textFeatureSets(text), featureSets(fingerprintWords(text)));
    }
  });
});

describe('a fingerprint scratch reused across documents', () => {
  it('gives every document the fingerprint it gets alone, whatever came before it', () => {
    const scratch = new FingerprintScratch();
    const word = fc.constantFrom(
      'the',
      'Mayor',
      'said',
      '2,500',
      'flood',
      '“quoted',
      'words”',
      'it’s',
      'Straße',
      'on',
      'Tuesday.',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 400 }), { minLength: 1, maxLength: 6 }),
        (documents) => {
          for (const text of [WIRE, ...documents.map((words) => words.join(' '))]) {
            assert.deepEqual(fingerprintText(text, scratch), fingerprintText(text));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
