import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { renderMarkedText, type TextCite, type TextMark } from '../../src/report/html-text.js';
import { nestingProblems, textOf } from './html-check.js';

function mark(start: number, end: number, id: string): TextMark {
  return { span: { start, end }, kind: 'verbatim', id, peer: null, title: id };
}

function cite(start: number, end: number, changeId: string): TextCite {
  return { span: { start, end }, changeId, anchorId: `${changeId}-a` };
}

describe('renderMarkedText', () => {
  it('splits overlapping citations into pieces that name every change covering them', () => {
    const html = renderMarkedText('one two three', [mark(0, 7, 'p1')], [cite(4, 13, 'c1'), cite(0, 7, 'c2')]);
    assert.equal(
      html,
      // The anchor of a citation starting with a passage comes first, so a link lands before the mark.
      '<span id="c2-a" class="anchor"></span><mark id="p1" class="k-verbatim" data-kind="verbatim" title="p1">' +
        '<span class="cite" data-c="c2">one </span><span id="c1-a" class="anchor"></span>' +
        '<span class="cite" data-c="c1 c2">two</span></mark><span class="cite" data-c="c1"> three</span>',
    );
  });

  it('marks an insertion point with a flashable anchor', () => {
    const html = renderMarkedText('ab', [], [cite(1, 1, 'c1')]);
    assert.equal(html, 'a<span id="c1-a" class="anchor point" data-c="c1"></span>b');
  });

  it('escapes text and trims overlapping passages instead of nesting them', () => {
    const html = renderMarkedText('<b>&"\'', [mark(0, 4, 'p1'), mark(2, 6, 'p2')], []);
    assert.equal(
      html,
      '<mark id="p1" class="k-verbatim" data-kind="verbatim" title="p1">&lt;b&gt;&amp;</mark>' +
        '<mark id="p2" class="k-verbatim" data-kind="verbatim" title="p2">&quot;&#39;</mark>',
    );
  });

  it('keeps the text intact, one element per passage, whatever the spans', () => {
    const text = 'Stoltenberg said <dialogue> & "deterrence" matter.\n\nSecond paragraph.';
    const span = fc
      .tuple(fc.integer({ min: -3, max: text.length + 3 }), fc.integer({ min: 0, max: 30 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 6 }),
        fc.array(span, { maxLength: 6 }),
        (markSpans, citeSpans) => {
          const marks = markSpans.map((s, index) => mark(s.start, s.end, `p${index}`));
          const cites = citeSpans.map((s, index) => cite(s.start, s.end, `c${index}`));
          const html = renderMarkedText(text, marks, cites);
          assert.equal(textOf(html), text);
          assert.equal([...html.matchAll(/<mark /g)].length, marks.length);
          assert.equal([...html.matchAll(/<span id="c\d+-a"/g)].length, cites.length);
          assert.deepEqual(nestingProblems(html), []);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
