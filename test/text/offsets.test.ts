import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addPiece,
  emptyOffsetMap,
  MappedTextBuilder,
  spanToSource,
  toSource,
  toText,
} from '../../src/text/offsets.js';
import { articleFromText } from '../../src/text/plain-article.js';

describe('offset maps', () => {
  it('maps every character of pieces copied verbatim back to the same character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        (pieces) => {
          const source = pieces.join('<removed>');
          const builder = new MappedTextBuilder();
          let sourceOffset = 0;
          for (const piece of pieces) {
            if (builder.size > 0) builder.appendSeparator('\n\n');
            builder.appendFrom(piece, sourceOffset, sourceOffset + piece.length);
            sourceOffset += piece.length + '<removed>'.length;
          }
          const text = builder.toString();
          let textOffset = 0;
          for (const piece of pieces) {
            const start = text.indexOf(piece, textOffset);
            const span = spanToSource(builder.map, start, start + piece.length);
            assert.equal(source.slice(span.start, span.end), piece);
            assert.equal(toText(builder.map, span.start), start);
            textOffset = start + piece.length;
          }
        },
      ),
    );
  });

  it('keeps offsets inside a piece whose source was longer (entities) and monotone', () => {
    const map = emptyOffsetMap();
    addPiece(map, 0, 5, 10, 19); // "a & b" from "a &amp; b"
    assert.equal(toSource(map, 0), 10);
    assert.equal(toSource(map, 5, 'end'), 19);
    let previous = -1;
    for (let offset = 0; offset <= 5; offset++) {
      const mapped = toSource(map, offset);
      assert.ok(mapped >= previous && mapped >= 10 && mapped <= 19);
      previous = mapped;
    }
  });

  it('ends a span at the piece that stops when the next one starts right there', () => {
    const source = '<a>DigiTimes</a>. said';
    const builder = new MappedTextBuilder();
    builder.appendFrom('DigiTimes', 3, 12);
    builder.appendFrom('. said', 16, 22);
    const span = spanToSource(builder.map, 0, 9);
    assert.equal(source.slice(span.start, span.end), 'DigiTimes');
  });

  it('never lets a span grow over text removed between two pieces', () => {
    const map = emptyOffsetMap();
    addPiece(map, 0, 3, 0, 3);
    addPiece(map, 5, 3, 100, 103);
    assert.deepEqual(spanToSource(map, 0, 4), { start: 0, end: 3 });
    assert.deepEqual(spanToSource(map, 4, 8), { start: 100, end: 103 });
  });
});

describe('articles from plain story text', () => {
  it('keeps each block of lines as a paragraph that slices back out of the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,5}$/), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n\n', '\n \n', '\r\n\r\n\r\n'),
        (paragraphs, separator) => {
          const content = `  ${paragraphs.join(separator)}\n`;
          const article = articleFromText('input.txt', content);
          assert.equal(article.paragraphs.length, paragraphs.length);
          article.paragraphs.forEach((paragraph, index) => {
            const span = spanToSource(article.origin, paragraph.start, paragraph.end);
            assert.equal(content.slice(span.start, span.end), paragraphs[index]);
            assert.equal(article.text.slice(paragraph.start, paragraph.end), paragraphs[index]);
          });
        },
      ),
    );
  });
});

describe('offset maps as plain data', () => {
  it('survive structuredClone and a JSON round trip with the same answers', () => {
    const content = '  first paragraph\n\n  second one here\n';
    const article = articleFromText('input.txt', content);
    for (const copy of [structuredClone(article), JSON.parse(JSON.stringify(article)) as typeof article]) {
      assert.deepEqual(copy, article);
      for (const paragraph of copy.paragraphs) {
        assert.deepEqual(
          spanToSource(copy.origin, paragraph.start, paragraph.end),
          spanToSource(article.origin, paragraph.start, paragraph.end),
        );
      }
    }
  });
});
