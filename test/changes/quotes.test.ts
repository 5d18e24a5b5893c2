import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertCitationsSlice, changesOf, describeChanges, findChange, ofType, story } from './support.js';

const CONTEXT =
  'Foreign ministers of the alliance met in Brussels on Wednesday to discuss relations with Russia and arms control.';
const QUOTE = 'We will never accept the annexation of Crimea by Russia';

describe('quote changes', () => {
  it('reports nothing for a quote kept word for word (quote style aside)', () => {
    const source = story(`${CONTEXT}\n\n"${QUOTE}," the minister told reporters.`);
    const copy = story(`${CONTEXT}\n\n“${QUOTE},” the minister told reporters.`);
    assert.deepEqual(changesOf(source, copy), []);
  });

  it('finds a quote kept as a quote with other words, listing the differences', () => {
    const source = story(
      `${CONTEXT}\n\n"${QUOTE} and its reckless and adversary actions," the minister said.`,
    );
    const copy = story(
      `${CONTEXT}\n\n“We will never recognise the annexation of Crimea by Russia and its reckless and hostile actions,” the minister said.`,
    );
    const changes = changesOf(source, copy);
    const altered = ofType(changes, 'quote-altered');
    assert.equal(altered.length, 1, describeChanges(changes));
    assert.match(altered[0]!.note, /“recognise” for “accept”/);
    assert.match(altered[0]!.note, /“hostile” for “adversary”/);
    assert.equal(altered[0]!.weight, 3);
    // One edit, one change: the swapped words are part of the quote change.
    assert.deepEqual(ofType(changes, 'synonym-substituted'), []);
    assertCitationsSlice(changes, source.article, copy.article);
  });

  it('reports a misspelt name inside an altered quote as the name, and the quote for the rest', () => {
    const source = story(
      `${CONTEXT}\n\n"We thank Antony Blinken and we will never accept the annexation," he said.`,
    );
    const copy = story(
      `${CONTEXT}\n\n"We thank Anthony Blinken and we will never recognise the annexation," he said.`,
    );
    const changes = changesOf(source, copy);
    assert.ok(findChange(changes, 'name-misspelt', 'Antony', 'Anthony'), describeChanges(changes));
    const altered = ofType(changes, 'quote-altered');
    assert.equal(altered.length, 1, describeChanges(changes));
    assert.doesNotMatch(altered[0]!.note, /Anthony/);
  });

  it('finds a quote turned into reported speech and cites the reporting sentence', () => {
    const source = story(`${CONTEXT}\n\n"${QUOTE}," the minister told reporters.`);
    const copy = story(
      `${CONTEXT}\n\nThe minister told reporters that they would never accept the annexation of Crimea by Russia.`,
    );
    const changes = changesOf(source, copy);
    const reported = findChange(
      changes,
      'quote-to-reported',
      QUOTE,
      'The minister told reporters that they would never accept the annexation of Crimea by Russia.',
    );
    assert.ok(reported, describeChanges(changes));
    assert.equal(reported.weight, 2);
  });

  it('finds a dropped quote and does not report its sentence again', () => {
    const source = story(
      `${CONTEXT}\n\nThe talks lasted four hours. "${QUOTE} and we will say so in every forum," the minister told reporters.`,
    );
    const copy = story(`${CONTEXT}\n\nThe talks lasted four hours.`);
    const changes = changesOf(source, copy);
    const dropped = findChange(changes, 'quote-dropped', `${QUOTE} and we will say so in every forum`, null);
    assert.ok(dropped, describeChanges(changes));
    assert.equal(dropped.weight, 3);
    assert.deepEqual(ofType(changes, 'paragraph-dropped'), [], describeChanges(changes));
  });

  it('ignores short quoted phrases', () => {
    const source = story(
      `The West must remain "very clear-eyed", the minister said in Brussels on Wednesday.`,
    );
    const copy = story('The West must remain very clear-eyed, the minister said in Brussels on Wednesday.');
    assert.deepEqual(changesOf(source, copy), []);
  });
});
