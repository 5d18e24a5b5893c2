import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUESTION_END, SENTENCE_END } from '../../src/extract/sentence-end.js';

describe('sentence end', () => {
  it('knows the full stops and question marks of other scripts, inside any closing quote', () => {
    assert.ok(SENTENCE_END.test('मंत्री ने कहा कि पुल फिर से बनेगा।'));
    assert.ok(SENTENCE_END.test('قال الوزير: «سنعيد بناء الجسر.»'));
    assert.ok(QUESTION_END.test('متى يصل القطار؟'));
    assert.ok(SENTENCE_END.test('Die Ministerin sagte: „Wir bauen die Brücke neu.“  '));
  });

  it('does not take a label or an open quote for a sentence', () => {
    assert.ok(!SENTENCE_END.test('أخبار المنطقة'));
    assert.ok(!SENTENCE_END.test('Weitere Nachrichten: „Neue Brücke“'));
    assert.ok(!QUESTION_END.test('Wann kommt der Zug.'));
  });
});
