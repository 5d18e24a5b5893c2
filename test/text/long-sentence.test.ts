import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine/engine.js';
import { MAX_SENTENCE_TOKENS } from '../../src/text/analyse.js';
import { articleFromText } from '../../src/text/plain-article.js';

/** About 1 MB of words without a full stop: a table or a log flattened into one "sentence". */
function runOnSentence(words: number): string {
  const word = (index: number) =>
    (index % 977).toString(26).replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)]!);
  return Array.from({ length: words }, (_, index) => `${word(index)}ing`.padEnd(7, 'e')).join(' ');
}

describe('a very long sentence', () => {
  const text = runOnSentence(130_000);
  const engine = createEngine();

  it('is cut into sentences of bounded length that cover every token', () => {
    const analysed = engine.analyse(articleFromText('long.txt', text));
    assert.ok(text.length > 1_000_000);
    assert.equal(analysed.tokens.length, 130_000);
    for (const sentence of analysed.sentences) {
      assert.ok(sentence.tokenEnd - sentence.tokenStart <= MAX_SENTENCE_TOKENS);
      assert.ok(sentence.start <= analysed.tokens[sentence.tokenStart]!.start);
      assert.ok(sentence.end >= analysed.tokens[sentence.tokenEnd - 1]!.end);
    }
    assert.equal(analysed.sentences.at(-1)!.tokenEnd, analysed.tokens.length);
  });

  it('is compared and traced without a crash', () => {
    const long = articleFromText('long.txt', text);
    const story = articleFromText('story.txt', 'The minister said on Tuesday that the talks would resume.');
    assert.equal(engine.compare(long, story).relation, 'unrelated');
    assert.equal(engine.trace([long, story]).stories.length, 0);
  });
});
