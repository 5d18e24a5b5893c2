import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../src/model/article.js';
import { compareToJson, type JsonRange, traceToJson } from '../../src/report/json.js';
import { portal, portalPair, spun, spunPair, trace, wire } from './fixtures.js';

function sliceInput(article: Article, range: JsonRange | null): string | null {
  return range === null ? null : article.content.slice(range[0], range[1]);
}

/** Every number in a JSON value has at most three decimals. */
function assertRounded(value: unknown, path = '$'): void {
  if (typeof value === 'number') {
    assert.equal(Math.round(value * 1000) / 1000, value, `${path} is not rounded: ${value}`);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertRounded(item, `${path}[${index}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) assertRounded(item, `${path}.${key}`);
  }
}

describe('compareToJson', () => {
  it('maps passage spans to input offsets through page chrome (a->b)', () => {
    const json = compareToJson(wire, portal, portalPair);
    assert.equal(json.direction, 'a->b');
    const [first, second, dropped] = json.passages;
    const firstModel = portalPair.alignment.passages[0];
    // portal.html's story text starts after the <nav> and <h1>: input offsets differ from text offsets.
    assert.notEqual(first!.b![0], firstModel!.b!.start);
    assert.equal(sliceInput(portal, first!.b), portal.text.slice(firstModel!.b!.start, firstModel!.b!.end));
    assert.equal(sliceInput(wire, first!.a), wire.text.slice(firstModel!.a!.start, firstModel!.a!.end));
    // A passage across a paragraph break (and the markup between) starts and ends on the right words.
    const secondInput = sliceInput(portal, second!.b)!;
    assert.ok(secondInput.startsWith('NATO Secretary General'));
    assert.ok(secondInput.endsWith('told reporters in Brussels.'));
    assert.deepEqual(dropped, { a: [396, 442], b: null, kind: 'dropped', similarity: 0 });
  });

  it('keys passages by the compare’s own a and b when the source is b (b->a)', () => {
    const json = compareToJson(spun, wire, spunPair);
    assert.equal(json.a, 'spun.txt');
    assert.equal(json.b, 'wire.txt');
    assert.equal(json.direction, 'b->a');
    spunPair.alignment.passages.forEach((passage, index) => {
      const out = json.passages[index]!;
      assert.equal(out.kind, passage.kind);
      // The model's side a is the source (wire.txt, the compare's b) and side b the copy (spun.txt).
      assert.equal(sliceInput(spun, out.a), passage.b && spun.text.slice(passage.b.start, passage.b.end));
      assert.equal(sliceInput(wire, out.b), passage.a && wire.text.slice(passage.a.start, passage.a.end));
    });
    const dropped = json.passages.find((passage) => passage.kind === 'dropped')!;
    assert.equal(dropped.a, null, 'dropped text is only in the source, wire.txt = b');
    assert.equal(sliceInput(wire, dropped.b), 'The NATO-Russia Council last met in July 2019.');
  });

  it('swaps the …A/…B figures back for a b->a compare', () => {
    const stats = compareToJson(spun, wire, spunPair).stats;
    assert.equal(stats.coverageA, 0.74, 'a = spun.txt = the copy');
    assert.equal(stats.coverageB, 0.8);
    assert.equal(stats.strictA, 0.49);
    assert.equal(stats.verbatimB, 0.3);
    assert.deepEqual(stats.pairs, { verbatim: 0, edited: 1, spun: 1, reworded: 1 });
    const forward = compareToJson(wire, portal, portalPair).stats;
    assert.equal(forward.coverageA, 0.781);
    assert.equal(forward.coverageB, 1);
  });

  it('outputs changes with input citations that slice to their text', () => {
    const json = compareToJson(spun, wire, spunPair);
    assert.equal(json.changes.length, spunPair.changes.length);
    for (const change of json.changes) {
      assert.deepEqual(Object.keys(change), ['type', 'source', 'copy', 'note']);
      if (change.source)
        assert.equal(wire.content.slice(change.source.start, change.source.end), change.source.text);
      if (change.copy) assert.equal(spun.content.slice(change.copy.start, change.copy.end), change.copy.text);
    }
    const teaser = compareToJson(wire, portal, portalPair).changes[0]!;
    assert.equal(teaser.type, 'teaser-added');
    assert.equal(
      portal.content.slice(teaser.copy!.start, teaser.copy!.end),
      'ALSO READ: Markets rally as oil slips',
    );
  });

  it('rounds every score to 3 decimals and keeps the documented key order', () => {
    const json = compareToJson(spun, wire, spunPair);
    assert.equal(json.score, 0.846);
    assertRounded(json);
    assert.deepEqual(Object.keys(json), [
      'a',
      'b',
      'relation',
      'score',
      'direction',
      'confidence',
      'signals',
      'passages',
      'changes',
      'stats',
      'partial',
      'sourceShare',
      'copyShare',
      'relationEvidence',
    ]);
    assert.deepEqual(json.signals[0], {
      name: 'quote-intact',
      vote: -0.6,
      detail: 'a direct quote of wire.txt is reported speech in spun.txt',
    });
  });

  it('is deterministic', () => {
    assert.equal(
      JSON.stringify(compareToJson(spun, wire, spunPair)),
      JSON.stringify(compareToJson(spun, wire, spunPair)),
    );
  });
});

describe('traceToJson', () => {
  const json = traceToJson(trace);

  it('lists stories with root, documents and source → copy edges', () => {
    assert.equal(json.stories.length, 2);
    const story = json.stories[0]!;
    assert.deepEqual(Object.keys(story), ['id', 'documents', 'root', 'rootConfidence', 'edges']);
    assert.equal(story.id, 'story-1');
    assert.equal(story.root, 'wire.txt');
    assert.deepEqual(story.documents, ['wire.txt', 'portal.html', 'spun.txt']);
    assert.deepEqual(
      story.edges.map((edge) => [edge.source, edge.copy, edge.relation, edge.confidence]),
      [
        ['wire.txt', 'portal.html', 'copy', 0.91],
        ['wire.txt', 'spun.txt', 'spun', 0.81],
      ],
    );
    assert.equal(story.edges[1]!.changes.length, 9);
    assert.deepEqual(json.stories[1], {
      id: 'story-2',
      documents: ['weather.txt'],
      root: null,
      rootConfidence: 0,
      edges: [],
    });
  });

  it('lists every document with its metadata, in input order', () => {
    assert.deepEqual(json.documents[1], {
      input: 'portal.html',
      title: 'Engage Russia but remain clear-eyed, Blinken tells NATO',
      published: '2021-03-24T20:48:00+05:30',
      publishedFrom: 'meta',
      publishedConfidence: 0.8,
      modified: null,
      byline: null,
      siteName: 'Portal News',
      language: 'en',
      url: 'https://portal.example/story',
      canonicalUrl: 'https://portal.example/story',
      encoding: 'windows-1252',
    });
    assert.deepEqual(
      json.documents.map((document) => document.input),
      ['wire.txt', 'portal.html', 'spun.txt', 'weather.txt'],
    );
  });

  it('gives checkable evidence: counts per kind, one example per kind, signals for source → copy', () => {
    const evidence = json.stories[0]!.edges[1]!.evidence;
    assert.deepEqual(
      evidence.filter((item) => item.type === 'passages').map((item) => [item.kind, item.count]),
      [
        ['edited', 1],
        ['spun', 1],
        ['reworded', 1],
        ['dropped', 1],
        ['added', 1],
      ],
    );
    const examples = evidence.flatMap((item) => (item.type === 'passage' ? [item] : []));
    assert.deepEqual(
      examples.map((item) => item.kind),
      ['edited', 'spun', 'reworded'],
    );
    for (const example of examples) {
      assert.equal(wire.content.slice(example.source.start, example.source.end), example.source.text);
      assert.equal(spun.content.slice(example.copy.start, example.copy.end), example.copy.text);
    }
    // spunPair was compared as (spun, wire), so its votes are re-signed to favour wire → spun.
    const signals = evidence.flatMap((item) => (item.type === 'signal' ? [item] : []));
    assert.deepEqual(
      signals.map((signal) => [signal.name, signal.vote]),
      [
        ['quote-intact', 0.6],
        ['published', 0.3],
        ['length', -0.1],
      ],
    );
  });

  it('quotes evidence from HTML inputs at input offsets', () => {
    const examples = json.stories[0]!.edges[0]!.evidence.flatMap((item) =>
      item.type === 'passage' ? [item] : [],
    );
    assert.equal(examples.length, 1);
    const copy = examples[0]!.copy;
    assert.ok(portal.content.slice(copy.start, copy.end).startsWith(copy.text.slice(0, 40)));
    assert.ok(copy.text.length <= 160);
  });

  it('is rounded and deterministic', () => {
    assertRounded(json);
    assert.equal(JSON.stringify(traceToJson(trace)), JSON.stringify(json));
  });
});
