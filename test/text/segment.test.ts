import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findQuotes } from '../../src/text/quotes.js';
import { segmentSentences } from '../../src/text/segment.js';
import { tokenize } from '../../src/text/tokenize.js';

function sentences(text: string): string[] {
  return segmentSentences(text, 0, text.length).map((span) => text.slice(span.start, span.end));
}

describe('sentence segmentation', () => {
  it('does not split after initials, dotted acronyms and titles', () => {
    assert.deepEqual(sentences('U.S. Secretary of State Antony Blinken spoke. Mr. Stoltenberg agreed.'), [
      'U.S. Secretary of State Antony Blinken spoke.',
      'Mr. Stoltenberg agreed.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps the quote with it', () => {
    assert.deepEqual(sentences('"We will act," he said. "Dialogue is important." Stoltenberg lobbied on.'), [
      '"We will act," he said.',
      '"Dialogue is important."',
      'Stoltenberg lobbied on.',
    ]);
  });

  it('does not split inside numbers or before lower-case words', () => {
    assert.deepEqual(sentences('Cases rose 2.5 percent. e.g. this stays.'), [
      'Cases rose 2.5 percent. e.g. this stays.',
    ]);
  });
});

describe('tokens', () => {
  it('folds acronyms, numbers and typography so that variants compare equal', () => {
    const tokens = tokenize('The U.S. recorded 29,762 cases, NATO’s US office said.');
    const norms = tokens.map((token) => token.norm);
    assert.deepEqual(norms, [
      'the',
      'us',
      'recorded',
      '29762',
      'cases',
      'nato',
      "'s",
      'us',
      'office',
      'said',
    ]);
    assert.equal(tokens[3]!.stem, '29762');
    assert.equal(tokens[0]!.stop, true);
    assert.equal(tokens[2]!.stem, tokens[2]!.stem.toLowerCase());
  });

  it('gives offsets that slice the original text', () => {
    const text = 'Stoltenberg (NATO-Russia) “lobbied” in 2019.';
    for (const token of tokenize(text)) {
      assert.match(text.slice(token.start, token.end), /^[\p{L}\p{N},.:%]+$/u);
    }
  });
});

describe('quotes', () => {
  it('finds curly and straight quotations and runs an unclosed one to the paragraph end', () => {
    const text = '“Dialogue is important,” he said. He added: "We will meet';
    const quotes = findQuotes(text, 0, text.length).map((span) => text.slice(span.start, span.end));
    assert.deepEqual(quotes, ['Dialogue is important', 'We will meet']);
  });

  it('closes a German „quote“ at its closing mark', () => {
    const text = 'Unter dem Motto „Take care“, was für Neugier steht, sagte er „gut”.';
    const quotes = findQuotes(text, 0, text.length).map((span) => text.slice(span.start, span.end));
    assert.deepEqual(quotes, ['Take care', 'gut']);
  });

  it('does not take inch marks for quotations', () => {
    const text = 'He is 5\'9" tall and "very clear-eyed" now.';
    const quotes = findQuotes(text, 0, text.length).map((span) => text.slice(span.start, span.end));
    assert.deepEqual(quotes, ['very clear-eyed']);
  });
});
