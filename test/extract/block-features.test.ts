import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockFeatures } from '../../src/extract/block-features.js';

function features(text: string) {
  return blockFeatures({
    text,
    pieces: [],
    start: 0,
    end: text.length,
    linkChars: 0,
    tag: 'p',
    separated: true,
  });
}

describe('block features', () => {
  it('reads a sentence ending inside the closing quotes of other languages', () => {
    assert.equal(features('Die Ministerin sagte: „Wir bauen die Brücke neu.“').endsSentence, true);
    assert.equal(features('Elle a ajouté : « Nous reconstruirons le pont. »').endsSentence, true);
    assert.equal(features('Er fragte: »Wann kommt der Zug?«').endsQuestion, true);
    assert.equal(features('他说：「桥将重建。」').endsSentence, true);
  });

  it('still tells a label from a sentence', () => {
    assert.equal(features('Weitere Nachrichten aus der Region').endsSentence, false);
    assert.equal(features('„Neue Brücke“').endsSentence, false);
  });
});
