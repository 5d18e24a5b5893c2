import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { isWiretraceError } from '../../src/errors.js';
import { loadLexicon } from '../../src/text/lexicon.js';

// Compiled to dist/test/text/: the repository root is three folders up.
const ROOT = new URL('../../../', import.meta.url);
const engine = createEngine();
const lexicon = engine.lexicon;

describe('lexicon.relation', () => {
  it('finds synonyms that share a WordNet synset or list each other in Moby', () => {
    assert.equal(lexicon.relation('adversary', 'rival'), 'synonym');
    assert.equal(lexicon.relation('difficult', 'problematic'), 'synonym');
  });

  it('calls a one-way Moby listing related, in either argument order', () => {
    assert.equal(lexicon.relation('containment', 'deterrence'), 'related');
    assert.equal(lexicon.relation('deterrence', 'containment'), 'related');
  });

  it('finds WordNet antonyms, inflected forms included', () => {
    assert.equal(lexicon.relation('increase', 'decrease'), 'antonym');
    assert.equal(lexicon.relation('increased', 'decreased'), 'antonym');
    assert.equal(lexicon.relation('rise', 'fall'), 'antonym');
    assert.equal(lexicon.relation('rose', 'fell'), 'antonym');
    assert.equal(lexicon.relation('rising', 'falling'), 'antonym');
    assert.equal(lexicon.relation('guilty', 'innocent'), 'antonym');
    assert.equal(lexicon.relation('win', 'lose'), 'antonym');
    assert.equal(lexicon.relation('won', 'lost'), 'antonym');
    assert.equal(lexicon.relation('accept', 'reject'), 'antonym');
    assert.equal(lexicon.relation('strong', 'weak'), 'antonym');
    assert.equal(lexicon.relation('stronger', 'weaker'), 'antonym');
    // WordNet opposes "forbid" to "permit", and "allow" to "disallow", not "allow" to "forbid".
    assert.equal(lexicon.relation('permit', 'forbid'), 'antonym');
    assert.equal(lexicon.relation('allow', 'disallow'), 'antonym');
  });

  it('finds indirect antonyms through an adjective cluster head', () => {
    // "strained" is a satellite of "tense", whose antonym is "relaxed".
    assert.equal(lexicon.relation('strained', 'relaxed'), 'antonym');
    assert.equal(lexicon.relation('relaxed', 'strained'), 'antonym');
  });

  it('keeps synonyms and related words that are not opposites', () => {
    assert.equal(lexicon.relation('adversary', 'rival'), 'synonym');
    assert.equal(lexicon.relation('difficult', 'problematic'), 'synonym');
    assert.equal(lexicon.relation('promote', 'advance'), 'synonym');
    assert.equal(lexicon.relation('deterrence', 'containment'), 'related');
    assert.equal(lexicon.relation('rose', 'rise'), 'synonym');
  });

  it('lemmatises inflected forms before looking them up', () => {
    assert.notEqual(lexicon.relation('castigated', 'criticized'), 'none');
    assert.equal(lexicon.relation('relations', 'relation'), 'synonym');
    assert.equal(lexicon.relation('went', 'go'), 'synonym');
  });

  it('treats the same word as a synonym, whatever its case', () => {
    assert.equal(lexicon.relation('rival', 'rival'), 'synonym');
    assert.equal(lexicon.relation('Rival', 'rival'), 'synonym');
  });

  it('finds no relation between unrelated or unknown words', () => {
    assert.equal(lexicon.relation('car', 'banana'), 'none');
    assert.equal(lexicon.relation('altought', 'although'), 'none');
  });

  it('is symmetric and reflexive for any pair of words', () => {
    const words = [
      'adversary',
      'rival',
      'enemy',
      'containment',
      'deterrence',
      'castigated',
      'criticized',
      'relations',
      'ties',
      'said',
      'announced',
      'strained',
      'tightened',
      'allegations',
      'accusations',
      'car',
      'banana',
      'altought',
      'evening',
      'even',
      'rose',
      'fell',
      'increase',
      'decreased',
      'strong',
      'weak',
      'relaxed',
    ];
    const word = fc.constantFrom(...words);
    fc.assert(
      fc.property(word, word, (a, b) => {
        assert.equal(lexicon.relation(a, b), lexicon.relation(b, a));
        assert.equal(lexicon.relation(a, a), 'synonym');
        assert.equal(lexicon.similarity(a, b), lexicon.similarity(b, a));
      }),
    );
  });
});

