import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WordMatcher } from '../../src/align/word-match.js';
import type { AnalysedArticle } from '../../src/model/analysis.js';
import { assertCitationsSlice, changesOf, describeChanges, findChange, lexicon, story } from './support.js';

describe('name changes', () => {
  it('finds a misspelt name', () => {
    const source = story(
      'U.S. Secretary of State Antony Blinken met allies in Brussels on Wednesday to discuss Russia.',
    );
    const copy = story(
      'U.S. Secretary of State Anthony Blinken met allies in Brussels on Wednesday to discuss Russia.',
    );
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'name-misspelt', 'Antony', 'Anthony');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.weight, 2);
    assert.equal(changes.length, 1, describeChanges(changes));
  });

  it('finds a name replaced by another, as one change for the whole name', () => {
    const source = story(
      'U.S. Secretary of State Antony Blinken met allies in Brussels on Wednesday to discuss Russia.',
    );
    const copy = story(
      'U.S. Secretary of State Mike Pompeo met allies in Brussels on Wednesday to discuss Russia.',
    );
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'name-changed', 'Antony Blinken', 'Mike Pompeo');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.weight, 3);
    assertCitationsSlice(changes, source.article, copy.article);
  });
});

describe('word substitutions', () => {
  it('finds a synonym swap', () => {
    const source = story(
      'He will hold Russia to account for its reckless and adversary actions in the region.',
    );
    const copy = story('He will hold Russia to account for its reckless and rival actions in the region.');
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'synonym-substituted', 'adversary', 'rival');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.note, '“adversary” → “rival” (synonym)');
    assert.equal(change.weight, 1);
  });

  it('finds a related word that shifts the meaning', () => {
    const source = story(
      "NATO's Russia policy follows a two-track approach of deterrence and dialogue with Moscow.",
    );
    const copy = story(
      "NATO's Russia policy follows a two-track approach of containment and dialogue with Moscow.",
    );
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'meaning-shift', 'deterrence', 'containment');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.weight, 3);
  });

  it('reports a word replaced by its opposite as a meaning shift', () => {
    const source = story('Prices rose sharply in March, the ministry said.');
    const copy = story('Prices fell sharply in March, the ministry said.');
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'meaning-shift', 'rose', 'fell');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.note, '“rose” → “fell” (opposite)');
    assert.equal(change.weight, 3);
    assert.equal(changes.length, 1, describeChanges(changes));
  });

  it('reports an opposite that is spelt almost the same', () => {
    const source = story('The government will increase spending on schools next year, the minister said.');
    const copy = story('The government will decrease spending on schools next year, the minister said.');
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'meaning-shift', 'increase', 'decrease');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.note, '“increase” → “decrease” (opposite)');
    assert.equal(change.weight, 3);
  });

  it('does not align an opposite as the same content', () => {
    const source = story('Prices rose sharply in March, the ministry said.');
    const copy = story('Prices fell sharply in March, the ministry said.');
    const match = WordMatcher.for(lexicon).match(tokenOf(source, 'rose'), tokenOf(copy, 'fell'));
    assert.deepEqual(match, { score: 0, op: 'substitute' });
  });

  it('counts a near-synonym (related, close in meaning) as a synonym swap', () => {
    const source = story('The allegations of fraud were denied by the company on Monday.');
    const copy = story('The accusations of fraud were denied by the company on Monday.');
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'synonym-substituted', 'allegations', 'accusations');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.note, '“allegations” → “accusations” (synonym)');
    assert.equal(change.weight, 1);
    assert.equal(changes.length, 1, describeChanges(changes));
  });

  it('ignores reporting verbs, inflections and spelling variants', () => {
    const source = story(
      'The minister said the alliance would destabilise nothing and spend more on defence, after talks in Brussels.',
    );
    const copy = story(
      'The minister stressed the alliance would destabilize nothing and spend more on defense, after talks in Brussels.',
    );
    assert.deepEqual(changesOf(source, copy), []);
  });

  it('reports a swap once even when the sentence is split in two', () => {
    const source = story(
      'Stoltenberg called on Russia to resume dialogue through the council, arguing that even a difficult relationship needed to be managed.',
    );
    const copy = story(
      'Stoltenberg called on Russia to resume dialogue through the council. He argued that even a problematic relationship needed to be managed.',
    );
    const changes = changesOf(source, copy);
    const swaps = changes.filter((change) => change.source?.text === 'difficult');
    assert.equal(swaps.length, 1, describeChanges(changes));
    assert.equal(swaps[0]!.copy?.text, 'problematic');
    assertCitationsSlice(changes, source.article, copy.article);
  });
});

describe('paragraph changes', () => {
  const kept = [
    'The West must engage with Russia to promote mutual interests, the secretary of state said on Wednesday.',
    'Stoltenberg called on Russia to resume dialogue through a council that has not met for two years.',
  ];
  const extra = 'The NRC was revived in 2016 and met regularly until the summer of 2019 in Brussels.';

  it('finds a paragraph dropped by the copy', () => {
    const source = story([kept[0], extra, kept[1]].join('\n\n'));
    const copy = story(kept.join('\n\n'));
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'paragraph-dropped', extra, null);
    assert.ok(change, describeChanges(changes));
    assert.equal(change.weight, 2);
    assert.equal(changes.length, 1, describeChanges(changes));
  });

  it('finds a paragraph added by the copy', () => {
    const source = story(kept.join('\n\n'));
    const copy = story([kept[0], extra, kept[1]].join('\n\n'));
    const changes = changesOf(source, copy);
    assert.ok(findChange(changes, 'paragraph-added', null, extra), describeChanges(changes));
    assertCitationsSlice(changes, source.article, copy.article);
  });
});

function tokenOf(document: AnalysedArticle, norm: string) {
  const token = document.tokens.find((candidate) => candidate.norm === norm);
  assert.ok(token, `no token "${norm}"`);
  return token;
}
