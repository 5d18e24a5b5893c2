import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCompareHtml, renderTraceHtml } from '../../src/report/html.js';
import { portal, spun, spunPair, trace, wire } from './fixtures.js';
import { elementById, fragmentLinks, idsOf, nestingProblems, textOf, withoutRawText } from './html-check.js';

const html = renderTraceHtml(trace);

function count(haystack: string, pattern: RegExp): number {
  return [...haystack.matchAll(pattern)].length;
}

describe('renderTraceHtml', () => {
  it('is one well-formed HTML5 document with unique ids', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<title>wiretrace: 4 documents traced<\/title>/);
    assert.deepEqual(nestingProblems(html), []);
    const ids = idsOf(html);
    assert.deepEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
    );
  });

  it('is self-contained: no external resources of any kind', () => {
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /\s(src|href)="(?!#)/);
    assert.doesNotMatch(html, /<link|@import|@font-face/);
    assert.equal(count(html, /<script/g), 1, 'only the inline page script');
    assert.equal(count(html, /<style/g), 1);
  });

  it('escapes article text, attributes included', () => {
    assert.ok(!withoutRawText(html).includes('<script>alert'));
    assert.ok(
      html.includes(
        'Readers wrote &lt;script&gt;alert(&quot;spun&quot;)&lt;/script&gt; &amp; asked for more.',
      ),
    );
    assert.ok(html.includes('Engage Russia but remain &quot;clear-eyed&quot;, Blinken tells NATO'));
    assert.ok(!/="[^"]*<[^"]*"/.test(withoutRawText(html)), 'no raw < inside an attribute value');
  });

  it('draws each story as an SVG with one node per document and the root highlighted', () => {
    const story = elementById(html, 's1');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(story)?.[0] ?? '';
    assert.ok(svg !== '');
    assert.deepEqual(
      [...svg.matchAll(/<g class="node[^"]*" data-input="([^"]*)"/g)].map((match) => match[1]),
      ['wire.txt', 'portal.html', 'spun.txt'],
    );
    assert.match(svg, /<g class="node root" data-input="wire.txt">/);
    assert.equal(count(svg, /<g class="edge /g), 2);
    assert.match(svg, />spun · 81%</);
    assert.match(svg, />copy · 91%</);
  });

  it('puts each copy beside its source, each passage side in exactly one mark', () => {
    const section = elementById(html, 's1-e2');
    const sides = spunPair.alignment.passages.flatMap((passage, index) => [
      ...(passage.a ? [`s1-e2-p${index + 1}-src`] : []),
      ...(passage.b ? [`s1-e2-p${index + 1}-copy`] : []),
    ]);
    assert.equal(count(section, /<mark /g), sides.length);
    for (const id of sides) assert.equal(count(section, new RegExp(`<mark id="${id}"`, 'g')), 1, id);
    // Marks hold exactly the passage text, and hovering one finds its counterpart.
    const spunPassage = spunPair.alignment.passages[0]!;
    assert.equal(
      textOf(elementById(html, 's1-e2-p1-copy')),
      spun.text.slice(spunPassage.b!.start, spunPassage.b!.end),
    );
    assert.match(
      section,
      /<mark id="s1-e2-p1-src" class="k-spun" data-kind="spun" data-peer="s1-e2-p1-copy"/,
    );
    // The columns hold the whole story texts, paragraphs preserved.
    assert.equal(textOf(elementById(html, 's1-e2-src-text')), wire.text);
    assert.equal(textOf(elementById(html, 's1-e2-copy-text')), spun.text);
  });

  it('labels passage kinds in text, not colour alone', () => {
    for (const kind of ['verbatim', 'edited', 'spun', 'reworded', 'dropped', 'added']) {
      assert.match(html, new RegExp(`<span class="swatch k-${kind}">${kind}</span>`));
    }
    assert.match(html, /title="dropped passage, only in the source"/);
  });

  it('links every change to existing targets in both texts', () => {
    const ids = new Set(idsOf(html));
    const links = fragmentLinks(html);
    assert.ok(links.length > 0);
    for (const target of links) assert.ok(ids.has(target), `#${target} does not exist`);
    // Each change can be flashed: its id is carried by at least one element of the texts.
    const changes = [...html.matchAll(/data-change="([^"]*)"/g)].map((match) => match[1]!);
    for (const change of new Set(changes)) {
      assert.match(html, new RegExp(`data-c="([^"]* )?${change}( [^"]*)?"`), change);
    }
  });

  it('highlights the cited words of a change in each column', () => {
    // spunPair's second change: “Russia” → “Moscow”.
    assert.match(elementById(html, 's1-e2-copy-text'), /<span class="cite" data-c="s1-e2-c2">Moscow<\/span>/);
    assert.match(elementById(html, 's1-e2-src-text'), /<span id="s1-e2-c2-src" class="anchor"><\/span>/);
    const list = /<ol class="changes">[\s\S]*?<\/ol>/.exec(elementById(html, 's1-e2'))?.[0] ?? '';
    assert.equal(count(list, /<li /g), 9);
    assert.match(
      list,
      /^<ol class="changes"><li class="change t-altered" id="s1-e2-c4"><span class="change-type">quote → reported/,
    );
    assert.match(
      list,
      /<a class="cite-link" href="#s1-e2-c2-src" data-change="s1-e2-c2">“Russia”<\/a> → <a class="cite-link" href="#s1-e2-c2-copy" data-change="s1-e2-c2">“Moscow”<\/a>/,
    );
  });

  it('shows changes cited in page chrome in a “removed from page” box', () => {
    const box = elementById(html, 's1-e1-copy-removed');
    assert.equal(count(box, /<li /g), portal.boilerplate.length);
    assert.match(
      box,
      /<li id="s1-e1-copy-bp3" data-c="s1-e1-c1"><span class="kind">teaser<\/span> “ALSO READ: Markets rally as oil slips”<\/li>/,
    );
    assert.match(html, /href="#s1-e1-copy-bp3" data-change="s1-e1-c1"/);
    assert.throws(() => elementById(html, 's1-e1-src-removed'), 'no box when nothing is cited in chrome');
  });

  it('lists unrelated documents', () => {
    assert.match(
      elementById(html, 'unrelated'),
      /<li><span class="input">weather.txt<\/span> \(no title\)<\/li>/,
    );
  });

  it('is deterministic', () => {
    assert.equal(renderTraceHtml(trace), html);
  });
});

describe('renderCompareHtml', () => {
  const page = renderCompareHtml(spun, wire, spunPair);

  it('shows the decided source on the left even when it is b', () => {
    assert.deepEqual(nestingProblems(page), []);
    assert.match(page, /<h3>Source · <span class="input">wire.txt<\/span><\/h3>/);
    assert.match(page, /<h3>Copy · <span class="input">spun.txt<\/span><\/h3>/);
    assert.equal(textOf(elementById(page, 'pair-src-text')), wire.text);
    assert.match(page, /<g class="node root" data-input="wire.txt">/);
    for (const target of fragmentLinks(page)) assert.ok(idsOf(page).includes(target), target);
    assert.doesNotMatch(page, /https?:\/\//);
  });

  it('labels the documents A and B when no direction is decided', () => {
    const undecided = {
      ...spunPair,
      relation: 'same-story' as const,
      direction: { direction: null, confidence: 0, signals: [] },
      changes: [],
    };
    const sameStory = renderCompareHtml(spun, wire, undecided);
    assert.match(sameStory, /<h3>Document A · <span class="input">spun.txt<\/span><\/h3>/);
    assert.equal(count(sameStory, /<g class="edge /g), 0);
    assert.equal(count(sameStory, /<g class="node/g), 2);
  });
});
