import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contentId } from '../../src/engine/content-id.js';
import { toSourceDocument } from '../../src/engine/documents.js';
import { createEngine } from '../../src/engine/engine.js';
import type { RawDocument } from '../../src/model/article.js';
import { compareDocuments, extractDocuments, traceDocuments } from '../../src/service/index.js';
import { spanToSource } from '../../src/text/offsets.js';
import { EXAMPLE_DIRECTORY } from '../pipeline/seeds.js';

const engine = createEngine();

function example(name: string): RawDocument {
  const content = readFileSync(new URL(name, EXAMPLE_DIRECTORY), 'utf8');
  return { input: name, format: 'text', content, encoding: 'utf-8' };
}

const NAMES = ['000_31f6c2312a741652.txt', '001_91a7594f1c02de45.txt', '002_8e4e4f2d4b117ffc.txt'];

describe('documents as plain data', () => {
  it('take a content id from the decoded text, whatever their name', () => {
    const raw = example(NAMES[0]!);
    const document = toSourceDocument(raw);
    assert.equal(document.version, 1);
    assert.equal(document.id, contentId(raw.content));
    assert.equal(toSourceDocument({ ...raw, input: 'elsewhere.txt' }).id, document.id);
    assert.notEqual(toSourceDocument({ ...raw, content: `${raw.content} ` }).id, document.id);
  });

  it('cross structuredClone and JSON unchanged, offsets included', async () => {
    const { documents } = await extractDocuments(engine, [example(NAMES[1]!)]);
    const [document] = documents;
    assert.ok(document);
    for (const copy of [structuredClone(document), JSON.parse(JSON.stringify(document)) as typeof document]) {
      assert.deepEqual(copy, document);
      for (const paragraph of copy.article.paragraphs) {
        const span = spanToSource(copy.article.origin, paragraph.start, paragraph.end);
        assert.equal(
          copy.article.content.slice(span.start, span.end),
          copy.article.text.slice(paragraph.start, paragraph.end),
        );
      }
    }
  });
});

describe('the service', () => {
  it('reads the same input given twice as one document, and lists failures by name', async () => {
    const empty: RawDocument = { input: 'empty.txt', format: 'text', content: '   ', encoding: 'utf-8' };
    const outcome = await extractDocuments(engine, [example(NAMES[0]!), example(NAMES[0]!), empty]);
    assert.equal(outcome.documents.length, 1);
    assert.deepEqual(
      outcome.failures.map((failure) => failure.name),
      ['empty.txt'],
    );
  });

  it('traces the example story to the same JSON as the engine, with no edge from a document to itself', async () => {
    const raws = [...NAMES, NAMES[2]!].map(example);
    const { documents } = await extractDocuments(engine, raws);
    const { result, json } = await traceDocuments(engine, [...documents, documents[0]!]);
    assert.equal(json.stories.length, 1);
    assert.match(json.stories[0]!.root ?? '', /^001_/);
    assert.equal(result.articles.length, 3);
    for (const edge of json.stories[0]!.edges) assert.notEqual(edge.source, edge.copy);
  });

  it('compares two documents into the compare --json shape', async () => {
    const { documents } = await extractDocuments(engine, [example(NAMES[1]!), example(NAMES[0]!)]);
    const { result, json } = await compareDocuments(engine, documents[0]!, documents[1]!);
    assert.equal(result.relation, 'spun');
    assert.equal(json.relation, 'spun');
  });
});

describe('the engine clock', () => {
  it('is the only clock the stages read: a date after it is not believed', () => {
    const raws = NAMES.slice(0, 2).map(example);
    const dated = (raw: RawDocument, published: string): RawDocument => ({ ...raw, meta: { published } });
    const a = engine.extract(toSourceDocument(dated(raws[1]!, '2030-01-02')));
    const b = engine.extract(toSourceDocument(dated(raws[0]!, '2030-01-01')));
    const signalNames = (now: number) =>
      createEngine({ lexicon: engine.lexicon, now: () => now })
        .compare(a.article, b.article)
        .direction.signals.map((signal) => signal.name);
    assert.ok(signalNames(Date.parse('2031-01-01')).includes('published-date'));
    assert.ok(!signalNames(Date.parse('2020-01-01')).includes('published-date'));
  });
});