describe('lexicon.lemma', () => {
  it('applies the morphy rules and the irregular forms', () => {
    assert.equal(lexicon.lemma('relations'), 'relation');
    assert.equal(lexicon.lemma('castigated'), 'castigate');
    assert.equal(lexicon.lemma('difficulties'), 'difficulty');
    assert.equal(lexicon.lemma('went'), 'go');
    assert.equal(lexicon.lemma('children'), 'child');
    assert.equal(lexicon.lemma('stopped'), 'stop');
  });

  it('keeps lemmas that only look inflected', () => {
    assert.equal(lexicon.lemma('evening'), 'evening');
    assert.equal(lexicon.lemma('news'), 'news');
    assert.equal(lexicon.lemma('boss'), 'boss');
  });

  it('returns unknown words unchanged', () => {
    assert.equal(lexicon.lemma('altought'), 'altought');
  });
});

describe('lexicon.isKnownWord', () => {
  it('spots typos', () => {
    assert.equal(lexicon.isKnownWord('altought'), false);
    assert.equal(lexicon.isKnownWord('although'), true);
  });

  it('knows inflections of WordNet lemmas', () => {
    assert.equal(lexicon.isKnownWord('castigated'), true);
  });
});

describe('lexicon embeddings', () => {
  it('scores related words as similar', () => {
    assert.ok(lexicon.similarity('king', 'queen') > 0.5);
    assert.ok(lexicon.similarity('king', 'queen') > lexicon.similarity('king', 'banana'));
    assert.ok(Math.abs(lexicon.similarity('king', 'king') - 1) < 1e-6);
  });

  it('gives 0 similarity and no vector for unknown words', () => {
    assert.equal(lexicon.similarity('king', 'altought'), 0);
    assert.equal(lexicon.vector('altought'), null);
  });

  it('returns unit-length vectors', () => {
    const vector = lexicon.vector('king');
    assert.ok(vector);
    assert.equal(vector.length, 100);
    const norm = Math.hypot(...vector);
    assert.ok(Math.abs(norm - 1) < 1e-6, `norm ${norm}`);
  });

  it('ranks words by corpus frequency', () => {
    assert.equal(lexicon.frequencyRank('the'), 1);
    assert.ok(lexicon.frequencyRank('king') < lexicon.frequencyRank('castigated'));
    assert.equal(lexicon.frequencyRank('altought'), Number.POSITIVE_INFINITY);
  });
});

describe('lexicon loading', () => {
  it('is loaded once per engine, and an engine can share a loaded one', () => {
    assert.equal(engine.lexicon, lexicon);
    assert.equal(createEngine({ lexicon }).lexicon, lexicon);
  });

  it('reports a missing lexicon with LEXICON_MISSING', () => {
    assert.throws(
      () => loadLexicon(new URL('no-such-lexicon/', ROOT)),
      (error) => isWiretraceError(error) && error.code === 'LEXICON_MISSING',
    );
  });

  it('skips rebuilding an up-to-date lexicon', () => {
    const stamp = readFileSync(new URL('lexicon/VERSION', ROOT), 'utf8');
    const output = execFileSync(process.execPath, ['scripts/build-lexicon.mjs'], {
      cwd: fileURLToPath(ROOT),
      encoding: 'utf8',
    });
    assert.match(output, /up to date/);
    assert.equal(readFileSync(new URL('lexicon/VERSION', ROOT), 'utf8'), stamp);
  });
});
