import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDateline, wireCredit } from '../../src/extract/dateline.js';
import { findDate, normaliseDate } from '../../src/extract/dates.js';

describe('findDate', () => {
  const cases: Array<[string, string | null]> = [
    ['Reuters | Updated: 24-03-2021 20:48 IST', '2021-03-24T20:48:00+05:30'],
    ['Updated 4:12 am EST, Friday, March 6, 2020', '2020-03-06T04:12:00-05:00'],
    ['Published November 20, 2019 at 5:00 pm', '2019-11-20T17:00:00'],
    ['20 November 2019', '2019-11-20'],
    ['Mar. 5, 2020 9:47 am ET', '2020-03-05T09:47:00-05:00'],
    ['2019-11-20T06:39:00.000+0000', '2019-11-20T06:39:00+00:00'],
    ['2019-11-20T06:39:00Z', '2019-11-20T06:39:00Z'],
    ['11/20/2019', '2019-11-20'],
    ['20.11.2019', '2019-11-20'],
    ['no date in here, only 2019 alone', null],
    ['31-02-2019 is not checked for the month length but 45-02-2019 is rejected', '2019-02-31'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(findDate(text)?.iso ?? null, expected));
  }

  it('normalises metadata dates', () => {
    assert.equal(normaliseDate(' 2021-03-24 '), '2021-03-24');
    assert.equal(normaliseDate('yesterday'), null);
  });
});

describe('readDateline', () => {
  it('reads source and date from a wire dateline', () => {
    assert.deepEqual(
      readDateline('Reuters | Updated: 24-03-2021 20:48 IST | Created: 24-03-2021 20:48 IST', 9),
      {
        published: '2021-03-24T20:48:00+05:30',
        byline: 'Reuters',
      },
    );
  });

  it('reads a byline', () => {
    assert.deepEqual(readDateline('By Jane Roe, AP Auto Writer', 6), {
      byline: 'Jane Roe',
      published: null,
    });
  });

  it('takes comment timestamps for datelines without a date', () => {
    assert.deepEqual(readDateline('3 days ago at 09:14 am', 6), { published: null, byline: null });
  });

  it('leaves sentences that mention a date alone', () => {
    assert.equal(
      readDateline('The council last met in July 2019 and talks stalled after that meeting.', 13),
      null,
    );
    assert.equal(readDateline('By Tuesday, the council had met twice.', 7), null);
    assert.equal(readDateline('— Jane Doe (@janedoe) November 18, 2019', 6), null);
  });
});

describe('wireCredit', () => {
  it('finds the agency of a wire credit', () => {
    assert.equal(wireCredit('BRUSSELS (Reuters) - The West must engage.'), 'Reuters');
    assert.equal(wireCredit('RIVERTON, Wyo. (AP) — State health authorities'), 'AP');
    assert.equal(wireCredit('The council (which rarely meets) - said nothing.'), null);
  });
});
