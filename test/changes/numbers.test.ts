import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertCitationsSlice, changesOf, describeChanges, findChange, ofType, story } from './support.js';

const OPENING = 'Health officials urged people to stay at home over the long holiday weekend.';

describe('number and date changes', () => {
  it('finds a number changed in an aligned sentence', () => {
    const source = story(
      `Turkey recorded 29,762 new coronavirus cases in the last 24 hours, health ministry data showed.\n\n${OPENING}`,
    );
    const copy = story(
      `Turkey recorded 29,000 new coronavirus cases in the last 24 hours, health ministry data showed.\n\n${OPENING}`,
    );
    const changes = changesOf(source, copy);
    const change = findChange(changes, 'number-changed', '29,762', '29,000');
    assert.ok(change, describeChanges(changes));
    assert.equal(change.weight, 3);
    assert.equal(changes.length, 1, describeChanges(changes));
    assertCitationsSlice(changes, source.article, copy.article);
  });

  it('takes 29,762 and 29762, "two" and 2 for the same number', () => {
    const source = story(
      'Turkey recorded 29,762 new cases and two deaths in the city, the ministry said on Friday.',
    );
    const copy = story(
      'Turkey recorded 29762 new cases and 2 deaths in the city, the ministry said on Friday.',
    );
    assert.deepEqual(ofType(changesOf(source, copy), 'number-changed'), []);
  });

  it('finds a day given as a date, and a changed month', () => {
    const source = story(
      'On Tuesday, the minister described Russian attempts to destabilise the region as a threat to the alliance.\n\nThe council last met in July 2019 at the alliance headquarters in Brussels.',
    );
    const copy = story(
      'On March 23, the minister described Russian attempts to destabilise the region as a threat to the alliance.\n\nThe council last met in June 2019 at the alliance headquarters in Brussels.',
    );
    const changes = changesOf(source, copy);
    assert.ok(findChange(changes, 'date-changed', 'Tuesday', 'March 23'), describeChanges(changes));
    assert.ok(findChange(changes, 'date-changed', 'July 2019', 'June 2019'), describeChanges(changes));
    assert.equal(ofType(changes, 'number-changed').length, 0, describeChanges(changes));
    assertCitationsSlice(changes, source.article, copy.article);
  });

  it('does not take a less precise date for a changed one', () => {
    const source = story(
      'The council last met in July 2019 at the alliance headquarters in Brussels, officials said.',
    );
    const copy = story(
      'The council last met in 2019 at the alliance headquarters in Brussels, officials said.',
    );
    assert.deepEqual(ofType(changesOf(source, copy), 'date-changed'), []);
  });
});
