import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, BoilerplateKind } from '../../src/model/article.js';
import { articleFromText } from '../../src/text/plain-article.js';
import { analysed, assertCitationsSlice, changesOf, describeChanges, ofType } from './support.js';

const BODY =
  'The West must engage with Russia to promote mutual interests, the secretary of state said on Wednesday.\n\nStoltenberg called on Russia to resume dialogue through a council that has not met for two years.';

/** A page: the story text plus chrome lines, with the chrome recorded as boilerplate blocks. */
function page(chrome: Array<{ kind: BoilerplateKind; text: string }>, byline: string | null = null): Article {
  const content = [BODY, ...chrome.map((block) => block.text)].join('\n\n');
  const article = articleFromText('page.txt', BODY);
  const boilerplate = chrome.map((block) => {
    const start = content.indexOf(block.text);
    return { kind: block.kind, start, end: start + block.text.length, text: block.text };
  });
  return { ...article, content, byline, boilerplate };
}

const TEASER = 'ALSO READ: After meeting with Zelensky, Macron wants to talk to Putin';
const AD = 'Want to learn more about trading? Visit our education page now!';
const DATELINE = 'Reuters | Updated: 24-03-2021 20:48 IST';

describe('page additions', () => {
  it('finds a teaser and an ad inserted by the copy page, citing the blocks', () => {
    const source = analysed(page([]));
    const copy = analysed(
      page([
        { kind: 'teaser', text: TEASER },
        { kind: 'advertising', text: AD },
      ]),
    );
    const changes = changesOf(source, copy);
    const teaser = ofType(changes, 'teaser-added');
    const ad = ofType(changes, 'ad-added');
    assert.equal(teaser.length, 1, describeChanges(changes));
    assert.equal(teaser[0]!.copy?.text, TEASER);
    assert.equal(teaser[0]!.source, null);
    assert.equal(ad[0]?.copy?.text, AD);
    assertCitationsSlice(changes, source.article, copy.article);
  });

  it('does not report chrome the source page carries too', () => {
    const source = analysed(page([{ kind: 'teaser', text: TEASER }]));
    const copy = analysed(page([{ kind: 'teaser', text: TEASER }]));
    assert.deepEqual(changesOf(source, copy), []);
  });
});

describe('dropped attribution', () => {
  it('finds a wire credit the copy drops, citing the source dateline', () => {
    const source = analysed(page([{ kind: 'dateline', text: DATELINE }], 'Reuters'));
    const copy = analysed(page([]));
    const changes = changesOf(source, copy);
    const dropped = ofType(changes, 'attribution-dropped');
    assert.equal(dropped.length, 1, describeChanges(changes));
    assert.equal(dropped[0]!.source?.text, DATELINE);
    assert.equal(dropped[0]!.weight, 1);
    assertCitationsSlice(changes, source.article, copy.article);
  });

  it('finds "(Reuters)" in the text and accepts a copy that still credits the agency', () => {
    const source = analysed(articleFromText('wire.txt', `BRUSSELS (Reuters) - ${BODY}`));
    const credited = analysed(articleFromText('copy.txt', `${BODY}\n\nReporting by Reuters.`));
    const uncredited = analysed(articleFromText('copy.txt', BODY));
    assert.deepEqual(ofType(changesOf(source, credited), 'attribution-dropped'), []);
    const dropped = ofType(changesOf(source, uncredited), 'attribution-dropped');
    assert.equal(dropped[0]?.source?.text, '(Reuters)');
  });
});
